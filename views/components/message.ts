/** Saying a message of pool/ on a page, in the reader's language. */
import type { Message } from '../../pool/shared/index.ts'
import type { ViewCtx } from '../context.ts'
import { localise } from '../i18n/domain.ts'

/** A `{code, params}` message through the catalogue; a legacy English sentence through `localise`. */
export function say(ctx: Pick<ViewCtx, 'm' | 'locale'>, message: Message): string {
  return typeof message === 'string' ? localise(ctx.locale, message) : ctx.m(message)
}
