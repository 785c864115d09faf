/**
 * Authorization in one place: may this user do this, to this record? Decided from role and island
 * only. Island users are scoped to their own island; a record outside that scope is "not found".
 */

import type { Actor, Role, Scoped } from '../shared/actor.ts'

export type Action =
  | 'reference:read'
  | 'outbox:read'
  | 'accounts:manage'
  | 'accounts:invite' // make a functionary account for a pool member
  | 'requests:read'
  | 'requests:create'
  | 'requests:triage' // acknowledge, reject, progress, close
  | 'incidents:read'
  | 'incidents:manage'
  | 'incidents:propose' // an island proposes an incident; a coordinator opens or rejects it
  | 'pool:read'
  | 'pool:manage'
  | 'hrc:read' // units, readiness, threats, the board
  | 'hrc:manage' // keep units, climb the ladder, dispatch
  | 'hrc:threats' // record, update and close threats, apply their proposals
  | 'hrc:dispatches' // read dispatch orders (an island: those sent to it)
  | 'profile:own'
  | 'overview:read'
  | 'assignments:read' // scoped: coordinators and readers all, an island its own, a functionary their own
  | 'assignments:propose' // candidates, proposals and plans (the steps' takers: pool/assignments/steps.ts)
  | 'assignments:decide' // the island's offers page

const grants: Record<Role, readonly Action[]> = {
  admin: [
    'reference:read',
    'incidents:read',
    'outbox:read',
    'accounts:manage',
    'accounts:invite',
    'overview:read',
  ],
  coordinator: [
    'reference:read',
    'requests:read',
    'requests:create',
    'requests:triage',
    'incidents:read',
    'incidents:manage',
    'pool:read',
    'pool:manage',
    'accounts:invite',
    'hrc:read',
    'hrc:threats',
    'hrc:dispatches',
    'overview:read',
    'assignments:read',
    'assignments:propose',
  ],
  dispatcher: [
    'reference:read',
    'requests:read',
    'incidents:read',
    'hrc:read',
    'hrc:manage',
    'hrc:threats',
    'hrc:dispatches',
    'overview:read',
    'assignments:read',
  ],
  island: [
    'reference:read',
    'requests:read',
    'requests:create',
    'incidents:read',
    'incidents:propose',
    'assignments:read',
    'assignments:decide',
    'hrc:dispatches',
  ],
  functionary: ['reference:read', 'incidents:read', 'profile:own', 'assignments:read'],
  observer: [
    'reference:read',
    'requests:read',
    'incidents:read',
    'hrc:read',
    'hrc:dispatches',
    'overview:read',
    'assignments:read',
  ],
}

/** May the actor do this at all, and (when a record is given) to this record? */
export function can(actor: Actor, action: Action, record?: Scoped): boolean {
  if (!grants[actor.role].includes(action)) return false
  if (!record) return true
  return inScope(actor, record)
}

/** Island users see only their own island; functionaries only what is theirs. Others see all. */
export function inScope(actor: Actor, record: Scoped): boolean {
  if (actor.role === 'island') return record.island != null && record.island === actor.island
  if (actor.role === 'functionary')
    return record.functionaryId != null && record.functionaryId === actor.functionaryId
  return true
}

export interface NavItem {
  href: string
  label: string // a key of the string tables in views/i18n
}

const home: NavItem = { href: '/', label: 'nav.home' }
const requests: NavItem = { href: '/requests', label: 'nav.requests' }
const newRequest: NavItem = { href: '/requests/new', label: 'nav.newRequest' }
const incidents: NavItem = { href: '/incidents', label: 'nav.incidents' }
const reference: NavItem = { href: '/reference', label: 'nav.reference' }
/** Every signed-in role keeps its own account: name, language, password, sessions. */
const account: NavItem = { href: '/account', label: 'nav.account' }
const hrcBoard: NavItem = { href: '/hrc', label: 'nav.hrc' }

const nav: Record<Role, readonly NavItem[]> = {
  island: [
    home,
    requests,
    newRequest,
    { href: '/offers', label: 'nav.offers' },
    { href: '/hrc/dispatches', label: 'nav.hrcIsland' },
    incidents,
    reference,
    account,
  ],
  coordinator: [
    home,
    requests,
    newRequest,
    { href: '/plan', label: 'nav.plan' },
    { href: '/assignments', label: 'nav.assignments' },
    incidents,
    { href: '/pool', label: 'nav.pool' },
    { href: '/pool/availability', label: 'nav.availability' },
    hrcBoard,
    reference,
    account,
  ],
  dispatcher: [
    home,
    requests,
    hrcBoard,
    { href: '/hrc/units', label: 'nav.hrcUnits' },
    { href: '/hrc/threats', label: 'nav.hrcThreats' },
    { href: '/hrc/dispatches', label: 'nav.hrcDispatches' },
    incidents,
    reference,
    account,
  ],
  functionary: [
    home,
    { href: '/me', label: 'nav.profile' },
    { href: '/me/availability', label: 'nav.myAvailability' },
    { href: '/me/alerts', label: 'nav.myAlerts' },
    account,
  ],
  observer: [home, requests, hrcBoard, incidents, reference, account],
  admin: [
    home,
    { href: '/admin/users', label: 'nav.users' },
    { href: '/admin/outbox', label: 'nav.outbox' },
    incidents,
    reference,
    account,
  ],
}

/** The navigation a role gets. Later features add their pages here, next to the grants that guard them. */
export function navigation(role: Role): readonly NavItem[] {
  return nav[role]
}
