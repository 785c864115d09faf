/** One-time keys of mutating requests: a POST repeated after a dropped response replays, never redoes. */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(), // the user id, or 'anon'
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(), // method, path and SHA-256 of the body
    status: integer('status'), // null while the first request is being handled
    location: text('location'),
    contentType: text('content_type'),
    body: text('body'),
    createdAt: integer('created_at').notNull(), // when the current claim was made
    claim: text('claim'), // random per claim: a retry that takes a stale claim over changes it
    committedAt: integer('committed_at'), // set in the same batch as the change (the claim's work is done)
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
)
