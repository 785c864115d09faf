/**
 * Travel documents and medical fitness that have lapsed. They are flagged wherever the person is
 * shown and warned of when entered; matching already excludes such a person from any
 * need whose period outlasts the document (pool/matching).
 */
import { msg } from '../shared/message.ts'
import type { FunctionaryFields } from './input.ts'
import type { DocumentKind, FunctionaryMessage } from './messages.ts'

const DOCUMENTS: readonly [DocumentKind, 'travelDocumentExpiry' | 'medicalFitnessExpiry'][] = [
  ['travelDocument', 'travelDocumentExpiry'],
  ['medicalFitness', 'medicalFitnessExpiry'],
]

/** The documents that expired before `today` (an ISO date on the islands' clock), each as a message: "Travel document expired 30 Jun 2025". */
export function expiredDocuments(
  person: Partial<Pick<FunctionaryFields, 'travelDocumentExpiry' | 'medicalFitnessExpiry'>>,
  today: string,
): FunctionaryMessage[] {
  return DOCUMENTS.flatMap(([document, field]) => {
    const date = person[field]
    return date && /^\d{4}-\d{2}-\d{2}$/.test(date) && date < today
      ? [msg('functionaries.document.expired', { document, date })]
      : []
  })
}
