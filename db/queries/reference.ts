/** Read-only reference data: islands, crisis roles, languages, travel times. */
import { asc } from 'drizzle-orm'
import { islands, languages, roles, travelTimes } from '../schema/index.ts'
import type { Db } from '../types.ts'

export const listIslands = (db: Db) => db.select().from(islands).orderBy(asc(islands.sort))
export const listRoles = (db: Db) => db.select().from(roles).orderBy(asc(roles.sort))
export const listLanguages = (db: Db) => db.select().from(languages).orderBy(asc(languages.code))
export const listTravelTimes = (db: Db) =>
  db.select().from(travelTimes).orderBy(asc(travelTimes.fromCode), asc(travelTimes.toCode))
