/** JSON API v1 for the HRC (docs/api.md, "HRC"): the same services, rules and scopes as the pages. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findUnit, unitsByIds } from '../../../db/queries/hrc.ts'
import { countDispatches, findDispatch, listDispatches } from '../../../db/queries/hrc-dispatches.ts'
import { listThreats } from '../../../db/queries/hrc-threats.ts'
import {
  type DispatchRecord,
  type HrcMessage,
  type IslandOutlook,
  type Proposal,
  proposalMessage,
  type UnitRecord,
} from '../../../pool/hrc/index.ts'
import type { DispatchStatus, Readiness } from '../../../pool/reference/index.ts'
import type { AppEnv } from '../../env.ts'
import { inEnglish, invalid, iso, jsonBody, refused } from '../../json.ts'
import { readPage } from '../../paging.ts'
import { authorize } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import { changeUnit, type HrcRefusal, newUnit, standings, stepUnit } from '../../services/hrc.ts'
import { newDispatch, stepDispatch } from '../../services/hrc-dispatches.ts'
import { applyThreat, closeThreatBy, newAdvisory, newThreat, threatView } from '../../services/hrc-threats.ts'
import { hrcCtx, versionOf } from './common.ts'

type C = Context<AppEnv>

export function unitJson(u: UnitRecord) {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    type: u.type,
    people: u.people,
    ...(u.leader ? { leader: u.leader } : {}),
    weightKg: u.weightKg,
    volumeM3: u.volumeM3,
    ...(u.selfSufficientDays == null ? {} : { selfSufficientDays: u.selfSufficientDays }),
    base: u.base,
    location: u.location,
    islands: u.islands,
    notes: u.notes,
    status: u.readiness,
    statusAt: iso(u.readinessAt),
    version: u.version,
  }
}

const islandJson = (o: IslandOutlook) => ({
  island: o.island,
  closestApproachKm: o.closestApproachKm,
  closestApproachAt: iso(o.closestApproachAt),
  tropicalStormWindsAt: iso(o.tropicalStormWindsAt),
})

const proposalJson = (p: Proposal) => ({
  unitId: p.unitId,
  unitCode: p.unitCode,
  from: p.from,
  status: p.status,
  reason: p.reason,
  island: p.island,
  hours: p.hours,
  message: inEnglish(proposalMessage(p)),
})

function dispatchJson(d: DispatchRecord, units: readonly UnitRecord[], warnings: HrcMessage[] = []) {
  return {
    id: d.id,
    status: d.status,
    island: d.island,
    kind: d.needId ? 'need' : 'prepositioning',
    needId: d.needId,
    requestId: d.requestId,
    unitIds: d.unitIds,
    units: d.unitIds.map((id) => ({ id, code: units.find((u) => u.id === id)?.code ?? null })),
    etd: iso(d.etd),
    eta: iso(d.eta),
    transport: d.transport,
    carrier: d.carrier,
    capacity: d.capacity,
    payload: d.payload,
    reason: d.reason,
    cause: d.cause,
    onBehalf: d.onBehalf,
    statusAt: iso(d.statusAt),
    createdAt: iso(d.createdAt),
    version: d.version,
    ...(warnings.length ? { warnings: warnings.map(inEnglish) } : {}),
  }
}

/** A refusal: 422 with the fields when it has them, else its status with the English message. */
const answer = (c: C, r: HrcRefusal) =>
  r.error === 'invalid' && r.fields ? invalid(c, r.fields) : refused(c, r)

async function unitOut(c: C, id: string) {
  const user = authorize(c, 'hrc:read')
  const unit = await findUnit(c.get('deps').db, user, id)
  if (!unit) throw new HTTPException(404, { message: 'not found' })
  return unitJson(unit)
}

async function threatOut(c: C, id: string) {
  const user = authorize(c, 'hrc:read')
  const { db, now } = c.get('deps')
  const view = await threatView(db, user, id, now())
  if (!view) throw new HTTPException(404, { message: 'not found' })
  const { threat } = view
  return {
    id: threat.id,
    name: threat.name,
    category: threat.category,
    status: threat.status,
    version: threat.version,
    advisories: threat.advisories.length,
    islands: view.outlook.map(islandJson),
    proposals: view.proposals.map(proposalJson),
  }
}

async function dispatchOut(c: C, id: string, warnings: HrcMessage[] = []) {
  const user = authorize(c, 'hrc:dispatches')
  const d = await findDispatch(c.get('deps').db, user, id)
  if (!d) throw new HTTPException(404, { message: 'not found' })
  return dispatchJson(d, await unitsByIds(c.get('deps').db, d.unitIds), warnings)
}

