/** Strings of the availability pages, English and Dutch side by side; tsc checks both are complete. */

export const availabilityEn = {
  'nav.availability': 'Who is free',
  'nav.myAvailability': 'My availability',
} as const

export type AvailabilityKey = keyof typeof availabilityEn

export const availabilityNl: Record<AvailabilityKey, string> = {
  'nav.availability': 'Wie is vrij',
  'nav.myAvailability': 'Mijn beschikbaarheid',
}
