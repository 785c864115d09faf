/**
 * USAR.NL's Hurricane Relief Capacity: units and their readiness, the storms that threaten the
 * islands (with every advisory kept), and the dispatch orders that send units to an island.
 * "A unit is in at most one active dispatch" is the partial unique index on hrc_dispatch_units:
 * the write itself refuses the second order, whatever the reads before it saw.
 */
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { IslandEstimate, IslandOutlook, TrackPoint } from '../../pool/hrc/index.ts'
import {
  DISPATCH_CAUSES,
  DISPATCH_STATUSES,
  READINESS,
  STORM_CATEGORIES,
  THREAT_SOURCES,
  THREAT_STATUSES,
  TRANSPORTS,
  UNIT_TYPES,
} from '../../pool/reference/index.ts'
import { islands } from './reference.ts'

export const hrcUnits = sqliteTable('hrc_units', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  type: text('type', { enum: UNIT_TYPES }).notNull(),
  people: integer('people').notNull(),
  base: text('base')
    .notNull()
    .references(() => islands.code),
  readiness: text('readiness', { enum: READINESS }).notNull().default('standby'),
  version: integer('version').notNull().default(1),
  /** Random mark of the last guarded write: the batch's dependent rows check for it (db/guard.ts). */
  stamp: text('stamp'),
  leaderName: text('leader_name'),
  leaderPhone: text('leader_phone'),
  leaderEmail: text('leader_email'),
  weightKg: real('weight_kg').notNull().default(0),
  volumeM3: real('volume_m3').notNull().default(0),
  selfSufficientDays: integer('self_sufficient_days'),
  /** Where the unit is now (a base or island code); its base until a dispatch moves it. */
  location: text('location').notNull().default('NL'),
  islands: text('islands', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'["AW","CW","SX","BO","SE","SA"]'`),
  notes: text('notes').notNull().default(''),
  readinessAt: integer('readiness_at'),
})

export const hrcThreats = sqliteTable(
  'hrc_threats',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    category: text('category', { enum: STORM_CATEGORIES }).notNull(),
    status: text('status', { enum: THREAT_STATUSES }).notNull().default('open'),
    /** The last advisory's source and track, and what they mean per island (computed when written). */
    source: text('source', { enum: THREAT_SOURCES }).notNull(),
    track: text('track', { mode: 'json' }).$type<TrackPoint[]>().notNull(),
    islands: text('islands', { mode: 'json' }).$type<IslandOutlook[]>().notNull(),
    advisories: integer('advisories').notNull().default(1),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    closedAt: integer('closed_at'),
    version: integer('version').notNull().default(1),
    stamp: text('stamp'),
  },
  (t) => [index('hrc_threats_status').on(t.status, t.updatedAt)],
)

/** Every advisory a threat was given, oldest first (`seq` 1, 2, …): the history an update keeps. */
export const hrcAdvisories = sqliteTable(
  'hrc_advisories',
  {
    id: text('id').primaryKey(),
    threatId: text('threat_id')
      .notNull()
      .references(() => hrcThreats.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    recordedAt: integer('recorded_at').notNull(),
    source: text('source', { enum: THREAT_SOURCES }).notNull(),
    number: text('number'),
    issuedAt: integer('issued_at'),
    track: text('track', { mode: 'json' }).$type<TrackPoint[]>().notNull(),
    islands: text('islands', { mode: 'json' }).$type<IslandEstimate[]>().notNull(),
    text: text('text'),
  },
  (t) => [uniqueIndex('hrc_advisories_seq').on(t.threatId, t.seq)],
)

export const hrcDispatches = sqliteTable(
  'hrc_dispatches',
  {
    id: text('id').primaryKey(),
    island: text('island')
      .notNull()
      .references(() => islands.code),
    /** The capacity need answered (no foreign key: an edit of the request replaces its need rows, keeping ids). */
    needId: text('need_id'),
    requestId: text('request_id'),
    kind: text('kind', { enum: ['need', 'prepositioning'] }).notNull(),
    status: text('status', { enum: DISPATCH_STATUSES }).notNull(),
    etd: integer('etd').notNull(),
    eta: integer('eta').notNull(),
    transport: text('transport', { enum: TRANSPORTS }).notNull(),
    carrier: text('carrier').notNull().default(''),
    capacityWeightKg: real('capacity_weight_kg'),
    capacityVolumeM3: real('capacity_volume_m3'),
    payloadPeople: integer('payload_people').notNull(),
    payloadWeightKg: real('payload_weight_kg').notNull(),
    payloadVolumeM3: real('payload_volume_m3').notNull(),
    reason: text('reason'),
    cause: text('cause', { enum: DISPATCH_CAUSES }),
    onBehalf: integer('on_behalf', { mode: 'boolean' }).notNull().default(false),
    statusAt: integer('status_at').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    stamp: text('stamp'),
  },
  (t) => [
    index('hrc_dispatches_island').on(t.island, t.status),
    index('hrc_dispatches_need').on(t.needId),
    index('hrc_dispatches_request').on(t.requestId),
    // active orders of every island, and the board's change mark (count and sum of versions)
    index('hrc_dispatches_status').on(t.status, t.version),
  ],
)

/**
 * The units of an order. `active` is 1 while the order is active (every state but declined,
 * cancelled and returned) and is cleared by the same guarded batch that ends the order; the
 * partial unique index lets a unit hold one active row only, so a second order fails its batch.
 */
export const hrcDispatchUnits = sqliteTable(
  'hrc_dispatch_units',
  {
    dispatchId: text('dispatch_id')
      .notNull()
      .references(() => hrcDispatches.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => hrcUnits.id),
    position: integer('position').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.dispatchId, t.unitId] }),
    uniqueIndex('hrc_dispatch_units_active').on(t.unitId).where(sql`active = 1`),
  ],
)
