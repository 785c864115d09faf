/** Availability alerts: asking pool members for one need (and reminding them), and their answers. */
export * from './answers.ts'
export * from './messages.ts'
export * from './rules.ts'
