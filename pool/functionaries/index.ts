/** The pool register: functionaries' input rules, decisions on their records, and the CSV import/export. */
export * from './csv.ts'
export * from './decisions.ts'
export * from './documents.ts'
export * from './input.ts'
export * from './messages.ts'
