/**
 * Seeds an empty database: reference data always, demo data unless told not to. Idempotent: it
 * does nothing when the islands are already there. Inserts are chunked to stay under D1's limit of
 * 100 bound parameters per statement, so the same seed runs on libSQL and D1.
 */
import { count, getTableColumns } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { ISLAND_CODES, ISLANDS, LANGUAGES, ROLE_CATALOGUE, TRAVEL_TIMES } from '../../pool/reference/index.ts'
import {
  functionaries,
  functionaryLanguages,
  functionaryRoles,
  hrcUnits,
  islands,
  languages,
  roles,
  travelTimes,
  users,
} from '../schema/index.ts'
import type { Db, Stmt } from '../types.ts'
import { DEMO_ACCOUNTS, DEMO_HRC_UNITS, demoFunctionaries } from './demo.ts'

function inserts<T extends object>(db: Db, table: SQLiteTable, rows: T[]): Stmt[] {
  if (rows.length === 0) return []
  // Every column of the table can become a bound parameter (drizzle binds defaults it fills in).
  const perRow = Object.keys(getTableColumns(table)).length
  const size = Math.max(1, Math.floor(100 / perRow))
  const out: Stmt[] = []
  for (let i = 0; i < rows.length; i += size)
    out.push(db.insert(table).values(rows.slice(i, i + size)) as Stmt)
  return out
}

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(islands)
  return (row?.n ?? 0) > 0
}

/** `demoPasswordHash`: one hash of "demo" for all demo accounts (demo data only; real accounts get their own salt). */
export async function seed(db: Db, opts: { demo: boolean; demoPasswordHash?: string; now: number }) {
  if (await isSeeded(db)) return false
  const stmts: Stmt[] = [
    ...inserts(db, islands, [...ISLANDS]),
    ...inserts(db, roles, [...ROLE_CATALOGUE]),
    ...inserts(db, languages, LANGUAGES),
    ...inserts(db, travelTimes, TRAVEL_TIMES),
  ]
  if (opts.demo) {
    const pool = demoFunctionaries()
    stmts.push(
      ...inserts(
        db,
        functionaries,
        pool.map(({ roles: _r, languages: _l, ...f }) => ({ ...f, createdAt: opts.now })),
      ),
      ...inserts(
        db,
        functionaryRoles,
        pool.flatMap((f) => f.roles.map((r) => ({ functionaryId: f.id, ...r }))),
      ),
      ...inserts(
        db,
        functionaryLanguages,
        pool.flatMap((f) => f.languages.map((l) => ({ functionaryId: f.id, ...l }))),
      ),
      ...inserts(
        db,
        hrcUnits,
        DEMO_HRC_UNITS.map((u) => ({
          ...u,
          id: `demo-${u.code.toLowerCase()}`,
          base: 'NL',
          location: 'NL',
          islands: [...ISLAND_CODES],
        })),
      ),
      ...inserts(db, users, [
        ...DEMO_ACCOUNTS.map((a, i) => ({
          id: `demo-u${String(i + 1).padStart(2, '0')}`,
          ...a,
          functionaryId: null as string | null,
          phone: '',
          passwordHash: opts.demoPasswordHash ?? null,
          createdAt: opts.now,
        })),
        ...pool.slice(0, 5).map((f, i) => ({
          id: `demo-fu${i + 1}`,
          email: f.email,
          name: f.name,
          role: 'functionary' as const,
          island: null,
          organisation: f.organisation,
          functionaryId: f.id as string | null,
          phone: f.phone,
          passwordHash: opts.demoPasswordHash ?? null,
          createdAt: opts.now,
        })),
      ]),
    )
  }
  await db.batch(stmts as [Stmt, ...Stmt[]])
  return true
}
