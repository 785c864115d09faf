/**
 * Authorization in one place: may this user do this, to this record? Decided from role and island
 * only. Island users are scoped to their own island; a record outside that scope is "not found".
 */

import type { Actor, Role, Scoped } from '../shared/actor.ts'

export type Action =
  | 'reference:read'
  | 'outbox:read'
  | 'accounts:manage'
  | 'requests:read'
  | 'requests:create'
  | 'requests:triage' // acknowledge, reject, progress, close
  | 'incidents:read'
  | 'incidents:manage'
  | 'pool:read'
  | 'pool:manage'
  | 'hrc:read'
  | 'hrc:manage'
  | 'profile:own'
  | 'overview:read'
  | 'assignments:read' // scoped: coordinators and readers all, an island its own, a functionary their own
  | 'assignments:propose' // candidates, proposals and plans (the steps' takers: pool/assignments/steps.ts)
  | 'assignments:decide' // the island's offers page

const grants: Record<Role, readonly Action[]> = {
  admin: ['reference:read', 'incidents:read', 'outbox:read', 'accounts:manage', 'overview:read'],
  coordinator: [
    'reference:read',
    'requests:read',
    'requests:create',
    'requests:triage',
    'incidents:read',
    'incidents:manage',
    'pool:read',
    'pool:manage',
    'hrc:read',
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
    'overview:read',
    'assignments:read',
  ],
  island: [
    'reference:read',
    'requests:read',
    'requests:create',
    'incidents:read',
    'assignments:read',
    'assignments:decide',
  ],
  functionary: ['reference:read', 'incidents:read', 'profile:own', 'assignments:read'],
  observer: [
    'reference:read',
    'requests:read',
    'incidents:read',
    'hrc:read',
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

const nav: Record<Role, readonly NavItem[]> = {
  island: [home, requests, newRequest, { href: '/offers', label: 'nav.offers' }, incidents, reference],
  coordinator: [
    home,
    requests,
    newRequest,
    { href: '/plan', label: 'nav.plan' },
    { href: '/assignments', label: 'nav.assignments' },
    incidents,
    { href: '/pool', label: 'nav.pool' },
    { href: '/pool/availability', label: 'nav.availability' },
    reference,
  ],
  dispatcher: [home, requests, incidents, reference],
  functionary: [
    home,
    { href: '/me', label: 'nav.profile' },
    { href: '/me/availability', label: 'nav.myAvailability' },
    { href: '/me/alerts', label: 'nav.myAlerts' },
  ],
  observer: [home, requests, incidents, reference],
  admin: [home, { href: '/admin/outbox', label: 'nav.outbox' }, incidents, reference],
}

/** The navigation a role gets. Later features add their pages here, next to the grants that guard them. */
export function navigation(role: Role): readonly NavItem[] {
  return nav[role]
}
