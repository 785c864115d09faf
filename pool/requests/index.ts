/** Requests for assistance: their shapes, input rules, lifecycle, edits and the mails they send. */
export * from './edits.ts'
export * from './input.ts'
export * from './machine.ts'
export * from './mails.ts'
export * from './messages.ts'
export * from './timeline.ts'
export * from './types.ts'
