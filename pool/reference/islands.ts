/**
 * The six islands of the Kingdom in the Caribbean and the European Netherlands base: codes and
 * facts (airport, time zone, languages, position). Names for readers are in views/i18n (`island.*`);
 * `name` here is the English name the JSON API and CSV files carry.
 */

export const ISLAND_CODES = ['AW', 'CW', 'SX', 'BO', 'SE', 'SA'] as const
export type IslandCode = (typeof ISLAND_CODES)[number]
/** Where a functionary can be based: an island, or the European Netherlands. */
export const BASE_CODES = [...ISLAND_CODES, 'NL'] as const
export type BaseCode = (typeof BASE_CODES)[number]

export interface Island {
  code: BaseCode
  name: string
  capital: string | null
  airport: string
  timeZone: string
  languages: string[]
  isBaseOnly: boolean
  /** Decimal degrees, west negative: the island's centre (for storm tracks). */
  lat: number
  lon: number
  sort: number
}

export const ISLANDS: readonly Island[] = [
  ['AW', 'Aruba', 'Oranjestad', 'AUA', 'America/Aruba', ['pap', 'nl', 'en', 'es'], 12.52, -69.97],
  ['CW', 'Curaçao', 'Willemstad', 'CUR', 'America/Curacao', ['pap', 'nl', 'en', 'es'], 12.17, -68.99],
  ['SX', 'Sint Maarten', 'Philipsburg', 'SXM', 'America/Lower_Princes', ['en', 'nl'], 18.04, -63.06],
  ['BO', 'Bonaire', 'Kralendijk', 'BON', 'America/Kralendijk', ['pap', 'nl', 'en', 'es'], 12.18, -68.26],
  ['SE', 'Sint Eustatius', 'Oranjestad', 'EUX', 'America/Kralendijk', ['en', 'nl'], 17.49, -62.98],
  ['SA', 'Saba', 'The Bottom', 'SAB', 'America/Kralendijk', ['en', 'nl'], 17.63, -63.24],
  ['NL', 'European Netherlands', null, 'AMS', 'Europe/Amsterdam', ['nl', 'en'], 52.31, 4.76],
].map(([code, name, capital, airport, timeZone, languages, lat, lon], sort) => ({
  code: code as BaseCode,
  name: name as string,
  capital: capital as string | null,
  airport: airport as string,
  timeZone: timeZone as string,
  languages: languages as string[],
  isBaseOnly: code === 'NL',
  lat: lat as number,
  lon: lon as number,
  sort,
}))

export function isIslandCode(code: unknown): code is IslandCode {
  return typeof code === 'string' && (ISLAND_CODES as readonly string[]).includes(code)
}

export function isBaseCode(code: unknown): code is BaseCode {
  return typeof code === 'string' && (BASE_CODES as readonly string[]).includes(code)
}

const zones = new Map(ISLANDS.map((i) => [i.code as string, i.timeZone]))
/** The IANA time zone of an island or base; the islands' zone (UTC−4) for an unknown code. */
export const timeZoneOf = (code: string): string => zones.get(code) ?? 'America/Kralendijk'

const names = new Map(ISLANDS.map((i) => [i.code as string, i.name]))
/** The English name ("Saba" for "SA"); the code itself for an unknown one. */
export const islandName = (code: string): string => names.get(code) ?? code
