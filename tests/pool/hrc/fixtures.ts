/** Named fixtures for the HRC core tests: the people who act, five units, readers of mail, a clock and ids. */
import type { DispatchRecord, HrcContext, UnitRecord } from '../../../pool/hrc/index.ts'
import type { NamedActor } from '../../../pool/shared/index.ts'

/** 6 Sep 2026, 12:00 UTC (08:00 on the islands). */
export const NOW = Date.UTC(2026, 8, 6, 12, 0)
export const HOUR = 3_600_000

export const actors = {
  sabaTeam: { id: 'u-saba', role: 'island', island: 'SA', functionaryId: null, name: 'EOT Saba' },
  sxmTeam: { id: 'u-sxm', role: 'island', island: 'SX', functionaryId: null, name: 'EOT Sint Maarten' },
  dutyOfficer: {
    id: 'u-locc',
    role: 'coordinator',
    island: null,
    functionaryId: null,
    name: 'Esther Everts',
  },
  usar: { id: 'u-usar', role: 'dispatcher', island: null, functionaryId: null, name: 'Bart Bakker' },
  ministry: { id: 'u-bzk', role: 'observer', island: null, functionaryId: null, name: 'Ministry observer' },
  anna: { id: 'u-anna', role: 'functionary', island: null, functionaryId: 'f-anna', name: 'Anna de Vries' },
  sysadmin: { id: 'u-admin', role: 'admin', island: null, functionaryId: null, name: 'Administrator' },
} satisfies Record<string, NamedActor>
export type ActorName = keyof typeof actors
export const ACTOR_NAMES = Object.keys(actors) as ActorName[]

function unit(id: string, over: Partial<UnitRecord>): UnitRecord {
  return {
    id,
    code: id.toUpperCase(),
    name: id,
    type: 'light_usar',
    people: 18,
    leader: null,
    weightKg: 4_200,
    volumeM3: 32,
    selfSufficientDays: 10,
    base: 'NL',
    location: 'NL',
    islands: ['AW', 'CW', 'SX', 'BO', 'SE', 'SA'],
    notes: '',
    readiness: 'standby',
    readinessAt: null,
    version: 4,
    ...over,
  }
}

export const units = {
  lusar1: unit('u-lusar1', {
    code: 'LUSAR-1',
    name: 'Light USAR team 1',
    leader: { name: 'Joost Jansen', phone: '+31 6 1234 5678', email: 'joost@usar.example' },
  }),
  recce1: unit('u-recce1', {
    code: 'RECCE-1',
    name: 'Reconnaissance team 1',
    type: 'reconnaissance',
    people: 6,
    weightKg: 800,
    volumeM3: 6,
    leader: { name: 'Rita Rojer', phone: '+599 9 555 0101', email: 'rita@usar.example' },
  }),
  /** Serves the ABC islands only. */
  water1: unit('u-water1', {
    code: 'WATER-1',
    name: 'Water purification unit 1',
    type: 'water_purification',
    people: 5,
    weightKg: 6_500,
    volumeM3: 40,
    islands: ['AW', 'CW', 'BO'],
    leader: { name: 'Wim Wever', phone: '+31 6 2222 3333', email: 'wim@usar.example' },
  }),
  comms1: unit('u-comms1', {
    code: 'COMMS-1',
    name: 'Communications element 1',
    type: 'communications',
    people: 4,
    weightKg: 1_200,
    volumeM3: 9,
    readiness: 'unavailable',
  }),
  lusar2: unit('u-lusar2', { code: 'LUSAR-2', name: 'Light USAR team 2', readiness: 'alert' }),
}

export const recipients = {
  coordinators: [{ email: 'locc@ccpm.example', locale: 'nl' as const }],
  dispatchers: [{ email: 'dispatch@usar.example', locale: 'nl' as const }],
  island: [{ email: 'eot@saba.example', locale: 'en' as const }],
  locales: { 'joost@usar.example': 'nl' as const },
}

/** Ids d1, d2, … in order, so that events and records can be named in assertions. */
export function ids(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}${++n}`
}

export function ctx(extra: Partial<HrcContext> = {}): HrcContext {
  return { now: NOW, newId: ids(), recipients, baseUrl: 'https://ccpm.example/', ...extra }
}

export function dispatchOf(over: Partial<DispatchRecord> = {}): DispatchRecord {
  return {
    id: 'disp-1',
    unitIds: [units.lusar1.id, units.recce1.id],
    island: 'SA',
    needId: 'need-usar',
    requestId: 'req-saba',
    status: 'offered',
    etd: NOW + 6 * HOUR,
    eta: NOW + 20 * HOUR,
    transport: 'military_airlift',
    carrier: 'RNLAF KDC-10',
    capacity: { weightKg: 40_000, volumeM3: 300 },
    payload: { people: 24, weightKg: 5_000, volumeM3: 38 },
    reason: null,
    cause: null,
    onBehalf: false,
    statusAt: NOW - HOUR,
    createdAt: NOW - HOUR,
    createdBy: 'u-usar',
    version: 2,
    ...over,
  }
}
