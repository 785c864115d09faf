/** When pool members cannot be deployed, and the availability alerts sent to them for a need. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
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
 * "Are you available 6–20 Sep for Saba?": one row per functionary per alert round. The answer link
 * carries `id.secret`; only SHA-256 of the secret is stored; it answers once, until the deadline.
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
    /** Random mark of the answer's guarded write (db/guard.ts). */
    stamp: text('stamp'),
  },
  (t) => [
    index('alerts_need').on(t.needId, t.sentAt),
    index('alerts_functionary').on(t.functionaryId, t.sentAt),
  ],
)
