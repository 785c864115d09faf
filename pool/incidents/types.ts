/** The shape of an incident and of one as typed: shared by its rules, proposals and mails. */
import type { Hazard, IncidentStatus, Phase } from '../reference/index.ts'

export interface IncidentRecord {
  id: string
  name: string
  hazard: Hazard
  islands: string[] // affected islands, codes of ISLAND_CODES
  phase: Phase
  status: IncidentStatus
  openedAt: number
  closedAt: number | null
  createdBy: string
  /** The island that proposed it; null when LOCC-KCR2 opened it. */
  proposedBy: string | null
  /** Why a coordinator turned the proposal down. */
  reason: string | null
  version: number
}

export interface IncidentInput {
  name: string
  hazard: Hazard
  islands: string[]
  phase: Phase
  openedAt: number | null // null: now
}