export const apiHrc = new Hono<AppEnv>()
  .get('/hrc/units', async (c) => {
    const user = authorize(c, 'hrc:read')
    const items = (await standings(c.get('deps').db, user)).map((s) => unitJson(s.unit))
    return c.json({ items, total: items.length })
  })
  .get('/hrc/units/:id', async (c) => c.json(await unitOut(c, c.req.param('id'))))
  .post('/hrc/units', async (c) => {
    const user = authorize(c, 'hrc:manage')
    const result = await newUnit(hrcCtx(c), user, await jsonBody(c))
    if (!result.ok) return answer(c, result)
    c.header('Location', `/api/v1/hrc/units/${result.unit.id}`)
    return c.json(unitJson(result.unit), 201)
  })
  .patch('/hrc/units/:id', async (c) => {
    const user = authorize(c, 'hrc:manage')
    const b = await jsonBody(c)
    const { version, ...raw } = b
    const result = await changeUnit(hrcCtx(c), user, c.req.param('id'), raw, versionOf(version))
    if (!result.ok) return answer(c, result)
    return c.json(await unitOut(c, c.req.param('id')))
  })
  .post('/hrc/units/:id/status', async (c) => {
    const user = authorize(c, 'hrc:read')
    await spend(c, 'mailingChangesPerUser', user.id)
    const b = await jsonBody(c)
    const id = c.req.param('id')
    const result = await stepUnit(hrcCtx(c), user, id, String(b.status) as Readiness, versionOf(b.version))
    if (!result.ok && result.error === 'conflict') {
      const now = await findUnit(c.get('deps').db, user, id)
      return refused(c, result, now && { status: now.readiness, version: now.version })
    }
    if (!result.ok) return answer(c, result)
    return c.json(await unitOut(c, id))
  })
  .get('/hrc/threats', async (c) => {
    const user = authorize(c, 'hrc:read')
    const items = (await listThreats(c.get('deps').db, user)).map((t) => ({
      id: t.id,
      name: t.name,
      category: t.category,
      status: t.status,
      version: t.version,
      advisories: t.advisories,
      islands: t.outlook.map(islandJson),
      updatedAt: iso(t.updatedAt),
      closedAt: iso(t.closedAt),
    }))
    return c.json({ items, total: items.length })
  })
  .get('/hrc/threats/:id', async (c) => c.json(await threatOut(c, c.req.param('id'))))
  .post('/hrc/threats', async (c) => {
    const user = authorize(c, 'hrc:threats')
    const result = await newThreat(hrcCtx(c), user, await jsonBody(c))
    if (!result.ok) return answer(c, result)
    c.header('Location', `/api/v1/hrc/threats/${result.threat.id}`)
    return c.json(await threatOut(c, result.threat.id), 201)
  })
  .patch('/hrc/threats/:id', async (c) => {
    const user = authorize(c, 'hrc:threats')
    const { version, ...raw } = await jsonBody(c)
    const result = await newAdvisory(hrcCtx(c), user, c.req.param('id'), raw, versionOf(version))
    if (!result.ok) return answer(c, result)
    return c.json(await threatOut(c, c.req.param('id')))
  })
  .post('/hrc/threats/:id/status', async (c) => {
    const user = authorize(c, 'hrc:threats')
    const b = await jsonBody(c)
    const result = await closeThreatBy(hrcCtx(c), user, c.req.param('id'), b.status, versionOf(b.version))
    if (!result.ok) return answer(c, result)
    return c.json(await threatOut(c, c.req.param('id')))
  })
  .post('/hrc/threats/:id/apply', async (c) => {
    const user = authorize(c, 'hrc:threats')
    await spend(c, 'mailingChangesPerUser', user.id)
    const result = await applyThreat(hrcCtx(c), user, c.req.param('id'), await jsonBody(c))
    if (!result.ok) return answer(c, result)
    const items = result.units.map(unitJson)
    return c.json({ items, total: items.length })
  })
  .get('/hrc/dispatches', async (c) => {
    const user = authorize(c, 'hrc:dispatches')
    const { db } = c.get('deps')
    const q = c.req.query()
    const { page, errors } = readPage(q)
    if (Object.keys(errors).length) return invalid(c, errors)
    const where = { island: q.island, active: q.active === 'true' }
    const [orders, total] = await Promise.all([
      listDispatches(db, user, where, page),
      countDispatches(db, user, where),
    ])
    const units = await unitsByIds(db, [...new Set(orders.flatMap((d) => d.unitIds))])
    return c.json({ items: orders.map((d) => dispatchJson(d, units)), total, ...page })
  })
  .get('/hrc/dispatches/:id', async (c) => c.json(await dispatchOut(c, c.req.param('id'))))
  .post('/hrc/dispatches', async (c) => {
    const user = authorize(c, 'hrc:manage')
    await spend(c, 'mailingChangesPerUser', user.id)
    const result = await newDispatch(hrcCtx(c), user, await jsonBody(c))
    if (!result.ok) return answer(c, result)
    c.header('Location', `/api/v1/hrc/dispatches/${result.dispatch.id}`)
    return c.json(await dispatchOut(c, result.dispatch.id, result.warnings), 201)
  })
  .post('/hrc/dispatches/:id/status', async (c) => {
    const user = authorize(c, 'hrc:dispatches')
    await spend(c, 'mailingChangesPerUser', user.id)
    const b = await jsonBody(c)
    const id = c.req.param('id')
    const reason = typeof b.reason === 'string' ? b.reason : null
    const result = await stepDispatch(hrcCtx(c), user, id, String(b.status) as DispatchStatus, {
      reason,
      version: versionOf(b.version),
    })
    if (!result.ok && result.error === 'conflict') {
      const now = await findDispatch(c.get('deps').db, user, id)
      return refused(c, result, now && { status: now.status, version: now.version })
    }
    if (!result.ok) return answer(c, result)
    return c.json(await dispatchOut(c, id))
  })
