/** Availability alerts: asking pool members for one need, and their answers. */
export * from './rules.ts'
