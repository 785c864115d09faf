/**
 * Demo data from a deterministic generator: fictitious people only, the same on every run, so
 * that demos, tests and screenshots agree. Never seeded when NODE_ENV=production.
 */
import { ISLAND_CODES, ROLE_CATALOGUE } from '../../pool/reference/index.ts'

const FIRST = [
  'Anouk',
  'Ruben',
  'Shirley',
  'Jurgen',
  'Maritza',
  'Desmond',
  'Liesbeth',
  'Kevin',
  'Noelia',
  'Pieter',
  'Yolanda',
  'Ravi',
  'Ingrid',
  'Marlon',
  'Sanne',
  'Gilbert',
  'Esther',
  'Rudsel',
  'Femke',
  'Clive',
  'Denise',
  'Bas',
  'Gisela',
  'Orlando',
  'Mirjam',
  'Tyrone',
  'Lotte',
  'Edsel',
  'Naomi',
  'Wouter',
]
const LAST = [
  'Abbenhuis',
  'Brion',
  'Croes',
  'de Windt',
  'Everts',
  'Flanegin',
  'Geerman',
  'Hassell',
  'Isenia',
  'Jansen-Kock',
  'Kroon',
  'Leonora',
  'Martis',
  'Nicolaas',
  'Oduber',
  'Pietersz',
  'Quast',
  'Richardson',
  'Statia-Smith',
  'Thodé',
  'van Dijk',
  'Wilson',
  'Zimmerman',
  'Arrindell',
  'Bakker',
  'Visser',
  'Mulder',
  'Hodge',
  'Peterson',
  'Every',
]
const ORGS: Record<string, string[]> = {
  NL: [
    'Veiligheidsregio Rotterdam-Rijnmond',
    'Veiligheidsregio Utrecht',
    'Veiligheidsregio Zeeland',
    'NIPV',
    'Ministerie van JenV',
  ],
  CARIB: [
    'Brandweer Caribisch Nederland',
    'Rampenbestrijding Curaçao',
    'Island Government',
    'KPCN',
    'Red Cross',
  ],
}

/** mulberry32: a tiny seeded PRNG, good enough for demo data. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface DemoFunctionary {
  id: string
  name: string
  email: string
  phone: string
  base: string
  organisation: string
  remoteCapable: boolean
  travelDocumentExpiry: string
  medicalFitnessExpiry: string
  roles: { role: string; level: 'trainee' | 'qualified' | 'senior' }[]
  languages: { language: string; proficiency: 'basic' | 'working' | 'fluent' | 'native' }[]
}

const pad = (n: number) => String(n).padStart(3, '0')

/** `count` functionaries; the first 2 × roles guarantee a qualified person per role in the Caribbean and in NL. */
export function demoFunctionaries(count = 240): DemoFunctionary[] {
  const next = rng(20250906)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  const roleCodes = ROLE_CATALOGUE.map((r) => r.code)
  const out: DemoFunctionary[] = []
  for (let i = 1; i <= count; i++) {
    const guaranteed = i <= roleCodes.length * 2
    const base = guaranteed ? (i % 2 ? pick(ISLAND_CODES) : 'NL') : next() < 0.45 ? 'NL' : pick(ISLAND_CODES)
    const carib = base !== 'NL'
    const first = roleCodes[guaranteed ? Math.floor((i - 1) / 2) : Math.floor(next() * roleCodes.length)]!
    const roles: DemoFunctionary['roles'] = [
      {
        role: first,
        level: guaranteed ? 'qualified' : pick(['trainee', 'qualified', 'qualified', 'senior'] as const),
      },
    ]
    if (next() < 0.4) {
      const second = pick(roleCodes)
      if (second !== first) roles.push({ role: second, level: pick(['trainee', 'qualified'] as const) })
    }
    const languages: DemoFunctionary['languages'] = [
      { language: carib ? pick(['en', 'pap', 'nl']) : 'nl', proficiency: 'native' },
    ]
    for (const [code, p] of [
      ['en', 0.9],
      ['nl', 0.7],
      ['pap', carib ? 0.5 : 0.1],
      ['es', 0.35],
      ['fr', 0.1],
    ] as const) {
      if (!languages.some((l) => l.language === code) && next() < p) {
        languages.push({ language: code, proficiency: pick(['basic', 'working', 'fluent'] as const) })
      }
    }
    const name = `${pick(FIRST)} ${pick(LAST)}`
    const email = i <= 5 ? `functionary${i}@demo.ccpm` : `member${pad(i)}@pool.demo.ccpm`
    out.push({
      id: `demo-f${pad(i)}`,
      name,
      email,
      phone: `${carib ? '+599 ' : '+31 6 '}${String(1000000 + Math.floor(next() * 8999999))}`,
      base,
      organisation: pick(carib ? ORGS.CARIB! : ORGS.NL!),
      remoteCapable: next() < 0.5,
      travelDocumentExpiry: `${2027 + Math.floor(next() * 6)}-${pad(1 + Math.floor(next() * 12)).slice(1)}-15`,
      medicalFitnessExpiry: `${2027 + Math.floor(next() * 3)}-${pad(1 + Math.floor(next() * 12)).slice(1)}-01`,
      roles,
      languages,
    })
  }
  return out
}

