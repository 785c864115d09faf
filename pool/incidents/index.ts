/** Incidents: the crisis events requests belong to. */
export * from './mails.ts'
export * from './messages.ts'
export * from './proposals.ts'
export * from './rules.ts'
