/** Accounts: their input rules, the password policy, single-use links, and the decisions on accounts. */
export * from './decisions.ts'
export * from './device.ts'
export * from './input.ts'
export * from './links.ts'
export * from './mails.ts'
export * from './messages.ts'
export * from './password.ts'
