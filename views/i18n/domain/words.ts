/** Dutch for the codes and phrases that pool/ puts inside its sentences, and the shape of a translation rule. */
import { alerts as alertsNl } from '../nl/alerts.ts'
import { requests as requestsNl } from '../nl/requests.ts'

/**
 * A parameterised message: the English pattern, and the Dutch built from its captures. The
 * builder returns null when a capture is a phrase it does not know, so that the sentence stays
 * English as a whole rather than coming out half in each language.
 */
export type Rule = readonly [RegExp, (...captures: string[]) => string | null]

export interface Table {
  exact: Readonly<Record<string, string>>
  rules: readonly Rule[]
}

/** A template whose every part must be known: one unknown phrase leaves the whole sentence English. */
export function phrase(
  strings: TemplateStringsArray,
  ...parts: (string | null | undefined)[]
): string | null {
  if (parts.some((p) => p == null)) return null
  return strings.reduce((out, s, i) => out + s + (i < parts.length ? parts[i] : ''), '')
}

/** 2,000 → 2.000: pool/ writes thousands the English way. */
export const num = (n: string) => n.replace(/,/g, '.')

export function levelNl(code: string): string | null {
  return (requestsNl[`level.${code}` as keyof typeof requestsNl] as string) ?? null
}

/** Where a request is, after "Dit verzoek is …". */
export const STATE: Readonly<Record<string, string>> = {
  'still a draft': 'nog een concept',
  submitted: 'ingediend',
  acknowledged: 'in behandeling genomen',
  'in progress': 'in uitvoering',
  closed: 'afgesloten',
  rejected: 'afgewezen',
  withdrawn: 'ingetrokken',
}

/** A status code (`in_progress`) where a sentence says where a request is. */
export const stateOfCode = (code: string): string | undefined =>
  STATE[code === 'draft' ? 'still a draft' : code.replace('_', ' ')]

/** What cannot become of it, after "kan niet …". */
export const DONE: Readonly<Record<string, string>> = {
  'made a draft again': 'worden teruggezet naar concept',
  submitted: 'worden ingediend',
  acknowledged: 'in behandeling worden genomen',
  'marked in progress': 'in uitvoering worden gezet',
  closed: 'worden afgesloten',
  rejected: 'worden afgewezen',
  withdrawn: 'worden ingetrokken',
}

/** The act, after "Alleen … kan …". */
export const ACT: Readonly<Record<string, string>> = {
  'make it a draft again': 'het terugzetten naar concept',
  'submit this request': 'dit verzoek indienen',
  'acknowledge this request': 'dit verzoek in behandeling nemen',
  'mark this request in progress': 'dit verzoek in uitvoering zetten',
  'close this request': 'dit verzoek afsluiten',
  'reject this request': 'dit verzoek afwijzen',
  'withdraw this request': 'dit verzoek intrekken',
}

export const WHO: Readonly<Record<string, string>> = {
  'the island that asked': 'het eiland dat om bijstand vroeg',
  'an LOCC-KCR2 coordinator': 'een coördinator van LOCC-KCR2',
  "a coordinator (for a request filed on the island's behalf)":
    'een coördinator (bij een verzoek dat namens het eiland is gedaan)',
}

/** "a or b" where each part is a phrase of `words`; null when one is unknown. */
export function either(list: string, words: Readonly<Record<string, string>>): string | null {
  const parts = list.split(' or ').map((p) => words[p])
  return parts.every(Boolean) ? parts.join(' of ') : null
}

/** A field of a pool member, as in "Alleen een coördinator wijzigt …". */
export const MEMBER_FIELD: Readonly<Record<string, string>> = {
  name: 'de naam',
  email: 'het e-mailadres',
  phone: 'het telefoonnummer',
  base: 'de standplaats',
  organisation: 'de organisatie',
  roles: 'de rollen',
  languages: 'de talen',
  remoteCapable: 'de steun op afstand',
  travelDocumentExpiry: 'de geldigheid van het reisdocument',
  medicalFitnessExpiry: 'de geldigheid van de medische keuring',
  notes: 'de notities',
}

/** The answer of an alert, as the answer page says it. */
export const ANSWER: Readonly<Record<string, string>> = {
  available: alertsNl['alert.available'] as string,
  'not available': alertsNl['alert.unavailable'] as string,
}
