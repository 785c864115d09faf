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
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
)
