/** The reference codes and facts: every code of the system is declared once, here. */
export * from './codes.ts'
export * from './islands.ts'
export * from './languages.ts'
export * from './roles.ts'
export * from './travel.ts'
