/**
 * Availability alerts: whom to write to, the alert round as one guarded batch (one row per person
 * and need, held by a unique index; a second question is a reminder on that row), and answers as
 * guarded updates.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { AlertSend, AskedBefore, Candidate } from '../../pool/alerts/index.ts'
import { REMINDER_GAP_MS } from '../../pool/alerts/index.ts'
import { ANSWER_LOCKING_STATUSES } from '../../pool/assignments/index.ts'
import type { AlertAnswer } from '../../pool/reference/index.ts'
import type { AlertTrailEvent } from '../../pool/requests/index.ts'
import { type Actor, type AuditEvent, type Mail, newId } from '../../pool/shared/index.ts'
import { auditIf, mailIf, stamped } from '../guard.ts'
import { alerts, auditEvents, functionaries, functionaryLanguages, needs, requests } from '../schema/index.ts'
import { changes, type Db, type Stmt } from '../types.ts'
import { valuesList } from '../values.ts'
import { answerLockGuard } from './assignment-writes.ts'

const candidateColumns = {
  id: functionaries.id,
  name: functionaries.name,
  email: functionaries.email,
  base: functionaries.base,
  /** The language of their account, if they have one: their alert mail is written in it. */
  // Written out: drizzle leaves a column of a select list unqualified, and inside this subquery it would be u's.
  locale: sql<
    string | null
  >`(select u.locale from users u where u.functionary_id = "functionaries"."id" limit 1)`,
}

/** Whom an alert goes to (address, base, account language, spoken languages): who may be alerted is matching's to say. */
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

/** The chosen people already asked for this need (their alert is reminded), by functionary id. */
export async function askedFor(db: Db, needId: string, ids: string[]): Promise<Map<string, AskedBefore>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({
      functionaryId: alerts.functionaryId,
      id: alerts.id,
      reminders: alerts.reminders,
      lastSentAt: sql<number>`coalesce(${alerts.remindedAt}, ${alerts.sentAt})`,
      answer: alerts.answer,
    })
    .from(alerts)
    .where(and(eq(alerts.needId, needId), inArray(alerts.functionaryId, ids)))
  return new Map(rows.map(({ functionaryId, ...asked }) => [functionaryId, asked]))
}

/** A send as the service writes it: the secret replaced by its hash, the mail rendered. */
export type SendRow = AlertSend & { secretHash: string; rendered: Mail }

/**
 * The round in one batch. Each person's question is one guarded statement with its event and
 * mail guarded on it: a first alert is an insert that does nothing when the person was asked
 * meanwhile (the unique index on need and person), a reminder an update that applies only to the
 * reminders it read, after the gap, and before an offer locked the answer. Returns, per send,
 * whether it was written: a concurrent round that came first leaves `false`, and no mail.
 */
export async function writeRound(db: Db, sends: readonly SendRow[], now: number): Promise<boolean[]> {
  const stmts: Stmt[] = []
  for (const s of sends) {
    const stamp = newId()
    if (s.kind === 'first') {
      const { secret: _s, ...row } = s.alert
      stmts.push(
        db
          .insert(alerts)
          .values({ ...row, secretHash: s.secretHash, stamp })
          .onConflictDoNothing({ target: [alerts.needId, alerts.functionaryId] }) as Stmt,
      )
    } else {
      const r = s.reminder
      stmts.push(
        db
          .update(alerts)
          .set({
            // SQLite reads the row as it was: the old hash is retired, the new one takes its place.
            retiredHashes: sql`json_insert(${alerts.retiredHashes}, '$[#]', ${alerts.secretHash})`,
            secretHash: s.secretHash,
            deadline: r.deadline,
            reminders: r.reminders,
            remindedAt: r.remindedAt,
            remindedBy: r.remindedBy,
            stamp,
          })
          .where(
            and(
              eq(alerts.id, r.id),
              eq(alerts.reminders, r.read),
              lte(sql`coalesce(${alerts.remindedAt}, ${alerts.sentAt})`, now - REMINDER_GAP_MS),
              answerLockGuard(r.functionaryId, r.needId),
            ),
          ) as Stmt,
      )
    }
    const id = s.kind === 'first' ? s.alert.id : s.reminder.id
    const guard = stamped('alerts', id, stamp)
    stmts.push(auditIf(db, s.event, guard) as Stmt, mailIf(db, s.rendered, now, guard) as Stmt)
  }
  if (stmts.length === 0) return []
  const results = await db.batch(stmts as [Stmt, ...Stmt[]])
  return sends.map((_, i) => changes(results[i * 3]) === 1)
}

