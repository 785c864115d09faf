/** The mails of accounts, decided here (who, which language, which message) and worded by views/i18n. */
import { msg } from '../shared/index.ts'
import type { UserFields } from './input.ts'
import { LINK_TTL } from './links.ts'
import type { AccountMail } from './messages.ts'

type Recipient = Pick<UserFields, 'name' | 'email' | 'role' | 'locale'>

/** "Set your password within 7 days": the invitation a new account gets, in its own language. */
export function invitationMail(user: Recipient, inviter: string, url: string, baseUrl: string): AccountMail {
  return {
    to: user.email,
    locale: user.locale,
    message: msg('accounts.mail.invitation', {
      name: user.name,
      inviter,
      role: user.role,
      email: user.email,
      link: url,
      days: LINK_TTL.invitation / 86_400_000,
      resetUrl: `${baseUrl}/password-reset`,
    }),
  }
}

/** "Here is a link to choose a new password, for one hour": the answer to a reset request. */
export function resetMail(user: Recipient, url: string, baseUrl: string): AccountMail {
  return {
    to: user.email,
    locale: user.locale,
    message: msg('accounts.mail.reset', {
      name: user.name,
      email: user.email,
      link: url,
      minutes: LINK_TTL.reset / 60_000,
      resetUrl: `${baseUrl}/password-reset`,
    }),
  }
}
