/**
 * Who uses the system (user roles), and the catalogue of crisis roles a functionary can hold.
 * The crisis-role catalogue is data that admins can extend: these are seeded, with their names in
 * each language, into the `roles` table, which the pages read.
 */

export const USER_ROLES = ['island', 'coordinator', 'dispatcher', 'functionary', 'observer', 'admin'] as const
export type Role = (typeof USER_ROLES)[number]

export interface CrisisRole {
  code: string
  name: string
  nameNl: string
  namePap: string
  active: boolean
  sort: number
}

export const ROLE_CATALOGUE: readonly CrisisRole[] = [
  ['operational_leader', 'Operational leader', 'Operationeel Leider', 'Lider operashonal'],
  ['information_manager', 'Information manager', 'Informatiemanager', 'Gerente di informashon'],
  [
    'crisis_communication_adviser',
    'Crisis communication adviser',
    'Adviseur crisiscommunicatie',
    'Konsehero di komunikashon di krisis',
  ],
  ['liaison_officer', 'Liaison officer', 'Liaison / verbindingsofficier', 'Ofisial di enlase'],
  [
    'policy_team_secretary',
    'Secretary of the island policy team (EBT)',
    'Secretaris EBT',
    'Sekretario di EBT',
  ],
  ['population_care_lead', 'Population care lead', 'Hoofd bevolkingszorg', 'Hefe di kuido di poblashon'],
  ['logistics_coordinator', 'Logistics coordinator', 'Coördinator logistiek', 'Koordinadó di logístika'],
  ['plotter', 'Plotter', 'Plotter', 'Plotter'],
  ['fire_service_commander', 'Fire service commander', 'Commandant brandweer', 'Komandante di bombero'],
  [
    'medical_coordinator',
    'Medical / public health coordinator',
    'Coördinator GHOR',
    'Koordinadó di salubridat públiko',
  ],
].map(([code, name, nameNl, namePap], sort) => ({
  code: code as string,
  name: name as string,
  nameNl: nameNl as string,
  namePap: namePap as string,
  active: true,
  sort,
}))
