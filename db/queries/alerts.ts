/** Availability alerts: whom to write to, the alert round as one batch, answers as guarded updates. */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { Candidate, SentAlert } from '../../pool/alerts/index.ts'
import type { AlertAnswer } from '../../pool/reference/index.ts'
import type { AlertTrailEvent, FunctionaryNeed } from '../../pool/requests/index.ts'
import { type Actor, type AuditEvent, type Mail, newId } from '../../pool/shared/index.ts'
import { auditIf, stamped } from '../guard.ts'
import {
  alerts,
  auditEvents,
  functionaries,
  functionaryLanguages,
  functionaryRoles,
  needs,
  requests,
  unavailability,
} from '../schema/index.ts'
import { changes, type Db, type Stmt } from '../types.ts'
import { recordAudit } from './audit.ts'
import { enqueueMail } from './outbox.ts'

const candidateColumns = {
  id: functionaries.id,
  name: functionaries.name,
  email: functionaries.email,
  /** The language of their account, if they have one: their alert mail is written in it. */
  // Written out: drizzle leaves a column of a select list unqualified, and inside this subquery it would be u's.
  locale: sql<
    string | null
  >`(select u.locale from users u where u.functionary_id = "functionaries"."id" limit 1)`,
}

/** Whom an alert goes to (address, account language, spoken languages): who may be alerted is matching's to say. */
export async function candidatesByIds(db: Db, ids: string[]): Promise<Candidate[]> {
  if (ids.length === 0) return []
  const [rows, langs] = await Promise.all([
    db.select(candidateColumns).from(functionaries).where(inArray(functionaries.id, ids)),
    db.select().from(functionaryLanguages).where(inArray(functionaryLanguages.functionaryId, ids)),
  ])
  return rows.map((r) => ({
    ...r,
    languages: langs
      .filter((x) => x.functionaryId === r.id)
      .map(({ language, proficiency }) => ({ language, proficiency })),
  }))
}

/** Who was asked for this need and has neither answered nor passed the deadline. */
export async function pendingFor(db: Db, needId: string, now: number): Promise<Set<string>> {
  const rows = await db
    .select({ id: alerts.functionaryId })
    .from(alerts)
    .where(and(eq(alerts.needId, needId), isNull(alerts.answer), gt(alerts.deadline, now)))
  return new Set(rows.map((r) => r.id))
}

/** The alert round: rows (secret hashed), audit events and mails, in one batch. */
export async function insertAlerts(
  db: Db,
  sent: (SentAlert & { secretHash: string })[],
  events: AuditEvent[],
  mails: Mail[],
  now: number,
) {
  const stmts: Stmt[] = [
    ...sent.map(({ secret: _s, ...row }) => db.insert(alerts).values(row) as Stmt),
    ...events.map((e) => recordAudit(db, e) as Stmt),
    ...mails.map((m) => enqueueMail(db, m, now) as Stmt),
  ]
  await db.batch(stmts as [Stmt, ...Stmt[]])
}

export async function alertsForNeed(db: Db, needId: string) {
  return db
    .select({
      id: alerts.id,
      functionaryId: alerts.functionaryId,
      name: functionaries.name,
      base: functionaries.base,
      sentAt: alerts.sentAt,
      deadline: alerts.deadline,
      answer: alerts.answer,
      note: alerts.note,
      answeredAt: alerts.answeredAt,
    })
    .from(alerts)
    .innerJoin(functionaries, eq(functionaries.id, alerts.functionaryId))
    .where(eq(alerts.needId, needId))
    .orderBy(desc(alerts.sentAt), asc(functionaries.name))
}

/** The alert behind a link id, with the name of the person it was sent to (nobody else's data). */
export async function findAlert(db: Db, id: string) {
  const [row] = await db
    .select({ alert: alerts, name: functionaries.name })
    .from(alerts)
    .innerJoin(functionaries, eq(functionaries.id, alerts.functionaryId))
    .where(eq(alerts.id, id))
  return row
}

/**
 * Records an answer, or a changed one: guarded on "the answer is still what was read, deadline not
 * passed" and any further conditions of the caller (`where`); the event and the caller's dependent
 * statements (`also`, given the guard) only if it matched. False: someone or something came first.
 */
