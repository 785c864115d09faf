/**
 * The password rules, as current practice has them (NIST SP 800-63B, NCSC): at least 12
 * characters, not a common password, not the account's own name or address; no composition rules
 * (no "one digit and one symbol"), no expiry. A common password stays common with digits or
 * symbols added at the end ("password1234!") or typed twice ("monkeymonkey"), so those count too.
 */
import { msg } from '../shared/index.ts'
import { COMMON_PASSWORDS } from './common-passwords.ts'
import type { AccountsMessage } from './messages.ts'

export const PASSWORD_MIN = 12
/** Far above any passphrase; keeps the hashing cost of one request bounded. */
export const PASSWORD_MAX = 1000

let common: ReadonlySet<string> | undefined
/** Built on first use: ten thousand strings cost a millisecond or two, once per process. */
const commonSet = () => {
  common ??= new Set(COMMON_PASSWORDS.split('\n'))
  return common
}

/** The word a password repeats ("abcabcabc" → "abc"), or null when it repeats nothing. */
function repeated(text: string): string | null {
  const m = /^(.+?)\1+$/s.exec(text)
  return m ? m[1]! : null
}

/** The forms of a password that a guesser tries first: as typed (any case), without its tail of digits and symbols, de-doubled. */
export function guessableForms(password: string): string[] {
  const lower = password.toLowerCase().trim()
  const bare = lower.replace(/[\d\W_]+$/u, '')
  const forms = new Set([lower, bare])
  for (const f of [lower, bare]) {
    const unit = repeated(f)
    if (unit) forms.add(unit.trim())
  }
  forms.delete('')
  return [...forms]
}

export function isCommonPassword(password: string): boolean {
  const set = commonSet()
  if (/^(.)\1*$/su.test(password)) return true // one character over and over
  return guessableForms(password).some((f) => set.has(f))
}

/** The account's own words: its e-mail address, the part before the @, the name without spaces. */
function personalWords(context: { email?: string; name?: string }): string[] {
  const email = (context.email ?? '').toLowerCase()
  const words = [email, email.split('@')[0] ?? '', (context.name ?? '').toLowerCase().replace(/\s+/g, '')]
  return words.filter((w) => w.length >= 4)
}

/** Why this password may not be used, or null when it may. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): AccountsMessage | null {
  if ([...password].length < PASSWORD_MIN) return msg('accounts.password.short', { min: PASSWORD_MIN })
  if (password.length > PASSWORD_MAX) return msg('accounts.password.long', { max: PASSWORD_MAX })
  if (isCommonPassword(password)) return msg('accounts.password.common')
  const forms = guessableForms(password).map((f) => f.replace(/\s+/g, ''))
  if (personalWords(context).some((w) => forms.includes(w))) return msg('accounts.password.personal')
  return null
}
