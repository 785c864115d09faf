/** English messages, mails and history lines of accounts (pool/accounts/messages.ts): the reference every other language follows. */
import type { AccountAuditAction, AccountsMail, AccountsMessage } from '../../../../pool/accounts/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue, MailCatalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { app } from '../app.ts'

const role = (code: unknown) => app[`role.${code}` as keyof typeof app] ?? String(code)
const LINK = { set_password: 'set-password link', invitation: 'invitation', reset: 'reset link' } as const

const LIFE = { set_password: '72 hours', invitation: '7 days', reset: 'one hour' } as const

export const accountsMessages: Catalogue<AccountsMessage> = {
  'accounts.name.required': 'Enter the name.',
  'accounts.name.tooLong': 'Keep the name to {max} characters.',
  'accounts.email.invalid': 'Enter an e-mail address such as name@example.org.',
  'accounts.email.taken': 'Another account already has this e-mail address.',
  'accounts.role.unknown': 'Choose a role.',
  'accounts.island.required': 'Choose the island this crisis team acts for.',
  'accounts.island.forbidden': 'Only island crisis teams have an island: leave it empty.',
  'accounts.island.unknown': 'Choose one of the six islands.',
  'accounts.functionary.required': 'Give the pool member this account belongs to.',
  'accounts.functionary.forbidden': 'Only pool members are linked to the pool: leave it empty.',
  'accounts.functionary.unknown': 'There is no pool member with this ID.',
  'accounts.functionary.taken': 'This pool member already has an account.',
  'accounts.functionary.inactive': 'This pool member is deactivated: reactivate them first.',
  'accounts.locale.unknown': 'Choose English, Nederlands or Papiamentu.',
  'accounts.active.invalid': 'Answer true or false.',
  'accounts.password.short': 'Use at least {min} characters.',
  'accounts.password.long': 'Keep the password to {max} characters.',
  'accounts.password.common': 'This password is one of the most used ones: choose another.',
  'accounts.password.personal': 'The password is your own name or e-mail address: choose another.',
  'accounts.password.wrong': 'The current password is not right.',
  'accounts.user.notFound': 'There is no such user.',
  'accounts.user.changed': 'Someone changed this account in the meantime.',
  'accounts.forbidden': 'Only administrators manage accounts.',
  'accounts.invite.forbidden': 'Only coordinators and administrators invite pool members.',
  'accounts.self.locked':
    'You cannot change your own role or deactivate yourself: ask another administrator.',
  'accounts.session.notFound': 'This session has already ended.',
  'accounts.link.invalid': 'This link does not work.',
  'accounts.link.expired': (p) =>
    `This ${LINK[p.purpose]} worked for ${LIFE[p.purpose]}. Ask for a new link below: it comes by e-mail.`,
  'accounts.link.used': (p) =>
    `This ${LINK[p.purpose]} works only once. If you chose your password with it, sign in; if not, ask for a new link below.`,
}

export const accountsMails: MailCatalogue<AccountsMail> = {
  'accounts.mail.invitation': (p) => ({
    subject: 'Your CCPM account: choose a password',
    text: [
      `Hello ${p.name},`,
      '',
      `${p.inviter} has made you an account in CCPM, the request and pool system of the Caribbean Civil Protection Mechanism, as ${role(p.role)}.`,
      '',
      `Choose your password within ${p.days} days at:`,
      p.link,
      '',
      `You sign in with this e-mail address: ${p.email}`,
      `The link works once. If it has expired, ask for a new one at ${p.resetUrl}`,
    ].join('\n'),
  }),
  'accounts.mail.reset': (p) => ({
    subject: 'CCPM: choose a new password',
    text: [
      `Hello ${p.name},`,
      '',
      `Someone asked for a new password for the CCPM account ${p.email}. Choose one within ${p.minutes} minutes at:`,
      p.link,
      '',
      'If it was not you, ignore this mail: your password stays as it is.',
      `The link works once. A new one: ${p.resetUrl}`,
    ].join('\n'),
  }),
}

/** "island Saba → none, role Island crisis team → Observer": what an event changed, field by field. */
function changes(p: AuditParams, f: Fmt): string {
  const show = (k: string, v: unknown) =>
    v == null || v === ''
      ? 'none'
      : k === 'role'
        ? role(v)
        : k === 'island'
          ? f.name('island', String(v))
          : k === 'active'
            ? v
              ? 'active'
              : 'deactivated'
            : String(v)
  const label: Record<string, string> = { email: 'e-mail', functionaryId: 'pool member', locale: 'language' }
  return Object.keys(p.after ?? {})
    .map((k) => `${label[k] ?? k} ${show(k, p.before?.[k])} → ${show(k, p.after?.[k])}`)
    .join(', ')
}

export const accountsAudit: AuditCatalogue<AccountAuditAction> = {
  'audit.user.created': (p) => `${p.actor} made the account and sent the invitation`,
  'audit.user.edited': (p, f) => `${p.actor} changed ${changes(p, f)}`,
  'audit.user.role_changed': (p, f) => `${p.actor} changed ${changes(p, f)}; the sessions ended`,
  'audit.user.deactivated': (p) => `${p.actor} deactivated the account; the sessions ended`,
  'audit.user.reactivated': (p) => `${p.actor} reactivated the account`,
  'audit.user.invitation_sent': (p) => `${p.actor} sent a new invitation`,
  'audit.user.reset_requested': (p) =>
    p.after?.purpose === 'set_password'
      ? `${p.actor} made a set-password link`
      : `${p.actor} asked for a new password by e-mail`,
  'audit.user.password_set': (p) => `${p.actor} set the password with a link; all sessions ended`,
  'audit.user.password_changed': (p) => `${p.actor} changed the password; other sessions ended`,
  'audit.user.profile_edited': (p, f) => `${p.actor} changed ${changes(p, f)}`,
  'audit.user.session_ended': (p) => `${p.actor} ended a session`,
}