export async function recordAnswer(
  db: Db,
  id: string,
  read: AlertAnswer | null,
  patch: { answer: AlertAnswer; note: string | null; answeredAt: number },
  event: AuditEvent,
  extra: { where?: SQL[]; also?: (guard: SQL) => Stmt[] } = {},
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('alerts', id, stamp)
  const [update] = await db.batch([
    db
      .update(alerts)
      .set({ ...patch, stamp })
      .where(
        and(
          eq(alerts.id, id),
          read === null ? isNull(alerts.answer) : eq(alerts.answer, read),
          gt(alerts.deadline, patch.answeredAt),
          ...(extra.where ?? []),
        ),
      ),
    auditIf(db, event, guard),
    ...(extra.also?.(guard) ?? []),
  ])
  return changes(update) === 1
}

/** The person's most recent answer for the need, over every alert they got for it (null: none yet). */
export async function latestAnswered(db: Db, functionaryId: string, needId: string) {
  const [row] = await db
    .select({ answer: alerts.answer })
    .from(alerts)
    .where(and(eq(alerts.functionaryId, functionaryId), eq(alerts.needId, needId), isNotNull(alerts.answer)))
    .orderBy(desc(alerts.answeredAt), desc(alerts.sentAt))
    .limit(1)
  return row?.answer ?? null
}

/** What the answer page may show: the request's essentials and the need's role, nothing about other people. */
export async function answerContext(db: Db, requestId: string, needId: string) {
  const [row] = await db
    .select({
      island: requests.island,
      title: requests.title,
      priority: requests.priority,
      periodStart: sql<string>`coalesce(${needs.periodStart}, ${requests.periodStart})`,
      periodEnd: sql<string>`coalesce(${needs.periodEnd}, ${requests.periodEnd})`,
      role: needs.role,
      minLevel: needs.minLevel,
      languages: needs.languages,
    })
    .from(needs)
    .innerJoin(requests, eq(requests.id, needs.requestId))
    .where(and(eq(needs.id, needId), eq(requests.id, requestId)))
  return row
}

/** The request a need belongs to (to check the actor's scope on the request). */
export async function requestIdOfNeed(db: Db, needId: string): Promise<string | undefined> {
  const [row] = await db.select({ requestId: needs.requestId }).from(needs).where(eq(needs.id, needId))
  return row?.requestId
}

/** The alerts a functionary received, newest first, with what each asked: island, role, period. */
export async function alertsOfMine(db: Db, actor: Actor, limit = 50) {
  if (!can(actor, 'profile:own') || !actor.functionaryId) return []
  return db
    .select({
      id: alerts.id,
      sentAt: alerts.sentAt,
      deadline: alerts.deadline,
      answer: alerts.answer,
      note: alerts.note,
      answeredAt: alerts.answeredAt,
      island: requests.island,
      role: needs.role,
      start: sql<string>`coalesce(${needs.periodStart}, ${requests.periodStart})`,
      end: sql<string>`coalesce(${needs.periodEnd}, ${requests.periodEnd})`,
    })
    .from(alerts)
    .innerJoin(needs, eq(needs.id, alerts.needId))
    .innerJoin(requests, eq(requests.id, alerts.requestId))
    .where(eq(alerts.functionaryId, actor.functionaryId))
    .orderBy(desc(alerts.sentAt), asc(alerts.id))
    .limit(limit)
}

export type MyAlertRow = Awaited<ReturnType<typeof alertsOfMine>>[number]

/**
 * Per need of a request: how many people were asked, and how many said they are available. Counts
 * only, for everyone who sees the request: no names or contact details before an offer (issue 11).
 */
export async function alertCountsByNeed(
  db: Db,
  requestId: string,
): Promise<Map<string, { asked: number; available: number }>> {
  const rows = await db
    .select({
      needId: alerts.needId,
      asked: sql<number>`count(distinct ${alerts.functionaryId})`,
      available: sql<number>`count(distinct case when ${alerts.answer} = 'available' then ${alerts.functionaryId} end)`,
    })
    .from(alerts)
    .where(eq(alerts.requestId, requestId))
    .groupBy(alerts.needId)
  return new Map(rows.map((r) => [r.needId, { asked: Number(r.asked), available: Number(r.available) }]))
}

/** The audit events of a request's alerts, each with the need it asked for, oldest first. */
export async function alertTrail(db: Db, requestId: string): Promise<AlertTrailEvent[]> {
  const rows = await db
    .select({ event: auditEvents, needId: alerts.needId })
    .from(auditEvents)
    .innerJoin(alerts, and(eq(auditEvents.entity, 'alert'), eq(auditEvents.entityId, alerts.id)))
    .where(eq(alerts.requestId, requestId))
    .orderBy(asc(auditEvents.at), asc(sql`${auditEvents}.rowid`))
  return rows.map((r) => ({ ...r.event, needId: r.needId }))
}
