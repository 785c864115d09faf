/** Incident operations shared by the pages and the JSON API. */
import { findIncident, type IncidentRow, insertIncident, updateIncident } from '../../db/queries/incidents.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import {
  closeIncident,
  editIncident,
  type IncidentMessage,
  type IncidentRecord,
  openIncident,
  parseIncidentInput,
} from '../../pool/incidents/index.ts'
import { msg, newId, type Refusal } from '../../pool/shared/index.ts'

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

export async function openFromInput(
  db: Db,
  actor: SessionUser,
  raw: unknown,
  now: number,
): Promise<IncidentOutcome> {
  const parsed = parseIncidentInput(raw)
  if (!parsed.ok) return { ok: false, error: 'invalid_input', errors: parsed.errors }
  const decision = openIncident(parsed.value, actor, { now, newId })
  if (!decision.ok) return decision
  const row = { ...decision.incident, stamp: null }
  await insertIncident(db, row, decision.event)
  return { ok: true, incident: row }
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
