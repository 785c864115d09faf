/** Every way the request and incident rules refuse that we can think of, run for real: the messages a page can show. */
import {
  closeIncident,
  editIncident,
  type IncidentRecord,
  openIncident,
  parseIncidentInput,
} from '../../pool/incidents/index.ts'
import { REQUEST_STATUSES, type RequestStatus } from '../../pool/reference/index.ts'
import { editDecision, parseRequestInput, type RequestRecord, transition } from '../../pool/requests/index.ts'
import type { NamedActor } from '../../pool/shared/index.ts'
import { actors, ids, mail, NOW, recipients, ref, sabaNeeds, sabaRequest } from '../fixtures/requests.ts'

type Result = { ok: boolean; message?: string; errors?: Record<string, string> }

/** The messages of one refusal or failed parse; nothing when it went through. */
export function messagesOf(r: Result): string[] {
  if (r.ok) return []
  return [...(r.message ? [r.message] : []), ...Object.values(r.errors ?? {})]
}

export const coordinator = actors.dutyOfficer
export const long = (n: number) => 'x'.repeat(n)

function requestInput(): string[] {
  const good = {
    title: 'Back-up EOT',
    situation: 'Roofs gone',
    phase: 'warm',
    priority: 'urgent',
    periodStart: '2026-09-06',
    periodEnd: '2026-09-20',
  }
  const need = { kind: 'functionary', role: 'information_manager', count: 1, minLevel: 'qualified' }
  const inputs: [unknown, NamedActor][] = [
    ['not an object', coordinator],
    [{}, coordinator],
    [{}, actors.sxmTeam],
    [{ ...good, island: 'SX' }, actors.sabaTeam],
    [good, { ...actors.sabaTeam, island: null }],
    [good, actors.ministry],
    [
      {
        ...good,
        island: 'ZZ',
        title: long(201),
        situation: 42,
        phase: 'hot',
        priority: 'asap',
        periodStart: '2026-02-30',
        incidentId: 'inc-none',
      },
      coordinator,
    ],
    [{ ...good, island: 'SA', periodEnd: '2026-09-01' }, coordinator],
    [{ ...good, island: 'SA', needs: 'many' }, coordinator],
    [{ ...good, island: 'SA', needs: Array.from({ length: 51 }, () => need) }, coordinator],
    [
      {
        ...good,
        island: 'SA',
        needs: [
          'a need',
          { kind: 'wish' },
          { kind: 'other', quantity: 0 },
          { kind: 'capacity', count: 'lots' },
          { kind: 'capacity', unitType: 'submarine', count: 1 },
          { kind: 'functionary', count: 0, minLevel: 'guru', languages: 5, remoteOk: 'maybe' },
          { ...need, role: 'astronaut', languages: ['en', 'kl'], preferredLanguages: ['xx', 'yy'] },
          { ...need, periodStart: '2026-09-10', periodEnd: '2026-09-08' },
          { ...need, periodStart: '2026-09-01' },
          { ...need, periodEnd: 'soon', notes: long(2001) },
        ],
      },
      coordinator,
    ],
  ]
  return inputs.flatMap(([raw, actor]) => messagesOf(parseRequestInput(raw, ref, actor)))
}

/** Every target from every status, by everyone, with a stale version too; and the reasons. */
function transitions(): string[] {
  const people = Object.values(actors)
  const out: string[] = []
  const ctx = { now: NOW, newId: ids(), recipients, mail, needs: sabaNeeds }
  const targets = [...REQUEST_STATUSES, 'archived' as RequestStatus]
  for (const status of REQUEST_STATUSES)
    for (const onBehalf of [false, true])
      for (const to of targets)
        for (const actor of people)
          for (const version of [undefined, 1]) {
            const request = { ...sabaRequest, status, onBehalf }
            out.push(...messagesOf(transition(request, to, actor, { ...ctx, version })))
          }
  const bare: RequestRecord = { ...sabaRequest, title: ' ', situation: '', contact: '' }
  out.push(...messagesOf(transition(bare, 'submitted', actors.sabaTeam, { ...ctx, needs: [] })))
  const submitted = { ...sabaRequest, status: 'submitted' as const }
  out.push(...messagesOf(transition(submitted, 'rejected', coordinator, ctx)))
  out.push(...messagesOf(transition(submitted, 'withdrawn', actors.sabaTeam, ctx)))
  out.push(...messagesOf(transition(submitted, 'rejected', coordinator, { ...ctx, reason: long(2001) })))
  return out
}

function edits(): string[] {
  const ctx = { now: NOW, newId: ids(), recipients, mail }
  const edit = (request: RequestRecord, actor: NamedActor, version?: number, title = 'New title') =>
    messagesOf(
      editDecision(
        { request, needs: sabaNeeds },
        { request: { ...request, title, situation: '' }, needs: [] },
        actor,
        { ...ctx, version },
      ),
    )
  return [
    ...edit(sabaRequest, actors.sxmTeam),
    ...edit(sabaRequest, actors.ministry),
    ...edit({ ...sabaRequest, status: 'submitted' }, coordinator),
    ...edit({ ...sabaRequest, status: 'closed' }, actors.sabaTeam),
    ...edit({ ...sabaRequest, status: 'rejected' }, actors.sabaTeam),
    ...edit(sabaRequest, actors.sabaTeam, 1),
    ...edit({ ...sabaRequest, status: 'acknowledged' }, actors.sabaTeam, undefined, ''),
  ]
}

function incidents(): string[] {
  const erin: IncidentRecord = {
    id: 'inc-erin',
    name: 'Hurricane Erin',
    hazard: 'hurricane',
    islands: ['SA'],
    phase: 'warm',
    status: 'open',
    openedAt: NOW,
    closedAt: null,
    createdBy: 'u-locc',
    version: 2,
  }
  const input = {
    name: 'Erin',
    hazard: 'hurricane' as const,
    islands: ['SA'],
    phase: 'warm' as const,
    openedAt: null,
  }
  const ctx = { now: NOW, newId: ids() }
  return [
    ...messagesOf(parseIncidentInput([])),
    ...messagesOf(parseIncidentInput({})),
    ...messagesOf(
      parseIncidentInput({ name: long(201), islands: ['SA', 'ZZ', 'QQ'], openedAt: 'yesterday' }),
    ),
    ...messagesOf(parseIncidentInput({ name: 'Erin', islands: 'ZZ' })),
    ...messagesOf(openIncident(input, actors.sabaTeam, ctx)),
    ...messagesOf(editIncident(erin, input, actors.sxmTeam, ctx)),
    ...messagesOf(editIncident(erin, input, actors.sabaTeam, ctx)),
    ...messagesOf(editIncident(erin, input, coordinator, { ...ctx, version: 1 })),
    ...messagesOf(closeIncident({ ...erin, status: 'closed' }, coordinator, NOW, ids())),
  ]
}

/** The messages of the request and incident scenarios (tests/views/pool-scenarios.ts has the pool's). */
export function requestMessages(): string[] {
  return [...requestInput(), ...transitions(), ...edits(), ...incidents()]
}
