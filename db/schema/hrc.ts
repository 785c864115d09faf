/** Units of USAR.NL's Hurricane Relief Capacity and their readiness. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { READINESS } from '../../pool/reference/index.ts'
import { islands } from './reference.ts'

export const hrcUnits = sqliteTable('hrc_units', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  people: integer('people').notNull(),
  equipment: text('equipment').notNull().default(''),
  base: text('base')
    .notNull()
    .references(() => islands.code),
  readiness: text('readiness', { enum: READINESS }).notNull().default('standby'),
  version: integer('version').notNull().default(1),
  /** Random mark of the last guarded write: the batch's dependent rows check for it (db/guard.ts). */
  stamp: text('stamp'),
})