export const DEMO_PASSWORD = 'demo'

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.ccpm', name: 'Alex Admin', role: 'admin', island: null, organisation: 'CCPM' },
  {
    email: 'coordinator@demo.ccpm',
    name: 'Carla Coordinator',
    role: 'coordinator',
    island: null,
    organisation: 'LOCC-KCR2',
  },
  {
    email: 'dispatcher@demo.ccpm',
    name: 'Dirk Dispatcher',
    role: 'dispatcher',
    island: null,
    organisation: 'USAR.NL',
  },
  {
    email: 'observer@demo.ccpm',
    name: 'Olga Observer',
    role: 'observer',
    island: null,
    organisation: 'Ministerie van BZK',
  },
  {
    email: 'aruba@demo.ccpm',
    name: 'Crisis team Aruba',
    role: 'island',
    island: 'AW',
    organisation: 'Aruba crisis organisation',
  },
  {
    email: 'curacao@demo.ccpm',
    name: 'Crisis team Curaçao',
    role: 'island',
    island: 'CW',
    organisation: 'Curaçao crisis organisation',
  },
  {
    email: 'sintmaarten@demo.ccpm',
    name: 'Crisis team Sint Maarten',
    role: 'island',
    island: 'SX',
    organisation: 'Sint Maarten EOC',
  },
  {
    email: 'bonaire@demo.ccpm',
    name: 'Crisis team Bonaire',
    role: 'island',
    island: 'BO',
    organisation: 'Openbaar Lichaam Bonaire',
  },
  {
    email: 'statia@demo.ccpm',
    name: 'Crisis team Sint Eustatius',
    role: 'island',
    island: 'SE',
    organisation: 'Openbaar Lichaam Sint Eustatius',
  },
  {
    email: 'saba@demo.ccpm',
    name: 'Crisis team Saba',
    role: 'island',
    island: 'SA',
    organisation: 'Openbaar Lichaam Saba',
  },
] as const

/**
 * The five demo HRC units, coded as pool/hrc makes codes (`PREFIX-n`), at their base in the
 * Netherlands, serving all six islands. Leaders' addresses are fictitious demo addresses.
 */
export const DEMO_HRC_UNITS = [
  {
    code: 'RECCE-1',
    name: 'Reconnaissance team 1',
    type: 'reconnaissance',
    people: 6,
    weightKg: 900,
    volumeM3: 7,
    selfSufficientDays: 10,
    leaderName: 'Ruud Reijnders',
    leaderPhone: '+31 6 1100 2201',
    leaderEmail: 'recce1@usar.demo.ccpm',
    notes: 'Drones, satellite phones.',
  },
  {
    code: 'LUSAR-1',
    name: 'Light USAR team 1',
    type: 'light_usar',
    people: 18,
    weightKg: 4200,
    volumeM3: 32,
    selfSufficientDays: 10,
    leaderName: 'Lotte Lindeman',
    leaderPhone: '+31 6 1100 2202',
    leaderEmail: 'lusar1@usar.demo.ccpm',
    notes: 'Light rescue kit, generators.',
  },
  {
    code: 'LOG-1',
    name: 'Logistics element 1',
    type: 'logistics',
    people: 8,
    weightKg: 7500,
    volumeM3: 55,
    selfSufficientDays: 14,
    leaderName: 'Gert Gorter',
    leaderPhone: '+31 6 1100 2203',
    leaderEmail: 'log1@usar.demo.ccpm',
    notes: 'Forklift, tents, fuel bladders.',
  },
  {
    code: 'WATER-1',
    name: 'Water purification unit 1',
    type: 'water_purification',
    people: 5,
    weightKg: 6500,
    volumeM3: 40,
    selfSufficientDays: 14,
    leaderName: 'Wim Wever',
    leaderPhone: '+31 6 1100 2204',
    leaderEmail: 'water1@usar.demo.ccpm',
    notes: '10 m³/h purification set.',
  },
  {
    code: 'COMMS-1',
    name: 'Communications element 1',
    type: 'communications',
    people: 4,
    weightKg: 1200,
    volumeM3: 9,
    selfSufficientDays: 10,
    leaderName: 'Carmen Croes',
    leaderPhone: '+599 9 555 0105',
    leaderEmail: 'comms1@usar.demo.ccpm',
    notes: 'VSAT terminal, radio relay.',
  },
] as const
