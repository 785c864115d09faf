/**
 * Threats and their advisories. The threat row carries the last advisory's track and what it means
 * per island (computed by pool/hrc when written, so the board reads it without recomputing); every
 * advisory stays in hrc_advisories, numbered, as the history an update keeps.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { Advisory, IslandOutlook, ThreatPatch, ThreatRecord } from '../../pool/hrc/index.ts'
import type { ThreatStatus } from '../../pool/reference/index.ts'
import { type Actor, type AuditEvent, newId } from '../../pool/shared/index.ts'
import { auditIf, stamped } from '../guard.ts'
import { hrcAdvisories, hrcThreats } from '../schema/index.ts'
import { changes, type Db } from '../types.ts'
import { recordAudit } from './audit.ts'

type Row = typeof hrcThreats.$inferSelect

/** A threat as lists and the board show it: no advisory history, the per-island outlook as stored. */
export interface ThreatSummary {
  id: string
  name: string
  category: Row['category']
  status: ThreatStatus
  source: Row['source']
  outlook: IslandOutlook[]
  advisories: number
  createdAt: number
  updatedAt: number
  closedAt: number | null
  version: number
}

const summary = (r: Row): ThreatSummary => ({
  id: r.id,
  name: r.name,
  category: r.category,
  status: r.status,
  source: r.source,
  outlook: r.islands,
  advisories: r.advisories,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  closedAt: r.closedAt,
  version: r.version,
})

/** Open threats first, the latest news first. */
export async function listThreats(db: Db, actor: Actor, status?: ThreatStatus): Promise<ThreatSummary[]> {
  if (!can(actor, 'hrc:read')) return []
  const rows = await db
    .select()
    .from(hrcThreats)
    .where(status ? eq(hrcThreats.status, status) : undefined)
    .orderBy(sql`case ${hrcThreats.status} when 'open' then 0 else 1 end`, desc(hrcThreats.updatedAt))
    .limit(100)
  return rows.map(summary)
}

/** The threat with its whole history, or undefined for one the actor may not see. */
export async function findThreat(db: Db, actor: Actor, id: string) {
  if (!can(actor, 'hrc:read')) return undefined
  const [row] = await db.select().from(hrcThreats).where(eq(hrcThreats.id, id))
  if (!row) return undefined
  const history = await db
    .select()
    .from(hrcAdvisories)
    .where(eq(hrcAdvisories.threatId, id))
    .orderBy(asc(hrcAdvisories.seq))
  const advisories: Advisory[] = history.map((a) => ({
    recordedAt: a.recordedAt,
    source: a.source,
    number: a.number,
    issuedAt: a.issuedAt,
    track: a.track,
    islands: a.islands,
    text: a.text,
  }))
  const threat: ThreatRecord = {
    id: row.id,
    name: row.name,
    category: row.category,
    status: row.status,
    advisories,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    version: row.version,
  }
  return { threat, summary: summary(row) }
}

function advisoryValues(threatId: string, seq: number, a: Advisory) {
  return {
    id: newId(),
    threatId,
    seq,
    recordedAt: a.recordedAt,
    source: a.source,
    number: a.number,
    issuedAt: a.issuedAt,
    track: a.track,
    islands: a.islands,
    text: a.text,
  }
}

export async function insertThreat(
  db: Db,
  threat: ThreatRecord,
  outlook: IslandOutlook[],
  event: AuditEvent,
  createdBy: string,
) {
  const advisory = threat.advisories[0]!
  await db.batch([
    db.insert(hrcThreats).values({
      id: threat.id,
      name: threat.name,
      category: threat.category,
      status: threat.status,
      source: advisory.source,
      track: advisory.track,
      islands: outlook,
      advisories: 1,
      createdBy,
      createdAt: threat.createdAt,
      updatedAt: threat.createdAt,
      closedAt: null,
      version: threat.version,
    }),
    db.insert(hrcAdvisories).values(advisoryValues(threat.id, 1, advisory)),
    recordAudit(db, event),
  ])
}

/**
 * A new advisory or the closing: the guarded UPDATE (open, version as read), the advisory appended
 * under its number and the event, both only when the update matched. False: someone acted first.
 */
export async function writeThreatChange(
  db: Db,
  threat: ThreatRecord,
  patch: ThreatPatch,
  outlook: IslandOutlook[] | null,
  event: AuditEvent,
  now: number,
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('hrc_threats', threat.id, stamp)
  const added = patch.advisories?.slice(threat.advisories.length) ?? []
  const last = added[added.length - 1]
  const seq = threat.advisories.length
  const [update] = await db.batch([
    db
      .update(hrcThreats)
      .set({
        ...(patch.name ? { name: patch.name } : {}),
        ...(patch.category ? { category: patch.category } : {}),
        ...(patch.status ? { status: patch.status, closedAt: patch.closedAt ?? now } : {}),
        ...(last && outlook
          ? { source: last.source, track: last.track, islands: outlook, advisories: seq + added.length }
          : {}),
        version: patch.version,
        updatedAt: now,
        stamp,
      })
      .where(
        and(
          eq(hrcThreats.id, threat.id),
          eq(hrcThreats.status, 'open'),
          eq(hrcThreats.version, threat.version),
        ),
      ),
    ...added.map((a, i) => {
      const v = advisoryValues(threat.id, seq + i + 1, a)
      return db.insert(hrcAdvisories).select(
        sql`select ${v.id}, ${v.threatId}, ${v.seq}, ${v.recordedAt}, ${v.source}, ${v.number}, ${v.issuedAt},
          ${JSON.stringify(v.track)}, ${JSON.stringify(v.islands)}, ${v.text} where ${guard}`,
      )
    }),
    auditIf(db, event, guard),
  ])
  return changes(update) === 1
}
