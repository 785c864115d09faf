/** Typed form values for re-rendering the request form: from a posted form, or from a stored request. */
import { NEED_ROW_PRESETS, type Need, type RequestRecord, rowKind } from '../../../pool/requests/index.ts'
import type { NeedValues, RequestValues } from '../../../views/requests/form.tsx'

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const NEED = /^needs\[(\d{1,4})\]\[(\w+)\]$/

export function valuesFromForm(fields: Record<string, string | string[]>): RequestValues {
  const rows = new Map<number, Record<string, string | string[]>>()
  for (const [key, value] of Object.entries(fields)) {
    const m = NEED.exec(key)
    if (!m) continue
    const row = rows.get(Number(m[1])) ?? {}
    row[m[2]!] = value
    rows.set(Number(m[1]), row)
  }
  const needs = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, r]): NeedValues => {
      const kind = rowKind(r)
      return {
        id: one(r.id),
        kind: kind === null ? '' : kind === 'capacity' || kind === 'other' ? kind : 'functionary',
        role: one(r.role),
        count: one(r.count),
        minLevel: one(r.minLevel),
        languages: list(r.languages),
        preferredLanguages: list(r.preferredLanguages),
        remoteOk: list(r.remoteOk).some((v) => v === 'on' || v === 'true'),
        periodStart: one(r.periodStart),
        periodEnd: one(r.periodEnd),
        notes: one(r.notes),
        unitType: one(r.unitType),
        description: one(r.description),
        quantity: one(r.quantity),
      }
    })
  const get = (k: string) => one(fields[k])
  return {
    island: get('island'),
    title: get('title'),
    situation: get('situation'),
    phase: get('phase'),
    priority: get('priority'),
    periodStart: get('periodStart'),
    periodEnd: get('periodEnd'),
    incidentId: get('incidentId'),
    contact: get('contact'),
    version: get('version'),
    needs,
  }
}

export function recordToValues(r: RequestRecord): Omit<RequestValues, 'needs'> {
  return {
    island: r.island,
    title: r.title,
    situation: r.situation,
    phase: r.phase,
    priority: r.priority,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    incidentId: r.incidentId ?? '',
    contact: r.contact,
    version: String(r.version),
  }
}

export function needsToValues(needs: Need[]): NeedValues[] {
  return needs.map((n) => {
    if (n.kind === 'functionary') {
      return { ...n, count: String(n.count), periodStart: n.periodStart ?? '', periodEnd: n.periodEnd ?? '' }
    }
    if (n.kind === 'capacity') return { ...n, count: String(n.count) }
    return { ...n, quantity: String(n.quantity) }
  })
}

/** Need rows the form offers at least: a typical request (up to four needs of any kinds) fits in one post. */
export const NEED_ROWS = 4

/** A row nobody has filled in yet: no kind chosen, the usual count and level ready. */
const blankNeed = (): NeedValues => ({
  ...NEED_ROW_PRESETS,
  kind: '',
  languages: [],
  preferredLanguages: [],
})

/**
 * The rows as the form shows them: the filled ones in order (as formToRequestInput numbers them,
 * so that error keys match), then blank rows up to NEED_ROWS, and always at least one.
 */
export function needRows(needs: readonly NeedValues[]): NeedValues[] {
  const filled = needs.filter((n) => n.kind !== '')
  return [...filled, ...Array.from({ length: Math.max(NEED_ROWS - filled.length, 1) }, blankNeed)]
}

/**
 * Applies an add or remove button to the typed values (a remove names the row as it was shown).
 * Null when the button was neither; otherwise the index of the row added, if any: the page lands
 * on it (a fragment anchor) and htmx moves focus into it.
 */
export function applyRowAction(values: RequestValues, action: string): { added: number | null } | null {
  const add = /^add:(functionary|capacity|other)$/.exec(action)
  if (add) {
    values.needs = [...values.needs.filter((n) => n.kind !== ''), { ...blankNeed(), kind: add[1] as Kind }]
    return { added: values.needs.length - 1 }
  }
  const remove = /^remove:(\d+)$/.exec(action)
  if (remove) {
    values.needs.splice(Number(remove[1]), 1)
    return { added: null }
  }
  return null
}

type Kind = Exclude<NeedValues['kind'], ''>
