/** Incidents: the crisis events requests belong to. */
export * from './rules.ts'
