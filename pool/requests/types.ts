/** The shapes of a request for assistance and its needs, and of an edit to one: shared by the request rules. */
import type { Level, Phase, Priority, RequestStatus } from '../reference/codes.ts'

export interface RequestRecord {
  id: string
  island: string
  status: RequestStatus
  phase: Phase
  priority: Priority
  title: string
  situation: string
  periodStart: string // ISO date, YYYY-MM-DD
  periodEnd: string
  incidentId: string | null
  contact: string
  createdBy: string // user id
  onBehalf: boolean // filed by a coordinator for the island
  version: number // bumped by every write: the guard against stale actions
  revision: number // content version seen by the coordinator, starts at 1
  submittedAt: number | null
  acknowledgedAt: number | null
  closedAt: number | null // set on every terminal state: closed, rejected, withdrawn
  reason: string | null
}

export interface FunctionaryNeed {
  id: string
  kind: 'functionary'
  role: string
  count: number
  minLevel: Level
  languages: string[]
  preferredLanguages: string[]
  remoteOk: boolean
  periodStart: string | null // null: the request's period
  periodEnd: string | null
  notes: string
}
export interface CapacityNeed {
  id: string
  kind: 'capacity'
  unitType: string
  count: number
  notes: string
}
export interface OtherNeed {
  id: string
  kind: 'other'
  description: string
  quantity: number
}
export type Need = FunctionaryNeed | CapacityNeed | OtherNeed
/** A need as typed in a form or posted to the API: no id yet when it is new. */
export type NeedInput = WithoutId<Need> & { id?: string }
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

export const EDITABLE_FIELDS = [
  'title',
  'situation',
  'phase',
  'priority',
  'periodStart',
  'periodEnd',
  'incidentId',
  'contact',
] as const
export type EditableField = (typeof EDITABLE_FIELDS)[number]
export type RequestContent = Pick<RequestRecord, EditableField>

export interface FieldChange {
  field: EditableField
  before: string | null
  after: string | null
}
export interface NeedChange {
  field: 'needs'
  change: 'added' | 'removed' | 'changed'
  needId: string | null // null: a new need, its id is given when written
  before: NeedInput | null
  after: NeedInput | null
  fields: string[] // for 'changed': which of the need's fields differ
}
export type Change = FieldChange | NeedChange
