/** What every capability shares: the actor, refusals, messages (and those of reading fields), audit events, mails, ids, field reading. */
export * from './actor.ts'
export * from './audit.ts'
export * from './fields.ts'
export * from './ids.ts'
export * from './mail.ts'
export * from './message.ts'
export * from './messages.ts'
export * from './refusal.ts'
