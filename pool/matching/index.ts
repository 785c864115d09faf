/** Matching: who may serve a functionary need (hard rules, each with its reason) and how well (an explained score). */
export * from './eligibility.ts'
export * from './messages.ts'
export * from './rank.ts'
export * from './score.ts'
export * from './types.ts'
export * as WEIGHTS from './weights.ts'
