/** Availability: unavailability periods, who is free when, and the weekly grid. */
export * from './messages.ts'
export * from './periods.ts'
