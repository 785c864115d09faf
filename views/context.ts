/** What every view may know about the request: who, which language, where the static files are. */
import type { Role } from '../pool/policy.ts'
import type { Locale, T } from './i18n/index.ts'

export interface ViewUser {
  name: string
  email: string
  role: Role
  island: string | null
}

export interface Assets {
  css: string
  htmx: string
}

export interface ViewCtx {
  t: T
  locale: Locale
  user: ViewUser | null
  assets: Assets
  path: string
  now: number
  /** A fresh one-time key for the forms on this page (see server/middleware/idempotency.ts). */
  formKey: () => string
}
