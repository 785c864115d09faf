/** A list of values bound one by one, for `in (…)` in hand-written SQL (drizzle's `inArray` where a column is at hand). */
import { type SQL, sql } from 'drizzle-orm'

export const valuesList = (xs: readonly string[]): SQL =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )
