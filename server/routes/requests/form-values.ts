/** Typed form values for re-rendering the request form: from a posted form, or from a stored request. */
import type { Need, RequestRecord } from '../../../pool/requests/index.ts'
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
      const kind = one(r.kind)
      return {
        id: one(r.id),
        kind: kind === 'capacity' || kind === 'other' ? kind : 'functionary',
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
