/** Reference data with stable codes (docs/domain.md, "Reference codes"): the API, CSV files and exports use them. */
import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const islands = sqliteTable('islands', {
  code: text('code').primaryKey(), // AW CW SX BO SE SA, and NL for the European base
  name: text('name').notNull(), // English, for the API; readers see views/i18n names
  capital: text('capital'),
  airport: text('airport').notNull(),
  timeZone: text('time_zone').notNull(),
  languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
  isBaseOnly: integer('is_base_only', { mode: 'boolean' }).notNull().default(false),
  lat: real('lat').notNull().default(0),
  lon: real('lon').notNull().default(0),
  sort: integer('sort').notNull(),
})

/** The crisis-role catalogue is data admins can extend, so its names in each language live here. */
export const roles = sqliteTable('roles', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameNl: text('name_nl').notNull(),
  namePap: text('name_pap').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sort: integer('sort').notNull(),
})

export const languages = sqliteTable('languages', {
  code: text('code').primaryKey(), // ISO 639
  name: text('name').notNull(), // English, for the API; readers see views/i18n names
})

/** Travel time between a base and an island, in minutes: data a coordinator edits, not code. */
export const travelTimes = sqliteTable(
  'travel_times',
  {
    fromCode: text('from_code')
      .notNull()
      .references(() => islands.code),
    toCode: text('to_code')
      .notNull()
      .references(() => islands.code),
    minutes: integer('minutes').notNull(),
    route: text('route').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromCode, t.toCode] })],
)
