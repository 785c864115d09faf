/** Incidents: the crisis events requests belong to. */
export * from './messages.ts'
export * from './rules.ts'
