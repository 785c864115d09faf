/** English for what server/ says itself (server/messages.ts): plain HTTP errors and refusals at the edge. */
import type { AppMessage } from '../../../../server/messages.ts'
import type { AuditCatalogue, Catalogue } from '../../catalogue.ts'

export const appMessages: Catalogue<AppMessage> = {
  'http.400': 'The request was not understood.',
  'http.401': 'Please sign in.',
  'http.403': 'This action is not allowed for your account.',
  'http.404': 'There is nothing here. It may have been moved, or you may not have access to it.',
  'http.405': 'This address does not take that kind of request.',
  'http.409': 'Someone changed this in the meantime.',
  'http.410': 'This is no longer available.',
  'http.413': 'What was sent is too large.',
  'http.415': 'What was sent is not in a form this address reads.',
  'http.422': 'Some fields need attention.',
  'http.429': 'Too many requests. Wait a moment and try again.',
  'http.500': 'The system could not finish this. Nothing was lost; try again in a moment.',
  'http.503': 'The system is not available just now. Try again in a moment.',
  'app.signIn': 'Sign in first.',
  'app.crossOrigin': 'A request from another website was refused.',
  'app.key.malformed': 'The one-time key is malformed.',
  'app.key.reused': 'This one-time key was already used for a different request.',
  'app.key.pending':
    'This was already received and is being handled, or was interrupted. Check the current state before sending it again.',
  'app.body.json': 'The body must be a JSON object.',
  'app.limited': (p) =>
    p.limit === 'loginPerAccount' || p.limit === 'loginPerAddress'
      ? `Too many sign-in attempts. Wait ${p.minutes} minutes and try again.`
      : p.limit === 'mailingChangesPerUser'
        ? 'Too many changes; wait a few minutes.'
        : p.limit === 'alertRoundsPerUser'
          ? 'Too many alert rounds; wait a few minutes.'
          : 'Too many requests. Wait a moment and try again.',
  'app.profile.notLinked': 'Your account is not linked to a pool member. Ask LOCC-KCR2.',
  'app.password.invalid': 'This link is no longer valid. Ask an administrator for a new one.',
  'app.password.short': 'Use at least {min} characters.',
}

/** A history line whose action no catalogue knows yet: still a sentence, never the raw key. */
export const auditOther: AuditCatalogue<'other'> = {
  'audit.other': (p) => `${p.actor} changed this record`,
}
