/** Papiamentu messages, mails and history lines of accounts; tsc fails when a code of pool/accounts/messages.ts is missing. */
import type { AccountAuditAction, AccountsMail, AccountsMessage } from '../../../../pool/accounts/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue, MailCatalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { app } from '../app.ts'

const role = (code: unknown) => app[`role.${code}` as keyof typeof app] ?? String(code)
const LINK = {
  set_password: 'E link aki pa pone un kontraseña',
  invitation: 'E invitashon aki',
  reset: 'E link aki pa un kontraseña nobo',
} as const

const LIFE = { set_password: '72 ora', invitation: '7 dia', reset: 'un ora' } as const

export const accountsMessages: Catalogue<AccountsMessage> = {
  'accounts.name.required': 'Yena e nòmber.',
  'accounts.name.tooLong': 'Tene e nòmber den {max} karakter.',
  'accounts.email.invalid': 'Yena un adrès di e-mail manera nòmber@ehèmpel.org.',
  'accounts.email.taken': 'Un otro kuenta tin e adrès di e-mail aki kaba.',
  'accounts.role.unknown': 'Skohe un ròl.',
  'accounts.island.required': 'Skohe e isla ku e tim di krisis aki ta aktua p’e.',
  'accounts.island.forbidden': 'Djis e tim di krisis di un isla tin un isla: laga esaki bashí.',
  'accounts.island.unknown': 'Skohe un di e seis islanan.',
  'accounts.functionary.required': 'Indiká e miembro di pool di kende e kuenta aki ta.',
  'accounts.functionary.forbidden': 'Djis miembronan di pool ta konektá ku e pool: laga esaki bashí.',
  'accounts.functionary.unknown': 'No tin miembro di pool ku e ID aki.',
  'accounts.functionary.taken': 'E miembro di pool aki tin un kuenta kaba.',
  'accounts.functionary.inactive': 'E miembro di pool aki ta desaktivá: aktiv’é atrobe promé.',
  'accounts.locale.unknown': 'Skohe English, Nederlands òf Papiamentu.',
  'accounts.active.invalid': 'Kontestá ku true òf false.',
  'accounts.password.short': 'Usa por lo ménos {min} karakter.',
  'accounts.password.long': 'Tene e kontraseña den {max} karakter.',
  'accounts.password.common': 'E kontraseña aki ta un di esnan di mas usá: skohe un otro.',
  'accounts.password.personal': 'E kontraseña ta bo mes nòmber òf adrès di e-mail: skohe un otro.',
  'accounts.password.wrong': 'E kontraseña aktual no ta korekto.',
  'accounts.user.notFound': 'E usuario aki no ta eksistí.',
  'accounts.user.changed': 'Un hende a kambia e kuenta aki miéntras tantu.',
  'accounts.forbidden': 'Djis atministradónan ta maneha kuenta.',
  'accounts.invite.forbidden': 'Djis koordinadó i atministradónan ta invitá miembronan di pool.',
  'accounts.self.locked': 'Bo no por kambia bo mes ròl ni desaktivá bo mes: puntra un otro atministradó.',
  'accounts.session.notFound': 'E sesion aki a kaba kaba.',
  'accounts.link.invalid': 'E link aki no ta traha.',
  'accounts.link.expired': (p) =>
    `${LINK[p.purpose]} tabata traha pa ${LIFE[p.purpose]}. Pidi un link nobo aki bou: e ta bin pa e-mail.`,
  'accounts.link.used': (p) =>
    `${LINK[p.purpose]} ta traha djis un biaha. Si bo a skohe bo kontraseña kuné, drenta; si no, pidi un link nobo aki bou.`,
}

export const accountsMails: MailCatalogue<AccountsMail> = {
  'accounts.mail.invitation': (p) => ({
    subject: 'Bo kuenta di CCPM: skohe un kontraseña',
    text: [
      `Halo ${p.name},`,
      '',
      `${p.inviter} a traha un kuenta pa bo den CCPM, e sistema di pedido i pool di e Caribbean Civil Protection Mechanism, komo ${role(p.role)}.`,
      '',
      `Skohe bo kontraseña den ${p.days} dia na:`,
      p.link,
      '',
      `Bo ta drenta ku e adrès di e-mail aki: ${p.email}`,
      `E link ta traha un biaha. Si e a vense, pidi un nobo na ${p.resetUrl}`,
    ].join('\n'),
  }),
  'accounts.mail.reset': (p) => ({
    subject: 'CCPM: skohe un kontraseña nobo',
    text: [
      `Halo ${p.name},`,
      '',
      `Un hende a pidi un kontraseña nobo pa e kuenta di CCPM ${p.email}. Skohe un den ${p.minutes} minüt na:`,
      p.link,
      '',
      'Si no ta bo tabata, no hasi kaso di e e-mail aki: bo kontraseña ta keda meskos.',
      `E link ta traha un biaha. Un nobo: ${p.resetUrl}`,
    ].join('\n'),
  }),
}

function changes(p: AuditParams, f: Fmt): string {
  const show = (k: string, v: unknown) =>
    v == null || v === ''
      ? 'ningun'
      : k === 'role'
        ? role(v)
        : k === 'island'
          ? f.name('island', String(v))
          : k === 'active'
            ? v
              ? 'aktivo'
              : 'desaktivá'
            : String(v)
  const label: Record<string, string> = {
    name: 'nòmber',
    email: 'e-mail',
    role: 'ròl',
    island: 'isla',
    functionaryId: 'miembro di pool',
    locale: 'idioma',
    active: 'estado',
  }
  return Object.keys(p.after ?? {})
    .map((k) => `${label[k] ?? k} ${show(k, p.before?.[k])} → ${show(k, p.after?.[k])}`)
    .join(', ')
}

export const accountsAudit: AuditCatalogue<AccountAuditAction> = {
  'audit.user.created': (p) => `${p.actor} a traha e kuenta i manda e invitashon`,
  'audit.user.edited': (p, f) => `${p.actor} a kambia: ${changes(p, f)}`,
  'audit.user.role_changed': (p, f) => `${p.actor} a kambia: ${changes(p, f)}; e sesionnan a kaba`,
  'audit.user.deactivated': (p) => `${p.actor} a desaktivá e kuenta; e sesionnan a kaba`,
  'audit.user.reactivated': (p) => `${p.actor} a aktivá e kuenta atrobe`,
  'audit.user.invitation_sent': (p) => `${p.actor} a manda un invitashon nobo`,
  'audit.user.reset_requested': (p) =>
    p.after?.purpose === 'set_password'
      ? `${p.actor} a traha un link pa pone un kontraseña`
      : `${p.actor} a pidi un kontraseña nobo pa e-mail`,
  'audit.user.password_set': (p) => `${p.actor} a pone e kontraseña ku un link; tur sesion a kaba`,
  'audit.user.password_changed': (p) => `${p.actor} a kambia e kontraseña; e otro sesionnan a kaba`,
  'audit.user.profile_edited': (p, f) => `${p.actor} a kambia: ${changes(p, f)}`,
  'audit.user.session_ended': (p) => `${p.actor} a kaba un sesion`,
}
