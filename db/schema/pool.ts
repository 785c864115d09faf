/** The pool of crisis functionaries: who they are, what they can do, which languages they speak. */
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { LEVELS, PROFICIENCIES } from '../../pool/reference/index.ts'
import { islands, languages, roles } from './reference.ts'

export const functionaries = sqliteTable(
  'functionaries',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    phone: text('phone').notNull().default(''),
    base: text('base')
      .notNull()
      .references(() => islands.code),
    organisation: text('organisation').notNull().default(''),
    remoteCapable: integer('remote_capable', { mode: 'boolean' }).notNull().default(false),
    travelDocumentExpiry: text('travel_document_expiry'), // ISO date
    medicalFitnessExpiry: text('medical_fitness_expiry'),
    notes: text('notes').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    /** Random mark of the last guarded write: the batch's dependent rows check for it (db/guard.ts). */
    stamp: text('stamp'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('functionaries_base').on(t.base),
    // the pool's list: active people by name, paged, and their count
    index('functionaries_active_name').on(t.active, sql`"name" collate nocase`, t.id),
  ],
)

export const functionaryRoles = sqliteTable(
  'functionary_roles',
  {
    functionaryId: text('functionary_id')
      .notNull()
      .references(() => functionaries.id, { onDelete: 'cascade' }),
    role: text('role')
      .notNull()
      .references(() => roles.code),
    level: text('level', { enum: LEVELS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionaryId, t.role] }), index('functionary_roles_role').on(t.role)],
)

export const functionaryLanguages = sqliteTable(
  'functionary_languages',
  {
    functionaryId: text('functionary_id')
      .notNull()
      .references(() => functionaries.id, { onDelete: 'cascade' }),
    language: text('language')
      .notNull()
      .references(() => languages.code),
    proficiency: text('proficiency', { enum: PROFICIENCIES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionaryId, t.language] })],
)
