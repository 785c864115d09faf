/** The languages the pool records, with the English name the JSON API carries; readers see `language.*` names. */
import { LANGUAGE_CODES, type LanguageCode } from './codes.ts'

const ENGLISH: Record<LanguageCode, string> = {
  en: 'English',
  nl: 'Dutch',
  pap: 'Papiamento / Papiamentu',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
}

export const LANGUAGES = LANGUAGE_CODES.map((code) => ({ code, name: ENGLISH[code] }))
