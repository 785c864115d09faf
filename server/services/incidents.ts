/** Incident operations shared by the pages and the JSON API: open or propose, edit, close, and decide a proposal. */
import { findIncident, type IncidentRow, insertIncident, updateIncident } from '../../db/queries/incidents.ts'
import { recipients } from '../../db/queries/requests.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import {
  closeIncident,
  decideProposal,
  editIncident,
  type IncidentMessage,
  type IncidentRecord,
  openIncident,
  parseIncidentInput,
} from '../../pool/incidents/index.ts'
import { msg, newId, type Refusal } from '../../pool/shared/index.ts'
import { renderMails } from './mail.ts'

type Errors = Record<string, IncidentMessage>
export type IncidentOutcome =
  | { ok: true; incident: IncidentRow }
  | (Refusal<IncidentMessage> & { current?: IncidentRow })
  | { ok: false; error: 'invalid_input'; errors: Errors }

const record = (row: IncidentRow): IncidentRecord => ({
  ...row,
  createdBy: row.createdBy ?? '',
  hazard: row.hazard as IncidentRecord['hazard'],
})

/** A coordinator opens an incident; an island proposes one and the coordinators are mailed. */
export async function openFromInput(
  db: Db,
  actor: SessionUser,
  raw: unknown,
  now: number,
  baseUrl = '',
): Promise<IncidentOutcome> {
  const parsed = parseIncidentInput(raw)
  if (!parsed.ok) return { ok: false, error: 'invalid_input', errors: parsed.errors }
  const { coordinators } = await recipients(db, actor.island ?? '')
  const decision = openIncident(parsed.value, actor, { now, newId, coordinators, mail: { baseUrl } })
  if (!decision.ok) {
    if (decision.error === 'invalid' && decision.fields)
      return { ok: false, error: 'invalid_input', errors: decision.fields }
    return decision
  }
  const row = { ...decision.incident, stamp: null }
  await insertIncident(db, row, decision.event, renderMails(decision.mails), now)
  return { ok: true, incident: row }
}

/** A coordinator opens (`open`) or rejects (`rejected`, with a reason) an island's proposal; the island is mailed. */
export async function decideById(
  db: Db,
  actor: SessionUser,
  id: string,
  to: 'open' | 'rejected',
  opts: { reason?: string | null; now: number; version?: number; baseUrl: string },
): Promise<IncidentOutcome> {
  const found = await findIncident(db, actor, id)
  if (!found) return { ok: false, error: 'not_found', message: msg('incidents.notFound') }
  const { islandContacts } = await recipients(db, found.proposedBy ?? '')
  const decision = decideProposal(record(found), to, actor, {
    reason: opts.reason,
    now: opts.now,
    newId,
    version: opts.version,
    islandContacts,
    mail: { baseUrl: opts.baseUrl },
  })
  if (!decision.ok) {
    if (decision.error === 'invalid' && decision.fields)
      return { ok: false, error: 'invalid_input', errors: decision.fields }
    return { ...decision, current: found }
  }
  const mails = renderMails(decision.mails)
  if (!(await updateIncident(db, found, decision.patch, decision.event, mails)))
    return conflict(db, actor, id)
  return { ok: true, incident: { ...found, ...decision.patch } }
}

export async function editFromInput(
  db: Db,
  actor: SessionUser,
  id: string,
  raw: unknown,
  now: number,
  version?: number,
): Promise<IncidentOutcome> {
  const found = await findIncident(db, actor, id)
  if (!found) return { ok: false, error: 'not_found', message: msg('incidents.notFound') }
  const parsed = parseIncidentInput(raw)
  if (!parsed.ok) return { ok: false, error: 'invalid_input', errors: parsed.errors }
  const decision = editIncident(record(found), parsed.value, actor, { now, newId, version })
  if (!decision.ok) return { ...decision, current: found }
  if (!decision.patch || !decision.event) return { ok: true, incident: found }
  if (!(await updateIncident(db, found, decision.patch, decision.event))) return conflict(db, actor, id)
  return { ok: true, incident: { ...found, ...decision.patch } }
}

export async function closeById(
  db: Db,
  actor: SessionUser,
  id: string,
  now: number,
  version?: number,
): Promise<IncidentOutcome> {
  const found = await findIncident(db, actor, id)
  if (!found) return { ok: false, error: 'not_found', message: msg('incidents.notFound') }
  const decision = closeIncident(record(found), actor, now, newId, version)
  if (!decision.ok) return { ...decision, current: found }
  if (!(await updateIncident(db, found, decision.patch, decision.event))) return conflict(db, actor, id)
  return { ok: true, incident: { ...found, ...decision.patch } }
}

async function conflict(db: Db, actor: SessionUser, id: string): Promise<IncidentOutcome> {
  return {
    ok: false,
    error: 'conflict',
    message: msg('incidents.lostRace'),
    current: await findIncident(db, actor, id),
  }
}
