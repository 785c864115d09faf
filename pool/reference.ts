/** Reference data seeded on an empty database: the codes of DESIGN.md, stable across releases. */

export const ISLANDS = [
  {
    code: 'AW',
    name: 'Aruba',
    nameNl: 'Aruba',
    capital: 'Oranjestad',
    airport: 'AUA',
    timeZone: 'America/Aruba',
    languages: ['pap', 'nl', 'en', 'es'],
  },
  {
    code: 'CW',
    name: 'Curaçao',
    nameNl: 'Curaçao',
    capital: 'Willemstad',
    airport: 'CUR',
    timeZone: 'America/Curacao',
    languages: ['pap', 'nl', 'en', 'es'],
  },
  {
    code: 'SX',
    name: 'Sint Maarten',
    nameNl: 'Sint Maarten',
    capital: 'Philipsburg',
    airport: 'SXM',
    timeZone: 'America/Lower_Princes',
    languages: ['en', 'nl'],
  },
  {
    code: 'BO',
    name: 'Bonaire',
    nameNl: 'Bonaire',
    capital: 'Kralendijk',
    airport: 'BON',
    timeZone: 'America/Kralendijk',
    languages: ['pap', 'nl', 'en', 'es'],
  },
  {
    code: 'SE',
    name: 'Sint Eustatius',
    nameNl: 'Sint Eustatius',
    capital: 'Oranjestad',
    airport: 'EUX',
    timeZone: 'America/Kralendijk',
    languages: ['en', 'nl'],
  },
  {
    code: 'SA',
    name: 'Saba',
    nameNl: 'Saba',
    capital: 'The Bottom',
    airport: 'SAB',
    timeZone: 'America/Kralendijk',
    languages: ['en', 'nl'],
  },
  {
    code: 'NL',
    name: 'European Netherlands',
    nameNl: 'Europees Nederland',
    capital: null,
    airport: 'AMS',
    timeZone: 'Europe/Amsterdam',
    languages: ['nl', 'en'],
    isBaseOnly: true,
  },
].map((island, sort) => ({ isBaseOnly: false, ...island, sort }))

export const ISLAND_CODES = ['AW', 'CW', 'SX', 'BO', 'SE', 'SA'] as const

export const ROLE_CATALOGUE = [
  { code: 'operational_leader', name: 'Operational leader', nameNl: 'Operationeel Leider' },
  { code: 'information_manager', name: 'Information manager', nameNl: 'Informatiemanager' },
  {
    code: 'crisis_communication_adviser',
    name: 'Crisis communication adviser',
    nameNl: 'Adviseur crisiscommunicatie',
  },
  { code: 'liaison_officer', name: 'Liaison officer', nameNl: 'Liaison / verbindingsofficier' },
  {
    code: 'policy_team_secretary',
    name: 'Secretary of the island policy team (EBT)',
    nameNl: 'Secretaris EBT',
  },
  { code: 'population_care_lead', name: 'Population care lead', nameNl: 'Hoofd bevolkingszorg' },
  { code: 'logistics_coordinator', name: 'Logistics coordinator', nameNl: 'Coördinator logistiek' },
  { code: 'plotter', name: 'Plotter', nameNl: 'Plotter' },
  { code: 'fire_service_commander', name: 'Fire service commander', nameNl: 'Commandant brandweer' },
  { code: 'medical_coordinator', name: 'Medical / public health coordinator', nameNl: 'Coördinator GHOR' },
].map((role, sort) => ({ ...role, active: true, sort }))

export const LANGUAGES = [
  { code: 'en', name: 'English', nameNl: 'Engels' },
  { code: 'nl', name: 'Dutch', nameNl: 'Nederlands' },
  { code: 'pap', name: 'Papiamento / Papiamentu', nameNl: 'Papiaments' },
  { code: 'es', name: 'Spanish', nameNl: 'Spaans' },
  { code: 'fr', name: 'French', nameNl: 'Frans' },
  { code: 'de', name: 'German', nameNl: 'Duits' },
]

/** Door-to-door estimates in minutes, scheduled flights plus transfer; coordinators correct them. */
const LEGS: [string, string, number, string][] = [
  ['NL', 'AW', 660, 'AMS–AUA direct'],
  ['NL', 'CW', 660, 'AMS–CUR direct'],
  ['NL', 'BO', 690, 'AMS–BON direct'],
  ['NL', 'SX', 630, 'AMS–SXM direct'],
  ['NL', 'SE', 810, 'AMS–SXM, SXM–EUX'],
  ['NL', 'SA', 810, 'AMS–SXM, SXM–SAB'],
  ['AW', 'CW', 150, 'AUA–CUR'],
  ['AW', 'BO', 210, 'AUA–CUR–BON'],
  ['CW', 'BO', 150, 'CUR–BON'],
  ['AW', 'SX', 330, 'AUA–CUR–SXM'],
  ['CW', 'SX', 270, 'CUR–SXM'],
  ['BO', 'SX', 330, 'BON–CUR–SXM'],
  ['SX', 'SA', 120, 'SXM–SAB (or ferry)'],
  ['SX', 'SE', 120, 'SXM–EUX'],
  ['SA', 'SE', 240, 'SAB–SXM–EUX'],
  ['AW', 'SA', 480, 'AUA–CUR–SXM–SAB'],
  ['AW', 'SE', 480, 'AUA–CUR–SXM–EUX'],
  ['CW', 'SA', 420, 'CUR–SXM–SAB'],
  ['CW', 'SE', 420, 'CUR–SXM–EUX'],
  ['BO', 'SA', 480, 'BON–CUR–SXM–SAB'],
  ['BO', 'SE', 480, 'BON–CUR–SXM–EUX'],
]

/** Both directions of every leg; a Caribbean base reaches its own island in 0 minutes. */
export const TRAVEL_TIMES = [
  ...LEGS.flatMap(([a, b, minutes, route]) => [
    { fromCode: a, toCode: b, minutes, route },
    ...(a === 'NL' ? [] : [{ fromCode: b, toCode: a, minutes, route: route.split('–').reverse().join('–') }]),
  ]),
  ...ISLAND_CODES.map((code) => ({ fromCode: code, toCode: code, minutes: 0, route: 'local' })),
]

export const HRC_UNIT_TYPES = [
  'reconnaissance',
  'light_usar',
  'logistics',
  'water_purification',
  'communications',
  'medical',
] as const

const islandNames = new Map(ISLANDS.map((i) => [i.code, i.name]))

/** "Saba" for "SA"; the code itself for an unknown one. */
export function islandName(code: string): string {
  return islandNames.get(code) ?? code
}

export function isIslandCode(code: unknown): code is (typeof ISLAND_CODES)[number] {
  return typeof code === 'string' && (ISLAND_CODES as readonly string[]).includes(code)
}
