/** Access: who may do what to which record (policy), what each role's navigation holds, and rate limits. */
export * from './limits.ts'
export * from './policy.ts'
