/**
 * What an audit event's before/after say, read once for every language: which fields changed,
 * and for a request edit, each change with its values. The catalogues phrase the result.
 */
import type { Fmt } from './format.ts'

/** A need as an edit recorded it (the request form's input). */
export interface NeedBrief {
  count: number
  role: string | null
  unitType: string | null
  description: string | null
}

export type EditChange =
  | { kind: 'field'; field: string; before: string | null; after: string | null }
  | { kind: 'need'; change: 'added' | 'removed' | 'changed'; need: NeedBrief | null }

type Side = Readonly<Record<string, unknown>> | null

/** The fields an event changed, in the order they were recorded, without the bookkeeping. */
export function changedKeys(before: Side, after: Side): string[] {
  const keys = Object.keys(after ?? before ?? {})
  return keys.filter((k) => k !== 'version' && k !== 'revision' && k !== 'needs')
}

const text = (v: unknown): string | null => (v == null || v === '' ? null : String(v))

function brief(v: unknown): NeedBrief | null {
  if (typeof v !== 'object' || v === null) return null
  const n = v as Record<string, unknown>
  const str = (x: unknown) => (typeof x === 'string' && x ? x : null)
  return {
    count: Number(n.count ?? n.quantity ?? 1),
    role: str(n.role),
    unitType: str(n.unitType),
    description: str(n.description),
  }
}

/** The changes of a `request.edited` / `request.revised` event: fields first, then needs. */
export function requestChanges(before: Side, after: Side): EditChange[] {
  const out: EditChange[] = changedKeys(before, after).map((field) => ({
    kind: 'field',
    field,
    before: text(before?.[field]),
    after: text(after?.[field]),
  }))
  type Recorded = { change: 'added' | 'removed' | 'changed'; value?: unknown }
  const needs = Array.isArray(after?.needs) ? (after.needs as Recorded[]) : []
  const olds = Array.isArray(before?.needs) ? (before.needs as Recorded[]) : []
  needs.forEach((n, i) => {
    out.push({ kind: 'need', change: n.change, need: brief(n.value ?? olds[i]?.value) })
  })
  return out
}

/** A changed value as a reader knows it: names for codes, dates in their language; `none` when empty. */
export function fieldValue(field: string, value: string | null, f: Fmt, none: string): string {
  if (value == null) return none
  if (field === 'priority' || field === 'phase' || field === 'hazard') return f.name(field, value)
  if (field === 'periodStart' || field === 'periodEnd') return f.date(value)
  return value
}

/** "…" after 80 characters: a history line stays one line. */
export const short = (v: string | null, none = '—'): string => {
  const t = v ?? none
  return t.length > 80 ? `${t.slice(0, 77)}…` : t
}
