/** Configuration, parsed once from the environment into a typed object (both entries use this). */
import { ITERATIONS } from './auth/password.ts'

export interface Config {
  port: number
  databaseUrl: string
  smtpUrl: string | null
  baseUrl: string
  production: boolean
  /** Secure cookies when the public address is https. */
  secureCookies: boolean
  /** Mail sender address. */
  mailFrom: string
  /** How many proxies stand in front (X-Forwarded-For is read only then); 0: the socket address. */
  trustProxy: number
  /** How long a one-time key's claim may stay unfinished before a retry may take it over. */
  keyLeaseMs: number
  /** Pause between two passes of the Node delivery loop (tests shorten it; not from the environment). */
  deliveryIntervalMs: number
  /** How often an open answers board asks for news, in seconds (tests shorten it). */
  pollSeconds: number
  /** Keep rendered pages while nothing they show changed (server/middleware/page-cache.ts); `PAGE_CACHE=off` stops it. */
  pageCache: boolean
  /** PBKDF2 work of the demo seed and of the stand-in hash for unknown accounts (tests lower it). */
  passwordIterations: number
}

function count(env: Record<string, string | undefined>, name: string, fallback: number, max: number) {
  const raw = env[name]
  if (raw == null || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new Error(`${name} must be a whole number 0–${max}, not ${raw}`)
  return n
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const port = count(env, 'PORT', 3000, 65535)
  const production = env.NODE_ENV === 'production'
  if (production && !env.BASE_URL)
    throw new Error('BASE_URL must be set in production (links in mails and origin checks use it)')
  const baseUrl = (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, '')
  if (!/^https?:\/\//.test(baseUrl))
    throw new Error(`BASE_URL must start with http:// or https://, not ${baseUrl}`)
  return {
    port,
    databaseUrl: env.DATABASE_URL ?? 'file:data/ccpm.db',
    smtpUrl: env.SMTP_URL || null,
    baseUrl,
    production,
    secureCookies: baseUrl.startsWith('https://'),
    mailFrom: env.MAIL_FROM ?? 'CCPM <noreply@ccpm.invalid>',
    trustProxy: count(env, 'TRUST_PROXY', 0, 10),
    keyLeaseMs: count(env, 'KEY_LEASE_MS', 10_000, 3_600_000),
    deliveryIntervalMs: 5000,
    pollSeconds: 20,
    pageCache: env.PAGE_CACHE !== 'off',
    passwordIterations: ITERATIONS,
  }
}
