/** The pool's refusals run for real: people, CSV files, availability, alerts. */
import { answerAlert, type Candidate, MAX_RECIPIENTS, sendAlerts } from '../../pool/alerts/index.ts'
import { mayPlan, parsePeriodInput } from '../../pool/availability/index.ts'
import {
  createFunctionary,
  editFunctionary,
  editOwnProfile,
  MAX_ROWS,
  parseFunctionaryInput,
  planImport,
  readCsv,
} from '../../pool/functionaries/index.ts'
import { REQUEST_STATUSES } from '../../pool/reference/index.ts'
import type { RequestRecord } from '../../pool/requests/index.ts'
import type { NamedActor } from '../../pool/shared/index.ts'
import { anna, annaFields, newTestId, poolRef } from '../fixtures/pool.ts'
import { actors, ids, imNeed, mail, NOW, sabaRequest } from '../fixtures/requests.ts'
import { coordinator, long, messagesOf } from './domain-scenarios.ts'

function functionaries(): string[] {
  const bad: unknown[] = [
    'Anna',
    {},
    { name: long(201), email: 'anna@example', phone: 'call me', base: 'MARS', remoteCapable: 'maybe' },
    { roles: 5, languages: 5, travelDocumentExpiry: '31-12-2027' },
    { roles: 'a:b:c', languages: 'en:fluent:really' },
    { roles: 'astronaut:senior', languages: 'kl' },
    { roles: ['information_manager'], languages: 'en:perfect' },
    { roles: 'information_manager:guru', languages: 'en|en' },
    { roles: 'information_manager:senior|information_manager:trainee', languages: ':fluent' },
    { roles: ':senior' },
  ]
  const ctx = { now: NOW, newId: newTestId }
  return [
    ...bad.flatMap((raw) => messagesOf(parseFunctionaryInput(raw, poolRef))),
    ...messagesOf(createFunctionary(annaFields(), actors.sabaTeam, ctx)),
    ...messagesOf(
      editFunctionary(anna, { ...annaFields(), active: true }, coordinator, { ...ctx, version: 1 }),
    ),
    ...messagesOf(editOwnProfile({ ...anna, id: 'f-other' }, annaFields(), actors.anna, ctx)),
    ...messagesOf(editOwnProfile(anna, annaFields({ name: 'Anna' }), actors.anna, ctx)),
    ...messagesOf(editOwnProfile(anna, annaFields({ base: 'SA' }), actors.anna, ctx)),
  ]
}

const HEADER = 'name,email,base,roles'
function csv(): string[] {
  const files = [
    'name,email,email,roles',
    'phone,notes',
    'nothing,here',
    HEADER,
    `${HEADER}\n${Array.from({ length: MAX_ROWS + 1 }, (_, i) => `P${i},p${i}@x.nl,NL,plotter:senior`).join('\n')}`,
    `${HEADER}\nA,a@x.nl,NL,plotter:senior,extra\n"B,b@x.nl,NL,plotter:senior`,
    `${HEADER}\n"A"x,a@x.nl,NL,plotter:senior`,
  ]
  const plan = planImport(
    [HEADER, 'Ann,ann@x.nl,NL,plotter:senior', 'Ann again,ann@x.nl,NL,plotter:senior', ',bad,MARS,boss'].join(
      '\n',
    ),
    poolRef,
    [],
    coordinator,
    { now: NOW, newId: newTestId },
  )
  return [
    ...files.flatMap((f) => {
      const file = readCsv(f)
      return [...file.fileErrors, ...file.rows.flatMap((r) => r.errors)]
    }),
    ...plan.fileErrors,
    ...plan.rows.flatMap((r) => r.errors),
  ]
}

function availability(): string[] {
  const today = '2026-09-05'
  return [
    ...messagesOf(parsePeriodInput('soon', today)),
    ...messagesOf(parsePeriodInput({ start: '', end: 'later', reason: 'holiday', note: long(501) }, today)),
    ...messagesOf(parsePeriodInput({ start: '2026-09-10', end: '2026-09-08', reason: 'leave' }, today)),
    ...messagesOf(parsePeriodInput({ start: '2026-08-01', end: '2026-08-08', reason: 'leave' }, today)),
    ...messagesOf(parsePeriodInput({ start: '2026-09-10', end: '2027-12-31', reason: 'leave' }, today)),
    ...[mayPlan(actors.anna, 'f-other'), mayPlan(actors.sabaTeam, 'f-anna')].flatMap((r) =>
      r ? messagesOf(r) : [],
    ),
  ]
}

function alerts(): string[] {
  const ok: Candidate = {
    id: 'f-ok',
    name: 'Anna de Vries',
    email: 'anna@x.nl',
    active: true,
    roles: [{ role: 'information_manager', level: 'senior' }],
    languages: ['en'],
  }
  const problems: Candidate[] = [
    { ...ok, id: 'f1', name: 'Bob', active: false },
    { ...ok, id: 'f2', name: 'J. R. Smith', roles: [] },
    { ...ok, id: 'f3', name: 'Chris', roles: [{ role: 'information_manager', level: 'trainee' }] },
    { ...ok, id: 'f4', name: 'Dana', languages: [] },
    { ...ok, id: 'f5', name: 'Eve' },
  ]
  const need = { ...imNeed, languages: ['en'] }
  const acknowledged = { ...sabaRequest, status: 'acknowledged' as const }
  const ctx = {
    now: NOW,
    newId: ids(),
    newSecret: () => 's',
    baseUrl: 'https://ccpm.example',
    roleNames: mail.roleNames,
    pending: new Set(['f5']),
  }
  const later = NOW + 3_600_000
  const send = (actor: NamedActor, request: RequestRecord, people: Candidate[], deadline = later) =>
    messagesOf(sendAlerts(actor, request, need, people, deadline, ctx))
  const alert = {
    id: 'a1',
    needId: need.id,
    requestId: sabaRequest.id,
    functionaryId: 'f-ok',
    sentBy: 'u-locc',
    sentAt: NOW,
    deadline: later,
    answer: null,
    note: null,
    answeredAt: null,
  }
  const answer = (
    a: typeof alert | { answer: 'available' | 'unavailable' },
    value: unknown,
    note = '',
    now = NOW,
  ) => messagesOf(answerAlert({ ...alert, ...a }, { name: 'Anna' }, value, note, now, ids()))
  return [
    ...send(actors.sabaTeam, acknowledged, [ok]),
    ...REQUEST_STATUSES.flatMap((status) => send(coordinator, { ...sabaRequest, status }, [ok])),
    ...send(coordinator, acknowledged, [ok], NOW - 1),
    ...send(coordinator, acknowledged, []),
    ...send(
      coordinator,
      acknowledged,
      Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => ({ ...ok, id: `f${i}` })),
    ),
    ...send(coordinator, acknowledged, problems),
    ...problems.flatMap((p) => send(coordinator, acknowledged, [p])),
    ...answer({ answer: 'available' }, 'available'),
    ...answer({ answer: 'unavailable' }, 'available'),
    ...answer(alert, 'available', '', later),
    ...answer(alert, 'maybe'),
    ...answer(alert, 'available', long(1001)),
  ]
}

/** The messages of the pool scenarios. */
export function poolMessages(): string[] {
  return [...functionaries(), ...csv(), ...availability(), ...alerts()]
}
