/**
 * Assignments of functionaries to needs (pool/assignments). "One active assignment per person and
 * overlapping period" cannot be a unique index (periods overlap, they are not equal): the insert
 * itself holds it (`INSERT … SELECT … WHERE NOT EXISTS`, db/queries/assignments.ts).
 * `need_id` carries no foreign key: an edit of the request rewrites its needs under the same ids,
 * and a deployment's history must outlive such a rewrite.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { ASSIGNMENT_STATUSES, CONFIRM_CHANNELS, TRANSPORTS } from '../../pool/reference/index.ts'
import { users } from './accounts.ts'
import { functionaries } from './pool.ts'
import { islands } from './reference.ts'
import { requests } from './requests.ts'

export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    needId: text('need_id').notNull(),
    requestId: text('request_id')
      .notNull()
      .references(() => requests.id),
    island: text('island')
      .notNull()
      .references(() => islands.code),
    functionaryId: text('functionary_id')
      .notNull()
      .references(() => functionaries.id),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull(),
    periodStart: text('period_start').notNull(), // ISO date, inclusive
    periodEnd: text('period_end').notNull(),
    /** Travel (ETD/ETA epoch ms), null until a coordinator records it. */
    etd: integer('etd'),
    eta: integer('eta'),
    transport: text('transport', { enum: TRANSPORTS }),
    travelReference: text('travel_reference'),
    reason: text('reason'),
    /** A yes heard by a coordinator instead of the alert link: channel, note, who recorded it. */
    confirmedChannel: text('confirmed_channel', { enum: CONFIRM_CHANNELS }),
    confirmedNote: text('confirmed_note'),
    confirmedBy: text('confirmed_by').references(() => users.id),
    onBehalf: integer('on_behalf', { mode: 'boolean' }).notNull().default(false),
    flaggedAt: integer('flagged_at'),
    proposedBy: text('proposed_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    /** Random mark of the last guarded write: the batch's dependent rows check for it (db/guard.ts). */
    stamp: text('stamp'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    offeredAt: integer('offered_at'),
    acceptedAt: integer('accepted_at'),
    arrivedAt: integer('arrived_at'),
    releasedAt: integer('released_at'),
    endedAt: integer('ended_at'),
  },
  (t) => [
    index('assignments_functionary').on(t.functionaryId, t.status, t.periodStart),
    index('assignments_need').on(t.needId, t.status),
    index('assignments_request').on(t.requestId, t.status),
    index('assignments_island').on(t.island, t.status),
    // the coordinator's list: assignments in these states, last changed first
    index('assignments_status').on(t.status, t.updatedAt),
  ],
)
