/** Strings of the alerts pages, English and Dutch side by side; tsc checks both are complete. */

export const alertsEn = {
  'nav.myAlerts': 'My alerts',
} as const

export type AlertsKey = keyof typeof alertsEn

export const alertsNl: Record<AlertsKey, string> = {
  'nav.myAlerts': 'Mijn alarmeringen',
}
