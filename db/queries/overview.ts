/** Small figures for the overview page, each only for the roles that may see it, read together (db/read.ts). */
import { asc, count, eq } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { Actor } from '../../pool/shared/index.ts'
import { none, type Read, read } from '../read.ts'
import { functionaries, hrcUnits } from '../schema/index.ts'
import type { Db } from '../types.ts'

export function hrcUnitsFor(db: Db, actor: Actor) {
  if (!can(actor, 'hrc:read')) return none(null)
  return read(db.select().from(hrcUnits).orderBy(asc(hrcUnits.code)))
}

export function poolSizeFor(db: Db, actor: Actor): Read<number | null> {
  if (!can(actor, 'pool:read')) return none(null)
  return read(
    db.select({ n: count() }).from(functionaries).where(eq(functionaries.active, true)),
    ([row]) => row?.n ?? 0,
  )
}
