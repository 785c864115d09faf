/**
 * Assignment writes as guarded batches, and the conditions other writes hold about assignments.
 * The rules that must hold under concurrency are in the writes themselves: a person's active
 * assignments never overlap (the proposal's insert), a need never takes more people than its
 * count (the offer and acceptance), a step moves only from the state and version it was decided
 * on, and a request's end or edit decides on the assignments it read (`activeAsRead`).
 */
import { and, eq, type SQL, sql } from 'drizzle-orm'
import {
  ANSWER_LOCKING_STATUSES,
  type Assignment,
  type AssignmentPatch,
  FILLED_ASSIGNMENT_STATUSES,
  OPEN_REQUEST_STATUSES,
} from '../../pool/assignments/index.ts'
import { ACTIVE_ASSIGNMENT_STATUSES, type AssignmentStatus } from '../../pool/reference/index.ts'
import type { AuditEvent, Mail } from '../../pool/shared/index.ts'
import { auditIf, mailIf, stamped } from '../guard.ts'
import { assignments, requests } from '../schema/index.ts'
import { changes, type Db, type Stmt } from '../types.ts'
import { valuesList } from '../values.ts'
import type { AssignmentRow } from './assignments.ts'

/** The columns a patch of pool/assignments sets (travel and confirmation are columns of their own). */
function columnsOf(p: Partial<AssignmentPatch>): Partial<AssignmentRow> {
  const { travel, confirmedBy, ...rest } = p
  const out: Partial<AssignmentRow> = { ...rest }
  if (travel !== undefined) {
    out.etd = travel?.etd ?? null
    out.eta = travel?.eta ?? null
    out.transport = travel?.transport ?? null
    out.travelReference = travel?.reference ?? null
  }
  if (confirmedBy !== undefined) {
    out.confirmedChannel = confirmedBy?.channel ?? null
    out.confirmedNote = confirmedBy?.note ?? null
    out.confirmedBy = confirmedBy?.by || null
  }
  return out
}

/** True inside a batch while the request is acknowledged or in progress. */
export const requestOpen = (requestId: string): SQL =>
  sql`exists (select 1 from requests r where r.id = ${requestId} and r.status in (${valuesList(OPEN_REQUEST_STATUSES)}))`

/** True inside a batch while the person holds no active assignment overlapping the period. */
export const freeFor = (
  functionaryId: string,
  start: string,
  end: string,
  statuses: readonly string[],
): SQL =>
  sql`not exists (select 1 from assignments x where x.functionary_id = ${functionaryId}
    and x.status in (${valuesList(statuses)}) and x.period_start <= ${end} and x.period_end >= ${start})`

/** True inside a batch while the need has fewer accepted-or-later people than its count. */
export const roomIn = (needId: string): SQL =>
  sql`(select count(*) from assignments c where c.need_id = ${needId}
    and c.status in (${valuesList(FILLED_ASSIGNMENT_STATUSES)})) < (select coalesce(n.count, 0) from needs n where n.id = ${needId})`

/**
 * A proposal: the row is inserted only where the request is still open and the person still free
 * for the period (`INSERT … SELECT … WHERE`, one statement: libSQL runs the batch as BEGIN
 * IMMEDIATE and D1 serialises, so two coordinators proposing at once cannot both pass); the
 * event only where the row went in. False: it lost (the caller reads why).
 */
export async function insertProposal(
  db: Db,
  a: Assignment,
  event: AuditEvent,
  guard: { functionaryId: string; periodStart: string; periodEnd: string; statuses: readonly string[] },
): Promise<boolean> {
  const [inserted] = await db.batch([
    db.insert(assignments).select(
      sql`select ${a.id}, ${a.needId}, ${a.requestId}, ${a.island}, ${a.functionaryId}, ${a.status}, ${a.periodStart},
        ${a.periodEnd}, null, null, null, null, null, null, null, null, 0, null, ${a.proposedBy}, ${a.version}, null,
        ${a.createdAt}, ${a.updatedAt}, null, null, null, null, null
      where ${requestOpen(a.requestId)}
        and exists (select 1 from needs n where n.id = ${a.needId} and n.kind = 'functionary')
        and ${freeFor(guard.functionaryId, guard.periodStart, guard.periodEnd, guard.statuses)}`,
    ),
    auditIf(db, event, sql`exists (select 1 from assignments where id = ${a.id})`),
  ])
  return changes(inserted) === 1
}

/** One assignment's guarded update, stamped so that its event and mails follow only when it matched. */
export function guardedUpdate(
  db: Db,
  change: {
    id: string
    expect: { status: AssignmentStatus; version: number }
    patch: Partial<AssignmentPatch>
  },
  stamp: string,
  extra: SQL[] = [],
) {
  return db
    .update(assignments)
    .set({ ...columnsOf(change.patch), stamp })
    .where(
      and(
        eq(assignments.id, change.id),
        eq(assignments.status, change.expect.status),
        eq(assignments.version, change.expect.version),
        ...extra,
      ),
    )
}

