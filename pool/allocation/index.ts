/** Allocation: an optimal plan of people over many needs under scarcity, beside greedy, with the shortfall and why. */
export * from './greedy.ts'
export * from './messages.ts'
export * from './optimal.ts'
export * from './pairs.ts'
export * from './plan.ts'
export * from './shortfall.ts'
export * from './types.ts'
