/** Every table, for drizzle-kit and for the typed database handle. */
export * from './accounts.ts'
export * from './audit.ts'
export * from './hrc.ts'
export * from './idempotency.ts'
export * from './outbox.ts'
export * from './pool.ts'
export * from './reference.ts'
export * from './requests.ts'
