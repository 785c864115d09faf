/** Availability alerts: asking pool members for one need, and their answers. */
export * from './messages.ts'
export * from './rules.ts'
