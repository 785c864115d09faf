/** Availability: unavailability periods, who is free when, and the weekly grid. */
export * from './periods.ts'
