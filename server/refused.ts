/** A refusal as an HTTP error: the status and the message code, said in the reader's language on pages. */
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Msg } from '../pool/shared/index.ts'

/**
 * Thrown by routes and middleware; server/errors.tsx renders it: the page in the reader's
 * language, the JSON API in English with the code.
 */
export class Refused extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly said: Msg,
  ) {
    super(status, { message: said.code })
  }
}