/**
 * The answers board: every alert of the need with its reminders, and the person's unavailability
 * within the need's period (declared after the question: they are now unavailable), as [start, end] pairs.
 */
export async function alertsForNeed(db: Db, needId: string) {
  const rows = await db
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
      reminders: alerts.reminders,
      remindedAt: alerts.remindedAt,
      // Written out, as above: inside the subquery a bare column name would be u's.
      away: sql<string>`(select json_group_array(json_array(u.start, u."end")) from unavailability u
        where u.functionary_id = "alerts"."functionary_id"
          and u.start <= coalesce("needs"."period_end", "requests"."period_end")
          and u."end" >= coalesce("needs"."period_start", "requests"."period_start"))`,
    })
    .from(alerts)
    .innerJoin(functionaries, eq(functionaries.id, alerts.functionaryId))
    .innerJoin(needs, eq(needs.id, alerts.needId))
    .innerJoin(requests, eq(requests.id, alerts.requestId))
    .where(eq(alerts.needId, needId))
    .orderBy(desc(alerts.sentAt), asc(functionaries.name))
  return rows.map(({ away, ...r }) => ({
    ...r,
    away: (JSON.parse(away) as [string, string][]).map(([start, end]) => ({ start, end })),
  }))
}

/** The alert behind a link id, with the name of the person it was sent to (nobody else's data). */
export async function findAlert(db: Db, id: string) {
  const [row] = await db
    .select({ alert: alerts, name: functionaries.name, base: functionaries.base })
    .from(alerts)
    .innerJoin(functionaries, eq(functionaries.id, alerts.functionaryId))
    .where(eq(alerts.id, id))
  return row
}

/** One of the signed-in functionary's own alerts (answering on /me); someone else's is undefined. */
export async function findMyAlert(db: Db, actor: Actor, id: string) {
  if (!can(actor, 'profile:own') || !actor.functionaryId) return undefined
  const found = await findAlert(db, id)
  return found?.alert.functionaryId === actor.functionaryId ? found : undefined
}

/**
 * Records an answer, or a changed one: guarded on "the row is as it was read" (its stamp: no
 * answer, reminder or other answer came between), the deadline not passed, and any further
 * conditions of the caller (`where`); the event and the caller's dependent statements (`also`,
 * given the guard) only if it matched. False: someone or something came first.
 */
export async function recordAnswer(
  db: Db,
  read: { id: string; stamp: string | null },
  patch: { answer: AlertAnswer; note: string | null; answeredAt: number },
  event: AuditEvent,
  extra: { where?: SQL[]; also?: (guard: SQL) => Stmt[] } = {},
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('alerts', read.id, stamp)
  const [update] = await db.batch([
    db
      .update(alerts)
      .set({ ...patch, stamp })
      .where(
        and(
          eq(alerts.id, read.id),
          read.stamp === null ? isNull(alerts.stamp) : eq(alerts.stamp, read.stamp),
          gt(alerts.deadline, patch.answeredAt),
          ...(extra.where ?? []),
        ),
      ),
    auditIf(db, event, guard),
    ...(extra.also?.(guard) ?? []),
  ])
  return changes(update) === 1
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

const lockingList = valuesList(ANSWER_LOCKING_STATUSES)

/**
 * The alerts a functionary received, newest first, with what each asked (island, role, period,
 * request) and whether an offer has locked the answer.
 */
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
      reminders: alerts.reminders,
      remindedAt: alerts.remindedAt,
      island: requests.island,
      title: requests.title,
      role: needs.role,
      start: sql<string>`coalesce(${needs.periodStart}, ${requests.periodStart})`,
      end: sql<string>`coalesce(${needs.periodEnd}, ${requests.periodEnd})`,
      locked: sql<number>`exists (select 1 from assignments x where x.functionary_id = "alerts"."functionary_id"
        and x.need_id = "alerts"."need_id" and x.status in (${lockingList}))`,
    })
    .from(alerts)
    .innerJoin(needs, eq(needs.id, alerts.needId))
    .innerJoin(requests, eq(requests.id, alerts.requestId))
    .where(eq(alerts.functionaryId, actor.functionaryId))
    .orderBy(desc(sql`coalesce(${alerts.remindedAt}, ${alerts.sentAt})`), asc(alerts.id))
    .limit(limit)
}

export type MyAlertRow = Awaited<ReturnType<typeof alertsOfMine>>[number]

/**
 * Per need of a request: how many people were asked, and how many said they are available. Counts
 * only, for everyone who sees the request: no names or contact details before an offer.
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
