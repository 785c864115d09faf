/**
 * Single-use links that set a password: an invitation (7 days), a reset (1 hour) or the admin
 * CLI's link (72 hours). The link is `/password/<id>.<secret>`: the id finds the row, the secret
 * (32 symbols of 5 bits: 160 bits) is stored only as its SHA-256. A used link is kept, marked used,
 * so that its page can say so; making a new link for an account marks its older ones used.
 */
import type { TokenPurpose } from '../reference/index.ts'

const HOUR = 3_600_000
export const LINK_TTL: Readonly<Record<TokenPurpose, number>> = {
  set_password: 72 * HOUR,
  invitation: 7 * 24 * HOUR,
  reset: 1 * HOUR,
}
/** Symbols of the secret part (randomToken: 5 bits each): 160 bits, above the 128 required. */
export const LINK_SECRET_LENGTH = 32

/** A link as the service makes it: the row's id, the hash to store, the URL to mail. */
export interface LinkGrant {
  id: string
  secretHash: string
  url: string
}

export interface TokenRow {
  id: string
  secretHash: string
  userId: string
  purpose: TokenPurpose
  expiresAt: number
  createdAt: number
}

export const linkPath = (id: string, secret: string) => `/password/${id}.${secret}`

export type LinkState = 'valid' | 'expired' | 'used'

export function linkState(token: { expiresAt: number; usedAt: number | null }, now: number): LinkState {
  if (token.usedAt != null) return 'used'
  return token.expiresAt > now ? 'valid' : 'expired'
}

export function tokenRow(link: LinkGrant, userId: string, purpose: TokenPurpose, now: number): TokenRow {
  return {
    id: link.id,
    secretHash: link.secretHash,
    userId,
    purpose,
    expiresAt: now + LINK_TTL[purpose],
    createdAt: now,
  }
}
