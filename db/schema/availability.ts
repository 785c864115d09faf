/** When pool members cannot be deployed, and the availability alerts sent to them for a need. */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { ALERT_ANSWERS, UNAVAILABILITY_REASONS } from '../../pool/reference/index.ts'
import { users } from './accounts.ts'
import { functionaries } from './pool.ts'
import { needs, requests } from './requests.ts'

export const unavailability = sqliteTable(
  'unavailability',
  {
    id: text('id').primaryKey(),
    functionaryId: text('functionary_id')
      .notNull()
      .references(() => functionaries.id, { onDelete: 'cascade' }),
    start: text('start').notNull(), // ISO date, inclusive
    end: text('end').notNull(), // ISO date, inclusive
    reason: text('reason', { enum: UNAVAILABILITY_REASONS }).notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('unavailability_functionary').on(t.functionaryId, t.start)],
)

/**
 * "Are you available 6–20 Sep for Saba?": one row per functionary per need, whatever its state
 * (a unique index, so concurrent rounds cannot double it). Asking again is a reminder on the same
 * row: a new secret and deadline, the answer kept. The answer link carries `id.secret`; only
 * SHA-256 of the secret is stored, and a reminder moves the old hash to `retiredHashes`, so an old
 * link is recognised (and says it was replaced) but records nothing.
 */
export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    needId: text('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    requestId: text('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    functionaryId: text('functionary_id')
      .notNull()
      .references(() => functionaries.id),
    sentBy: text('sent_by').references(() => users.id),
    sentAt: integer('sent_at').notNull(),
    deadline: integer('deadline').notNull(),
    secretHash: text('secret_hash').notNull(),
    answer: text('answer', { enum: ALERT_ANSWERS }),
    note: text('note'),
    answeredAt: integer('answered_at'),
    /** Random mark of the last guarded write: an answer or a reminder (db/guard.ts). */
    stamp: text('stamp'),
    /** How often the person was asked again; `remindedAt` is the last time, `sentAt` the first. */
    reminders: integer('reminders').notNull().default(0),
    remindedAt: integer('reminded_at'),
    remindedBy: text('reminded_by').references(() => users.id),
    /** SHA-256 of the secrets of the links replaced by reminders (a JSON list). */
    retiredHashes: text('retired_hashes', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  },
  (t) => [
    uniqueIndex('alerts_need_functionary').on(t.needId, t.functionaryId),
    index('alerts_need').on(t.needId, t.sentAt),
    index('alerts_functionary').on(t.functionaryId, t.sentAt),
  ],
)
