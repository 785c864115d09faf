/** Dutch messages, mails and history lines of accounts; tsc fails when a code of pool/accounts/messages.ts is missing. */
import type { AccountAuditAction, AccountsMail, AccountsMessage } from '../../../../pool/accounts/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue, MailCatalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { app } from '../app.ts'

const role = (code: unknown) => app[`role.${code}` as keyof typeof app] ?? String(code)
const LINK = {
  set_password: 'deze link om een wachtwoord in te stellen',
  invitation: 'deze uitnodiging',
  reset: 'deze link voor een nieuw wachtwoord',
} as const

const LIFE = { set_password: '72 uur', invitation: '7 dagen', reset: 'een uur' } as const

export const accountsMessages: Catalogue<AccountsMessage> = {
  'accounts.name.required': 'Vul de naam in.',
  'accounts.name.tooLong': 'Houd de naam binnen {max} tekens.',
  'accounts.email.invalid': 'Vul een e-mailadres in, zoals naam@voorbeeld.nl.',
  'accounts.email.taken': 'Een ander account heeft dit e-mailadres al.',
  'accounts.role.unknown': 'Kies een rol.',
  'accounts.island.required': 'Kies het eiland waarvoor dit crisisteam optreedt.',
  'accounts.island.forbidden': 'Alleen eilandelijke crisisteams hebben een eiland: laat dit leeg.',
  'accounts.island.unknown': 'Kies een van de zes eilanden.',
  'accounts.functionary.required': 'Geef het poollid aan bij wie dit account hoort.',
  'accounts.functionary.forbidden': 'Alleen poolleden zijn aan de pool gekoppeld: laat dit leeg.',
  'accounts.functionary.unknown': 'Er is geen poollid met deze ID.',
  'accounts.functionary.taken': 'Dit poollid heeft al een account.',
  'accounts.functionary.inactive': 'Dit poollid is gedeactiveerd: activeer het eerst weer.',
  'accounts.locale.unknown': 'Kies English, Nederlands of Papiamentu.',
  'accounts.active.invalid': 'Antwoord met true of false.',
  'accounts.password.short': 'Gebruik minstens {min} tekens.',
  'accounts.password.long': 'Houd het wachtwoord binnen {max} tekens.',
  'accounts.password.common': 'Dit wachtwoord is een van de meest gebruikte: kies een ander.',
  'accounts.password.personal': 'Het wachtwoord is uw eigen naam of e-mailadres: kies een ander.',
  'accounts.password.wrong': 'Het huidige wachtwoord klopt niet.',
  'accounts.user.notFound': 'Deze gebruiker bestaat niet.',
  'accounts.user.changed': 'Iemand heeft dit account intussen gewijzigd.',
  'accounts.forbidden': 'Alleen beheerders beheren accounts.',
  'accounts.invite.forbidden': 'Alleen coördinatoren en beheerders nodigen poolleden uit.',
  'accounts.self.locked':
    'U kunt uw eigen rol niet wijzigen en uzelf niet deactiveren: vraag het een andere beheerder.',
  'accounts.session.notFound': 'Deze sessie is al beëindigd.',
  'accounts.link.invalid': 'Deze link werkt niet.',
  'accounts.link.expired': (p) =>
    `${capital(LINK[p.purpose])} werkte ${LIFE[p.purpose]}. Vraag hieronder een nieuwe link aan: die komt per e-mail.`,
  'accounts.link.used': (p) =>
    `${capital(LINK[p.purpose])} werkt maar één keer. Hebt u er uw wachtwoord mee gekozen, meld u dan aan; zo niet, vraag hieronder een nieuwe link aan.`,
}

function capital(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export const accountsMails: MailCatalogue<AccountsMail> = {
  'accounts.mail.invitation': (p) => ({
    subject: 'Uw CCPM-account: kies een wachtwoord',
    text: [
      `Beste ${p.name},`,
      '',
      `${p.inviter} heeft een account voor u aangemaakt in CCPM, het verzoek- en poolsysteem van het Caribbean Civil Protection Mechanism, als ${role(p.role)}.`,
      '',
      `Kies binnen ${p.days} dagen uw wachtwoord via:`,
      p.link,
      '',
      `U meldt zich aan met dit e-mailadres: ${p.email}`,
      `De link werkt één keer. Is hij verlopen, vraag dan een nieuwe aan via ${p.resetUrl}`,
    ].join('\n'),
  }),
  'accounts.mail.reset': (p) => ({
    subject: 'CCPM: kies een nieuw wachtwoord',
    text: [
      `Beste ${p.name},`,
      '',
      `Iemand heeft een nieuw wachtwoord gevraagd voor het CCPM-account ${p.email}. Kies er binnen ${p.minutes} minuten een via:`,
      p.link,
      '',
      'Was u het niet? Negeer dan deze e-mail: uw wachtwoord blijft zoals het is.',
      `De link werkt één keer. Een nieuwe: ${p.resetUrl}`,
    ].join('\n'),
  }),
}

function changes(p: AuditParams, f: Fmt): string {
  const show = (k: string, v: unknown) =>
    v == null || v === ''
      ? 'geen'
      : k === 'role'
        ? role(v)
        : k === 'island'
          ? f.name('island', String(v))
          : k === 'active'
            ? v
              ? 'actief'
              : 'gedeactiveerd'
            : String(v)
  const label: Record<string, string> = {
    name: 'naam',
    email: 'e-mail',
    role: 'rol',
    island: 'eiland',
    functionaryId: 'poollid',
    locale: 'taal',
    active: 'status',
  }
  return Object.keys(p.after ?? {})
    .map((k) => `${label[k] ?? k} ${show(k, p.before?.[k])} → ${show(k, p.after?.[k])}`)
    .join(', ')
}

export const accountsAudit: AuditCatalogue<AccountAuditAction> = {
  'audit.user.created': (p) => `${p.actor} heeft het account aangemaakt en de uitnodiging verstuurd`,
  'audit.user.edited': (p, f) => `${p.actor} heeft gewijzigd: ${changes(p, f)}`,
  'audit.user.role_changed': (p, f) =>
    `${p.actor} heeft gewijzigd: ${changes(p, f)}; de sessies zijn beëindigd`,
  'audit.user.deactivated': (p) => `${p.actor} heeft het account gedeactiveerd; de sessies zijn beëindigd`,
  'audit.user.reactivated': (p) => `${p.actor} heeft het account weer geactiveerd`,
  'audit.user.invitation_sent': (p) => `${p.actor} heeft een nieuwe uitnodiging verstuurd`,
  'audit.user.reset_requested': (p) =>
    p.after?.purpose === 'set_password'
      ? `${p.actor} heeft een link gemaakt om een wachtwoord in te stellen`
      : `${p.actor} heeft per e-mail een nieuw wachtwoord gevraagd`,
  'audit.user.password_set': (p) =>
    `${p.actor} heeft het wachtwoord ingesteld met een link; alle sessies zijn beëindigd`,
  'audit.user.password_changed': (p) =>
    `${p.actor} heeft het wachtwoord gewijzigd; de andere sessies zijn beëindigd`,
  'audit.user.profile_edited': (p, f) => `${p.actor} heeft gewijzigd: ${changes(p, f)}`,
  'audit.user.session_ended': (p) => `${p.actor} heeft een sessie beëindigd`,
}