export interface StepWrite {
  change: { id: string; expect: { status: AssignmentStatus; version: number }; patch: AssignmentPatch }
  event: AuditEvent
  mails: Mail[]
  /** Forward steps: the request must still be open when the write runs. */
  requestId?: string
  /** Offer and acceptance: the need must still have room. */
  capacityOf?: string
  /** The request's own system step (first arrival at an acknowledged request). */
  request?: { id: string; event: AuditEvent }
}

/** A step as one batch: the guarded update, its event and mails, and the request's system step. False: it lost. */
export async function applyStep(db: Db, w: StepWrite, now: number): Promise<boolean> {
  const stamp = crypto.randomUUID()
  const guard = stamped('assignments', w.change.id, stamp)
  const extra = [
    ...(w.requestId ? [requestOpen(w.requestId)] : []),
    ...(w.capacityOf ? [roomIn(w.capacityOf)] : []),
  ]
  const stmts: Stmt[] = [
    guardedUpdate(db, w.change, stamp, extra) as Stmt,
    auditIf(db, w.event, guard) as Stmt,
    ...w.mails.map((m) => mailIf(db, m, now, guard) as Stmt),
  ]
  if (w.request) {
    const requestStamp = crypto.randomUUID()
    stmts.push(
      db
        .update(requests)
        .set({
          status: 'in_progress',
          version: sql`${requests.version} + 1`,
          updatedAt: now,
          stamp: requestStamp,
        })
        .where(and(eq(requests.id, w.request.id), eq(requests.status, 'acknowledged'), guard)) as Stmt,
      auditIf(db, w.request.event, stamped('requests', w.request.id, requestStamp)) as Stmt,
    )
  }
  const [update] = await db.batch(stmts as [Stmt, ...Stmt[]])
  return changes(update) === 1
}

/** Consequences of another record's change (a request ending, an answer taken back), under that change's guard. */
export function consequenceStmts(
  db: Db,
  items: readonly {
    change: { id: string; expect: { status: AssignmentStatus; version: number }; patch: AssignmentPatch }
    event: AuditEvent
    mails: Mail[]
  }[],
  outer: SQL,
  now: number,
): Stmt[] {
  const stamp = crypto.randomUUID()
  return items.flatMap((c) => {
    const guard = stamped('assignments', c.change.id, stamp)
    return [
      guardedUpdate(db, c.change, stamp, [outer]) as Stmt,
      auditIf(db, c.event, guard) as Stmt,
      ...c.mails.map((m) => mailIf(db, m, now, guard) as Stmt),
    ]
  })
}

/**
 * True inside a batch while the request's active assignments are exactly those read (`id:version`
 * each): a decision about all of them (withdrawal, closing) must not miss one proposed or moved
 * since. One bound parameter, whatever their number (D1 binds at most 100).
 */
export function activeAsRead(requestId: string, read: readonly Assignment[]): SQL {
  const seen = JSON.stringify(read.filter((a) => isActiveStatus(a.status)).map((a) => `${a.id}:${a.version}`))
  return sql`not exists (select 1 from assignments x where x.request_id = ${requestId}
    and x.status in (${valuesList(ACTIVE_ASSIGNMENT_STATUSES)})
    and (x.id || ':' || x.version) not in (select value from json_each(${seen})))`
}
const isActiveStatus = (s: string) => (ACTIVE_ASSIGNMENT_STATUSES as readonly string[]).includes(s)

/** True inside a batch while the person has not been offered for the need (the alert link may still change the answer). */
export const answerLockGuard = (functionaryId: string, needId: string): SQL =>
  sql`not exists (select 1 from assignments x where x.functionary_id = ${functionaryId} and x.need_id = ${needId}
    and x.status in (${valuesList(ANSWER_LOCKING_STATUSES)}))`

/** True inside a batch while none of the need's assignments is active (removing the need in an edit). */
export const noActiveOn = (needId: string): SQL =>
  sql`not exists (select 1 from assignments x where x.need_id = ${needId}
    and x.status in (${valuesList(ACTIVE_ASSIGNMENT_STATUSES)}))`

/** True inside a batch while the need has at most `count` accepted-or-later people (lowering its count in an edit). */
export const filledAtMost = (needId: string, count: number): SQL =>
  sql`(select count(*) from assignments c where c.need_id = ${needId}
    and c.status in (${valuesList(FILLED_ASSIGNMENT_STATUSES)})) <= ${count}`
