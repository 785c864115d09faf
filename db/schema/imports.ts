/**
 * Staged register imports (db/queries/functionary-imports.ts): the rows of one CSV import, written
 * in chunks before one guarded batch publishes them. Nothing reads this table but the publish, so
 * an import that fails or is abandoned half-way leaves nothing visible; the hourly purge drops it.
 */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const functionaryImportRows = sqliteTable(
  'functionary_import_rows',
  {
    importId: text('import_id').notNull(),
    /** Order of the rows (creates first, then updates): the audit trail keeps it. */
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['create', 'update'] }).notNull(),
    functionaryId: text('functionary_id').notNull(),
    /** An update's version as planned: the publish aborts if the person changed since. */
    version: integer('version'),
    /** The record after the import, with its roles and languages, as JSON. */
    record: text('record').notNull(),
    /** The audit event as JSON (before/after already serialised), if the row makes one. */
    event: text('event'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
)
