/** The string tables and `translator`: one place per language and domain, English as the reference. */

import { type AlertsKey, alertsEn, alertsNl } from './alerts.ts'
import { type AvailabilityKey, availabilityEn, availabilityNl } from './availability.ts'
import { type MessageKey as BaseKey, en } from './en.ts'
import { nl } from './nl.ts'
import { type RegisterKey, registerEn, registerNl } from './register.ts'
import { type RequestsKey, requestsEn, requestsNl } from './requests.ts'

export type MessageKey = BaseKey | RequestsKey | RegisterKey | AvailabilityKey | AlertsKey
export const LOCALES = { en: 'English', nl: 'Nederlands' } as const
export type Locale = keyof typeof LOCALES

const tables: Record<Locale, Record<MessageKey, string>> = {
  en: { ...en, ...requestsEn, ...registerEn, ...availabilityEn, ...alertsEn },
  nl: { ...nl, ...requestsNl, ...registerNl, ...availabilityNl, ...alertsNl },
}

export type T = (key: MessageKey, params?: Record<string, string | number>) => string

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && value in LOCALES
}

export function translator(locale: Locale): T {
  const table = tables[locale]
  return (key, params) => {
    const text = table[key] ?? key
    return params
      ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
      : text
  }
}
