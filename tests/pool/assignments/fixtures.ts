/** Named fixtures for the assignment tests: Saba's request and need, Anna proposed for it, the people who act. */
import type {
  Assignment,
  NeedFacts,
  PersonFacts,
  Recipients,
  RequestFacts,
  StepContext,
  Travel,
} from '../../../pool/assignments/index.ts'
import type { NamedActor } from '../../../pool/shared/index.ts'

export const NOW = Date.UTC(2026, 8, 5, 14, 0) // 5 Sep 2026, 10:00 on Saba

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
  usar: { id: 'u-usar', role: 'dispatcher', island: null, functionaryId: null, name: 'USAR.NL dispatch' },
  ministry: { id: 'u-bzk', role: 'observer', island: null, functionaryId: null, name: 'Ministry observer' },
  anna: { id: 'u-anna', role: 'functionary', island: null, functionaryId: 'f-anna', name: 'Anna de Vries' },
  bert: { id: 'u-bert', role: 'functionary', island: null, functionaryId: 'f-bert', name: 'Bert Koning' },
  sysadmin: { id: 'u-admin', role: 'admin', island: null, functionaryId: null, name: 'Administrator' },
} satisfies Record<string, NamedActor>
export type ActorKey = keyof typeof actors
/** The order of the letters in the machine's table. */
export const ACTOR_KEYS: readonly ActorKey[] = [
  'sabaTeam',
  'sxmTeam',
  'dutyOfficer',
  'usar',
  'ministry',
  'anna',
  'bert',
  'sysadmin',
]

export const sabaRequest: RequestFacts = {
  id: 'req-saba',
  island: 'SA',
  status: 'in_progress',
  title: 'Information management after Hurricane Erin',
  contact: 'EOT Saba, +599 416 3311 (satellite)',
  periodStart: '2026-09-06',
  periodEnd: '2026-09-20',
}

export const imNeed: NeedFacts = {
  id: 'need-im',
  kind: 'functionary',
  role: 'information_manager',
  count: 2,
  minLevel: 'qualified',
  languages: ['en'],
  periodStart: null,
  periodEnd: null,
}

export const anna: PersonFacts = {
  id: 'f-anna',
  name: 'Anna de Vries',
  email: 'anna@example.org',
  locale: 'nl',
  level: 'senior',
  languages: ['nl', 'en', 'pap'],
  organisation: 'Veiligheidsregio Haaglanden',
  base: 'NL',
}

export const recipients: Recipients = {
  island: [
    { address: 'eot@saba.example', locale: 'en' },
    { address: 'gezaghebber@saba.example', locale: 'nl' },
  ],
  coordinators: [
    { address: 'duty@locc.example', locale: 'nl' },
    { address: 'im@locc.example', locale: 'en' },
  ],
}

/** Anna proposed for Saba's information-manager need, as `propose` makes it, a few writes later. */
export function assignment(extra: Partial<Assignment> = {}): Assignment {
  return {
    id: 'asg-anna',
    needId: 'need-im',
    requestId: 'req-saba',
    island: 'SA',
    functionaryId: 'f-anna',
    status: 'proposed',
    periodStart: '2026-09-06',
    periodEnd: '2026-09-20',
    travel: null,
    reason: null,
    confirmedBy: null,
    onBehalf: false,
    flaggedAt: null,
    proposedBy: 'u-locc',
    version: 4,
    createdAt: NOW - 3_600_000,
    updatedAt: NOW - 3_600_000,
    offeredAt: null,
    acceptedAt: null,
    arrivedAt: null,
    releasedAt: null,
    endedAt: null,
    ...extra,
  }
}

/** Another assignment of the same need (someone else), for fill and capacity. */
export function other(id: string, status: Assignment['status'], extra: Partial<Assignment> = {}): Assignment {
  return assignment({ id, functionaryId: `f-${id}`, status, ...extra })
}

export function ids(prefix = 'id') {
  let n = 0
  return () => `${prefix}-${++n}`
}

/** Departure from Amsterdam 6 Sep 10:30 (UTC), arrival on Saba 6 Sep 18:30 (UTC), 14:30 island time. */
export const TRAVEL: Travel = {
  etd: Date.UTC(2026, 8, 6, 10, 30),
  eta: Date.UTC(2026, 8, 6, 18, 30),
  transport: 'scheduled_flight',
  reference: 'KL785 / WM312',
}

export function stepCtx(extra: Partial<StepContext> = {}): StepContext {
  return {
    now: NOW,
    newId: ids(),
    baseUrl: 'https://ccpm.example',
    request: sabaRequest,
    need: imNeed,
    person: anna,
    recipients,
    answer: 'available',
    needAssignments: [],
    travelMinutes: 810,
    ...extra,
  }
}
