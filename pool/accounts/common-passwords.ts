/**
 * Common passwords that a new password may not be (password.ts also tries it without trailing
 * digits and symbols, and a repeated word once): the first 10,000 entries of the ranked list of the
 * `@zxcvbn-ts/language-common` package (drawn from the Xato 10-million-password corpus) and every
 * entry of 12 characters or more, lower-cased. A dependency, so the check needs no network.
 */
import ranked from '@zxcvbn-ts/language-common/src/passwords.json' with { type: 'json' }

const TOP = 10_000
const MIN_LENGTH = 12

/** Newline-separated, as the tests and password.ts read it. */
export const COMMON_PASSWORDS: string = [
  ...new Set(
    (ranked as string[]).filter((p, i) => i < TOP || p.length >= MIN_LENGTH).map((p) => p.toLowerCase()),
  ),
].join('\n')
