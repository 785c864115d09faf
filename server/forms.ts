/** Reading a posted HTML form in a route: one place, so that every page reads fields the same way. */
import type { Context } from 'hono'
import type { AppEnv } from './env.ts'

/** The posted form with repeated fields (checkboxes) kept as lists. */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true })
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string')
    else if (typeof value === 'string') out[key] = value
  }
  return out
}
