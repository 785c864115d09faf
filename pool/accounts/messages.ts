/** What pool/accounts says: field errors, refusals, mails and audit actions, as codes with their values. */
import type { Role, TokenPurpose, UiLocale } from '../reference/index.ts'
import type { Msg } from '../shared/index.ts'

export type AccountsMessage =
  | Msg<'accounts.name.required'>
  | Msg<'accounts.name.tooLong', { max: number }>
  | Msg<'accounts.email.invalid'>
  | Msg<'accounts.email.taken'>
  | Msg<'accounts.role.unknown'>
  | Msg<'accounts.island.required'>
  | Msg<'accounts.island.forbidden'>
  | Msg<'accounts.island.unknown'>
  | Msg<'accounts.functionary.required'>
  | Msg<'accounts.functionary.forbidden'>
  | Msg<'accounts.functionary.unknown'>
  | Msg<'accounts.functionary.taken'>
  | Msg<'accounts.functionary.inactive'>
  | Msg<'accounts.locale.unknown'>
  | Msg<'accounts.active.invalid'>
  | Msg<'accounts.password.short', { min: number }>
  | Msg<'accounts.password.long', { max: number }>
  | Msg<'accounts.password.common'>
  | Msg<'accounts.password.personal'>
  | Msg<'accounts.password.wrong'>
  | Msg<'accounts.user.notFound'>
  | Msg<'accounts.user.changed'>
  | Msg<'accounts.forbidden'>
  | Msg<'accounts.invite.forbidden'>
  | Msg<'accounts.self.locked'>
  | Msg<'accounts.session.notFound'>
  | Msg<'accounts.link.invalid'>
  | Msg<'accounts.link.expired', { purpose: TokenPurpose }>
  | Msg<'accounts.link.used', { purpose: TokenPurpose }>

/** The mails accounts send: rendered in the recipient's language before they enter the outbox. */
export type AccountsMail =
  | Msg<
      'accounts.mail.invitation',
      {
        name: string
        inviter: string
        role: Role
        email: string
        link: string
        days: number
        resetUrl: string
      }
    >
  | Msg<
      'accounts.mail.reset',
      { name: string; email: string; link: string; minutes: number; resetUrl: string }
    >

/** A mail as pool/ decides it: to whom, in which language, saying what. */
export interface AccountMail {
  to: string
  locale: UiLocale
  message: AccountsMail
}

/** The audit actions of accounts (views/i18n renders each as a sentence in a user's history). */
export const ACCOUNT_AUDIT_ACTIONS = [
  'user.created',
  'user.edited',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'user.invitation_sent',
  'user.reset_requested',
  'user.password_set',
  'user.password_changed',
  'user.profile_edited',
  'user.session_ended',
] as const
export type AccountAuditAction = (typeof ACCOUNT_AUDIT_ACTIONS)[number]
