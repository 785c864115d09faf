/** The append-only audit trail: who did what to which record, when, from what to what. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    at: integer('at').notNull(),
    actorId: text('actor_id'), // null: the system (seed, delivery loop) or a token holder
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId, t.at)],
)
