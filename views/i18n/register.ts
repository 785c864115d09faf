/** Strings of the register pages, English and Dutch side by side; tsc checks both are complete. */

export const registerEn = {
  'nav.pool': 'Pool',
  'nav.profile': 'My profile',
} as const

export type RegisterKey = keyof typeof registerEn

export const registerNl: Record<RegisterKey, string> = {
  'nav.pool': 'Pool',
  'nav.profile': 'Mijn profiel',
}
