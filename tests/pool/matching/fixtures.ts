/** Named fixtures for matching: Saba's information-management need after a hurricane, and Anna, who fits it. */
import {
  type MatchCandidate,
  type MatchContext,
  type MatchNeed,
  travelTable,
} from '../../../pool/matching/index.ts'
import { TRAVEL_TIMES } from '../../../pool/reference/index.ts'

export const TODAY = '2026-09-05'
export const ctx: MatchContext = { travel: travelTable(TRAVEL_TIMES), today: TODAY }

/** Saba asks for a qualified information manager, English required, Dutch and Papiamentu welcome; the hurricane struck Saba and Sint Maarten. */
export const sabaNeed: MatchNeed = {
  id: 'need-saba-im',
  requestId: 'req-saba',
  island: 'SA',
  role: 'information_manager',
  minLevel: 'qualified',
  languages: ['en'],
  preferredLanguages: ['nl', 'pap'],
  period: { start: '2026-09-10', end: '2026-09-24' },
  remoteOk: false,
  struckIslands: ['SA', 'SX'],
  priority: 'urgent',
  phase: 'warm',
}

/** Anna de Vries: a qualified information manager from the Netherlands, never deployed, fluent English, native Dutch. */
export const anna: MatchCandidate = {
  id: 'f-anna',
  name: 'Anna de Vries',
  active: true,
  base: 'NL',
  remoteCapable: false,
  roles: [{ role: 'information_manager', level: 'qualified' }],
  languages: [
    { language: 'nl', proficiency: 'native' },
    { language: 'en', proficiency: 'fluent' },
  ],
  travelDocumentExpiry: '2029-03-15',
  fitnessExpiry: '2027-06-01',
  unavailable: [],
  assignments: [],
  deployments: [],
  lastDeploymentEnd: null,
  alerts: [],
  declinedNeeds: [],
}

/** Anna with some fields changed (and another id and name when given). */
export const person = (changes: Partial<MatchCandidate> = {}): MatchCandidate => ({ ...anna, ...changes })
export const need = (changes: Partial<MatchNeed> = {}): MatchNeed => ({ ...sabaNeed, ...changes })
