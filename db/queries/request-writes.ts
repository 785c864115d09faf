/**
 * Requests written as one guarded batch per decision of pool/requests: a new request with its
 * needs, a transition, an edit; the audit event, the mails and what other records add (AlsoWrite)
 * go in the same batch, under the update's stamp, so a lost race writes nothing.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { Need, RequestPatch, RequestRecord } from '../../pool/requests/index.ts'
import { type AuditEvent, type Mail, newId } from '../../pool/shared/index.ts'
import { auditIf, mailIf, stamped } from '../guard.ts'
import { needs, requests } from '../schema/index.ts'
import { changes, type Db, type Stmt } from '../types.ts'
import { recordAudit } from './audit.ts'

type NeedRow = typeof needs.$inferSelect

function needRow(requestId: string, need: Need, position: number): NeedRow {
  const base = {
    id: need.id,
    requestId,
    position,
    kind: need.kind,
    role: null,
    count: null,
    minLevel: null,
    languages: null,
    preferredLanguages: null,
    remoteOk: null,
    periodStart: null,
    periodEnd: null,
    notes: '',
    unitType: null,
    description: null,
    quantity: null,
  }
  if (need.kind === 'functionary') {
    const { id: _i, kind: _k, ...f } = need
    return { ...base, ...f }
  }
  if (need.kind === 'capacity')
    return { ...base, unitType: need.unitType, count: need.count, notes: need.notes }
  return { ...base, description: need.description, quantity: need.quantity }
}

/** A new request with its needs and the audit event, in one batch. */
export async function insertRequest(
  db: Db,
  record: RequestRecord,
  list: Need[],
  event: AuditEvent,
  now: number,
) {
  await db.batch([
    db.insert(requests).values({ ...record, createdAt: now, updatedAt: now }),
    ...list.map((need, i) => db.insert(needs).values(needRow(record.id, need, i)) as Stmt),
    recordAudit(db, event),
  ])
}

/** What other records add to a request's write: conditions on its update, statements under its guard. */
export interface AlsoWrite {
  where?: SQL[]
  stmts?: (guard: SQL) => Stmt[]
}

/** The update of a request as it was read (status, version and `also.where`), stamped for its dependants. */
function guardedUpdate(
  db: Db,
  before: RequestRecord,
  set: object,
  stamp: string,
  now: number,
  also: AlsoWrite,
) {
  return db
    .update(requests)
    .set({ ...set, updatedAt: now, stamp })
    .where(
      and(
        eq(requests.id, before.id),
        eq(requests.status, before.status),
        eq(requests.version, before.version),
        ...(also.where ?? []),
      ),
    )
}

/**
 * A transition: the guarded update (status and version as read, and `also.where`), then the audit
 * event, the mails and `also.stmts`, which are written only if the update matched. False: someone
 * acted first.
 */
export async function applyTransition(
  db: Db,
  request: RequestRecord,
  patch: RequestPatch,
  event: AuditEvent,
  mails: Mail[],
  now: number,
  also: AlsoWrite = {},
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('requests', request.id, stamp)
  const [update] = await db.batch([
    guardedUpdate(db, request, patch, stamp, now, also),
    auditIf(db, event, guard),
    ...mails.map((mail) => mailIf(db, mail, now, guard)),
    ...(also.stmts?.(guard) ?? []),
  ])
  return changes(update) === 1
}

/**
 * An edit: the guarded update of the request's fields (and `also.where`); its needs written row by
 * row — removed ones deleted, kept ones updated in place, new ones inserted — so that what hangs
 * off a need (alerts, assignments) stays with it; the audit event and mails; all only if the
 * version still matched. False: someone changed it first.
 */
export async function applyEdit(
  db: Db,
  before: RequestRecord,
  after: RequestRecord,
  list: { all: Need[]; insert: Need[]; remove: string[] },
  event: AuditEvent,
  mails: Mail[],
  now: number,
  also: AlsoWrite = {},
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('requests', before.id, stamp)
  const { id: _id, createdBy: _by, onBehalf: _ob, island: _is, ...fields } = after
  const fresh = new Set(list.insert.map((n) => n.id))
  const [update] = await db.batch([
    guardedUpdate(db, before, fields, stamp, now, also),
    ...(list.remove.length
      ? [db.delete(needs).where(and(eq(needs.requestId, before.id), inArray(needs.id, list.remove), guard))]
      : []),
    ...list.all.map((need, i) => {
      const row = needRow(before.id, need, i)
      if (fresh.has(need.id)) return insertNeedIf(db, row, guard)
      const { id: _nid, requestId: _rid, ...values } = row
      return db
        .update(needs)
        .set(values)
        .where(and(eq(needs.id, need.id), eq(needs.requestId, before.id), guard))
    }),
    auditIf(db, event, guard),
    ...mails.map((mail) => mailIf(db, mail, now, guard)),
    ...(also.stmts?.(guard) ?? []),
  ])
  return changes(update) === 1
}

/** A need row inserted only under the guard (see db/guard.ts: insert … select, never db.run in a batch). */
function insertNeedIf(db: Db, n: NeedRow, guard: SQL) {
  const json = (v: string[] | null) => (v ? JSON.stringify(v) : null)
  const bool = (v: boolean | null) => (v == null ? null : v ? 1 : 0)
  return db.insert(needs).select(
    sql`select ${n.id}, ${n.requestId}, ${n.position}, ${n.kind}, ${n.role}, ${n.count}, ${n.minLevel}, ${json(n.languages)},
      ${json(n.preferredLanguages)}, ${bool(n.remoteOk)}, ${n.periodStart}, ${n.periodEnd}, ${n.notes}, ${n.unitType},
      ${n.description}, ${n.quantity}
    where ${guard}`,
  )
}
