/** Reading a request body once, for every middleware and route: a malformed form is a 400, never a 500. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'

export const isForm = (c: Context) =>
  /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header('content-type') ?? '')

/** The posted form, repeated fields as lists (parsed once; Hono caches it for the route's own reads). */
export async function formBody(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await c.req.parseBody({ all: true })
  } catch {
    throw new HTTPException(400, { message: 'The form could not be read (malformed body).' })
  }
}
