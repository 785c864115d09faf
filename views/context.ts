/** What every view may know about the request: who, which language, where the static files are. */
import type { Msg, Role } from '../pool/shared/index.ts'
import type { Fmt } from './i18n/format.ts'
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
  /** A message of pool/ ({code, params}) in the reader's language. */
  m: (message: Msg) => string
  /** The reader's formatters: dates, periods, numbers, plurals, names of codes. */
  f: Fmt
  locale: Locale
  user: ViewUser | null
  assets: Assets
  path: string
  now: number
  /** Seconds between two polls of a live fragment (the answers board). */
  pollSeconds: number
  /** A fresh one-time key for the forms on this page (see server/middleware/idempotency.ts). */
  formKey: () => string
  /** When the form that led here was first sent, if this page is the replay of a form sent again. */
  replayedAt?: number | null
}
