/**
 * What server/ itself says to a reader, as codes: refusals of the edge (sign-in, cross-origin,
 * one-time keys, rate limits, bodies) and the plain HTTP errors (`http.<status>`). The catalogues
 * render them like pool/'s messages (views/i18n/<lang>/messages/app.ts); the JSON API in English.
 */
import type { LimitName } from '../pool/access/index.ts'
import type { Msg } from '../pool/shared/index.ts'

/** The statuses the app answers with; each has a code `http.<status>` and a sentence in every catalogue. */
export const HTTP_STATUSES = [400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 429, 500, 503] as const
export type HttpStatus = (typeof HTTP_STATUSES)[number]

export const isHttpStatus = (n: number): n is HttpStatus => (HTTP_STATUSES as readonly number[]).includes(n)

export type AppMessage =
  | Msg<`http.${HttpStatus}`>
  | Msg<'app.signIn'>
  | Msg<'app.crossOrigin'>
  | Msg<'app.key.malformed'>
  | Msg<'app.key.reused'>
  | Msg<'app.key.pending'>
  | Msg<'app.body.json'>
  | Msg<'app.limited', { limit: LimitName; minutes: number }>
  | Msg<'app.profile.notLinked'>
  | Msg<'app.password.invalid'>
  | Msg<'app.password.short', { min: number }>
