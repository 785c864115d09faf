/** Incidents and requests for assistance with their needs (line items). */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import {
  INCIDENT_STATUSES,
  LEVELS,
  NEED_KINDS,
  PHASES,
  PRIORITIES,
  REQUEST_STATUSES,
} from '../../pool/reference/index.ts'
import { users } from './accounts.ts'
import { islands, roles } from './reference.ts'

export const incidents = sqliteTable('incidents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  hazard: text('hazard').notNull(),
  islands: text('islands', { mode: 'json' }).$type<string[]>().notNull(),
  phase: text('phase', { enum: PHASES }).notNull(),
  status: text('status', { enum: INCIDENT_STATUSES }).notNull().default('open'),
  openedAt: integer('opened_at').notNull(),
  closedAt: integer('closed_at'),
  createdBy: text('created_by').references(() => users.id),
  /** The island that proposed it (null: opened by LOCC-KCR2); its accounts see the proposal and hear the answer. */
  proposedBy: text('proposed_by').references(() => islands.code),
  /** Why a coordinator turned the proposal down. */
  reason: text('reason'),
  version: integer('version').notNull().default(1),
  stamp: text('stamp'),
})

export const requests = sqliteTable(
  'requests',
  {
    id: text('id').primaryKey(),
    island: text('island')
      .notNull()
      .references(() => islands.code),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('draft'),
    phase: text('phase', { enum: PHASES }).notNull(),
    priority: text('priority', { enum: PRIORITIES }).notNull(),
    title: text('title').notNull(),
    situation: text('situation').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    incidentId: text('incident_id').references(() => incidents.id),
    contact: text('contact').notNull().default(''),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    onBehalf: integer('on_behalf', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    revision: integer('revision').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    submittedAt: integer('submitted_at'),
    acknowledgedAt: integer('acknowledged_at'),
    closedAt: integer('closed_at'),
    reason: text('reason'),
    stamp: text('stamp'),
  },
  (t) => [
    index('requests_island').on(t.island, t.status),
    index('requests_status').on(t.status, t.submittedAt),
    // the inbox's order (urgent first, then the longest waiting), walked until a page is full
    index('requests_order').on(
      sql`case "priority" when 'urgent' then 0 when 'high' then 1 else 2 end`,
      sql`case when "submitted_at" is null then "created_at" else "submitted_at" end`,
      t.id,
    ),
    // the count of what others see (not drafts, unless filed on behalf): from the index alone
    index('requests_visible').on(t.status, t.onBehalf),
    // the HRC board: each island's requests oldest first, walked until its first needs are found
    index('requests_island_age').on(t.island, t.createdAt),
    // the HRC board's change mark (the versions of requests with capacity needs) from the index alone
    index('requests_board').on(t.id, t.version),
    // an incident's page: its requests, counted and paged
    index('requests_incident').on(t.incidentId),
  ],
)

export const needs = sqliteTable(
  'needs',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: NEED_KINDS }).notNull(),
    role: text('role').references(() => roles.code),
    count: integer('count'),
    minLevel: text('min_level', { enum: LEVELS }),
    languages: text('languages', { mode: 'json' }).$type<string[]>(),
    preferredLanguages: text('preferred_languages', { mode: 'json' }).$type<string[]>(),
    remoteOk: integer('remote_ok', { mode: 'boolean' }),
    periodStart: text('period_start'),
    periodEnd: text('period_end'),
    notes: text('notes').notNull().default(''),
    unitType: text('unit_type'),
    description: text('description'),
    quantity: integer('quantity'),
  },
  (t) => [
    index('needs_request').on(t.requestId, t.position),
    // the capacity needs (the HRC board's count and change mark), without reading the needs; partial,
    // so that the far more numerous person needs keep being found from their requests
    index('needs_capacity').on(t.requestId).where(sql`"kind" = 'capacity'`),
  ],
)
