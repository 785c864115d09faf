/** Papiamentu for the request rules' messages, the mails of a request's life, and its history; tsc checks every code. */
import type { Priority, RequestStatus } from '../../../../pool/reference/index.ts'
import type {
  ChangeFacts,
  Mover,
  RequestAuditAction,
  RequestFacts,
  RequestMail,
  RequestMessage,
  SubmitField,
} from '../../../../pool/requests/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue, MailCatalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { fieldValue, type NeedBrief, requestChanges, short } from '../../history.ts'
import { lines, needLine, needSummary, roleCount, unitCount } from './words.ts'

/** Where a request is (after "E petishon aki ta …"), and what cannot be done to it (after "no por …"). */
const STATE: Record<RequestStatus, string> = {
  draft: 'ainda un konsepto',
  submitted: 'entregá',
  acknowledged: 'tumá na man',
  in_progress: 'den ehekushon',
  closed: 'será',
  rejected: 'rechasá',
  withdrawn: 'retirá',
}
const DONE: Record<RequestStatus, string> = {
  draft: 'bira konsepto atrobe',
  submitted: 'wòrdu entregá',
  acknowledged: 'wòrdu tumá na man',
  in_progress: 'wòrdu poné den ehekushon',
  closed: 'wòrdu será',
  rejected: 'wòrdu rechasá',
  withdrawn: 'wòrdu retirá',
}
const ACT: Record<RequestStatus, string> = {
  draft: 'bolbe hasi’é konsepto',
  submitted: 'entregá e petishon aki',
  acknowledged: 'tuma e petishon aki na man',
  in_progress: 'pone e petishon aki den ehekushon',
  closed: 'sera e petishon aki',
  rejected: 'rechasá e petishon aki',
  withdrawn: 'retirá e petishon aki',
}
const WHO: Record<Mover, string> = {
  island: 'e isla ku a pidi yudansa',
  coordinator: 'un koordinado di LOCC-KCR2',
  coordinator_on_behalf: 'un koordinado (pa un petishon hasí na nòmber di e isla)',
}
const MISSING: Record<SubmitField, string> = {
  title: 'Duna e petishon un título.',
  situation: 'Deskribí e situashon promé ku bo entreg’é.',
  periodStart: 'Duna e promé dia ku yudansa ta nesesario.',
  periodEnd: 'Duna e último dia ku yudansa ta nesesario.',
  contact: 'Duna un kontakto, pa LOCC-KCR2 por yega na bo.',
  needs: 'Agregá por lo ménos un nesesidat promé ku bo entreg’é.',
}

export const requestMessages: Catalogue<RequestMessage> = {
  'requests.notObject': 'Manda e petishon komo un òbhekto ku kampo.',
  'requests.island.ownOnly': 'Bo por hasi petishon solamente pa bo mes isla.',
  'requests.island.notLinked': 'Bo kuenta no ta konektá na un isla.',
  'requests.island.choose': 'Skohe e isla ku e petishon aki ta pe.',
  'requests.island.unknown': 'Isla deskonosí "{value}".',
  'requests.island.notAllowed':
    'Solamente e timnan di krisis di e islanan i e koordinadónan por hasi un petishon.',
  'requests.title.required': 'Duna e petishon un título kòrtiku.',
  'requests.phase.choose': 'Skohe e fase: kayente (respuesta) òf friu (preparashon).',
  'requests.priority.choose': 'Skohe e prioridat: urgente, haltu òf normal.',
  'requests.incident.choose': 'Skohe un insidente habrí, òf ningun.',
  'requests.needs.notList': 'Duna e nesesidatnan komo un lista.',
  'requests.needs.tooMany': (p, f) =>
    `Un petishon por tin maksimo ${f.num(p.max)} nesesidat; hasi un di dos petishon pa mas.`,
  'requests.need.notObject': 'Kada nesesidat mester ta un òbhekto ku un tipo (kind).',
  'requests.need.kind': 'Skohe un tipo di nesesidat: funshonario, kapasidat di HRC òf otro.',
  'requests.need.description': 'Deskribí kiko ta nesesario.',
  'requests.need.quantity': (p, f) => `Duna un kantidat: un number entero di 1 te ku ${f.num(p.max)}.`,
  'requests.need.unitType': 'Skohe un tipo di unidat di HRC.',
  'requests.need.unknownUnitType': 'Tipo di unidat di HRC deskonosí "{value}".',
  'requests.need.countUnits': (p, f) => `Duna kuantu unidat: un number entero di 1 te ku ${f.num(p.max)}.`,
  'requests.need.role': 'Skohe un ròl.',
  'requests.need.unknownRole': 'Ròl deskonosí "{value}".',
  'requests.need.countPeople': (p, f) => `Duna kuantu persona: un number entero di 1 te ku ${f.num(p.max)}.`,
  'requests.need.minLevel': 'Skohe e nivel mínimo: den entrenamentu, kalifiká òf senior.',
  'requests.need.outsidePeriod': (p, f) =>
    `Tene e nesesidat aki den e periodo di e petishon, ${f.period(p.start, p.end)}.`,
  'requests.notFound': 'No a haña e petishon.',
  'requests.readOnly': 'Bo kuenta no por kambia petishon.',
  'requests.transition.unknown': (p) =>
    p.to in DONE
      ? `Un petishon no por ${DONE[p.to as RequestStatus]}.`
      : `Un petishon no por wòrdu pasá pa "${p.to}".`,
  'requests.transition.notYours': (p) =>
    `Solamente ${p.by.map((m) => WHO[m]).join(' òf ')} por ${ACT[p.to]}.`,
  'requests.transition.already': (p) => `E petishon aki ta ${STATE[p.status]} kaba.`,
  'requests.transition.from': (p) => `E petishon aki ta ${STATE[p.status]}, p’esei e no por ${DONE[p.to]}.`,
  'requests.transition.stale': (p) =>
    `E petishon aki a kambia desde ku bo a habri’é; awor e ta ${STATE[p.status]}. Karga e página di nobo pa mira e kambionan.`,
  'requests.reason.required': (p) =>
    p.to === 'rejected'
      ? 'Duna un motibu: e isla lo lesa esaki.'
      : 'Duna un motibu: e koordinadónan lo lesa esaki.',
  'requests.reason.tooLong': (p, f) => `Usa maksimo ${f.num(p.max)} karakter pa e motibu.`,
  'requests.submit.missing': (p) => MISSING[p.field],
  'requests.submit.incomplete': (p) => p.missing.map((field) => MISSING[field]).join(' '),
  'requests.progress.nothingFilled':
    'Ainda nada no ta kubrí: un petishon ta den ehekushon ora un persona òf unidat a keda asigná na dje.',
  'requests.edit.notYours':
    'Solamente e isla ku a pidi yudansa por kambia e petishon aki (òf un koordinado ku a hasi’é na nòmber di e isla).',
  'requests.edit.closed': (p) => `E petishon aki ta ${STATE[p.status]}; e no por kambia mas.`,
  'requests.edit.stale':
    'E petishon aki a kambia desde ku bo a habri’é. Karga e página di nobo, i hasi bo kambio atrobe.',
  'requests.lostRace': 'Otro hende a kambia e petishon aki promé.',
}

const PREFIX: Record<Priority, string> = { urgent: 'URGENTE – ', high: 'HALTU – ', normal: '' }

function facts(p: RequestFacts, f: Fmt): string[] {
  return [
    `Isla:        ${f.name('island', p.island)} (${p.island})`,
    `Título:      ${p.title}`,
    `Prioridat:   ${f.name('priority', p.priority)}`,
    `Fase:        ${f.name('phase', p.phase)}`,
    `Periodo:     ${f.period(p.periodStart, p.periodEnd)}`,
    ...(p.incident ? [`Insidente:   ${p.incident}`] : []),
    ...(p.contact ? [`Kontakto:    ${p.contact}`] : []),
    '',
    'Nesesidatnan:',
    ...(p.needs.length ? p.needs.map((n) => `- ${needLine(n, f)}`) : ['- ningun']),
  ]
}

const FIELD_LABEL: Record<string, string> = {
  title: 'Título',
  phase: 'Fase',
  priority: 'Prioridat',
  periodStart: 'Promé dia',
  periodEnd: 'Último dia',
  incidentId: 'Insidente',
  contact: 'Kontakto',
}

function changeLine(c: ChangeFacts, f: Fmt): string {
  if (c.field === 'needs') {
    if (c.change === 'changed') return `Nesesidat kambiá: ${needLine(c.was, f)} → ${needLine(c.need, f)}`
    return `Nesesidat ${c.change === 'added' ? 'agregá' : 'kitá'}: ${needLine(c.need, f)}`
  }
  if (c.field === 'situation') return 'Situashon: skirbí di nobo (e teksto nobo ta mas abou)'
  const v = (x: string | null) => fieldValue(c.field, x, f, '(ningun)')
  return `${FIELD_LABEL[c.field]}: ${v(c.before)} → ${v(c.after)}`
}

export const requestMails: MailCatalogue<RequestMail> = {
  'requests.mail.submitted': (p, f) => {
    const island = f.name('island', p.island)
    const by = p.onBehalf ? `${p.actor} (LOCC-KCR2, na nòmber di ${island})` : p.actor
    return {
      subject: `${PREFIX[p.priority]}${island} ta pidi ${p.needs.length ? needSummary(p.needs, f) : 'yudansa'}`,
      text: lines(
        `${island} ta pidi yudansa. Entregá pa ${by}.`,
        '',
        ...facts(p, f),
        '',
        'Situashon:',
        p.situation,
        '',
        `Tum’é na man òf rechas’é: ${p.link}`,
      ),
    }
  },
  'requests.mail.acknowledged': (p, f) => ({
    subject: `Tumá na man – LOCC-KCR2 a tuma bo petishon na man: ${p.title}`,
    text: lines(
      `${p.actor} di LOCC-KCR2 a tuma e petishon di ${f.name('island', p.island)} na man: "${p.title}".`,
      'LOCC-KCR2 ta buska hende i unidat awor. Kada oferta ta bini serka bo pa bo asept’é òf rechas’é.',
      '',
      ...facts(p, f),
      '',
      `Sigui e petishon akinan: ${p.link}`,
    ),
  }),
  'requests.mail.rejected': (p, f) => ({
    subject: `Rechasá – bo petishon: ${p.title}`,
    text: lines(
      `${p.actor} di LOCC-KCR2 a rechasá e petishon di ${f.name('island', p.island)}: "${p.title}".`,
      '',
      'Motibu:',
      p.reason,
      '',
      'Yama LOCC-KCR2 si e nesesidat ta keda; bo por hasi un petishon nobo na kualke momento.',
      `E petishon: ${p.link}`,
    ),
  }),
  'requests.mail.withdrawn': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Retirá – ${island} a retirá su petishon: ${p.title}`,
      text: lines(
        `${p.actor} a retirá e petishon di ${island}: "${p.title}".`,
        '',
        'Motibu:',
        p.reason,
        '',
        'Stop tur búsketa òf oferta pa e petishon aki.',
        `E petishon: ${p.link}`,
      ),
    }
  },
  'requests.mail.closed': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Será – e petishon di ${island}: ${p.title}`,
      text: lines(
        `${p.actor} a sera e petishon di ${island}: "${p.title}".`,
        ...(p.note ? ['', 'Nota:', p.note] : []),
        '',
        `E petishon: ${p.link}`,
      ),
    }
  },
  'requests.mail.edited': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Kambiá – ${island} a kambia su petishon entregá: ${p.title}`,
      text: lines(
        `${p.actor} a kambia e petishon di ${island} miéntras e ta warda pa LOCC-KCR2 tum’é na man.`,
        '',
        'Kiko a kambia:',
        ...p.changes.map((c) => `- ${changeLine(c, f)}`),
        '',
        ...facts(p, f),
        ...(p.situation ? ['', 'Situashon:', p.situation] : []),
        '',
        `Tum’é na man òf rechas’é manera e ta awor: ${p.link}`,
      ),
    }
  },
  'requests.mail.revised': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Kambiá – ${island} a kambia su petishon (version ${p.revision}): ${p.title}`,
      text: lines(
        `${p.actor} a kambia e petishon di ${island} despues ku LOCC-KCR2 a tum’é na man. Esaki ta version ${p.revision}.`,
        '',
        'Kiko a kambia:',
        ...p.changes.map((c) => `- ${changeLine(c, f)}`),
        '',
        ...facts(p, f),
        ...(p.situation ? ['', 'Situashon:', p.situation] : []),
        '',
        `Mira e petishon: ${p.link}`,
      ),
    }
  },
}

function needBrief(n: NeedBrief | null, f: Fmt): string {
  if (!n) return 'un nesesidat'
  if (n.role) return roleCount(n.role, n.count, f)
  if (n.unitType) return unitCount(n.unitType, n.count, f)
  return `${n.count} × ${n.description ?? '…'}`
}

const NEED_CHANGE = { added: 'nesesidat agregá', removed: 'nesesidat kitá', changed: 'nesesidat kambiá' }

function edits(p: AuditParams, f: Fmt): string {
  return requestChanges(p.before, p.after)
    .map((c) => {
      if (c.kind === 'need') return `${NEED_CHANGE[c.change]}: ${needBrief(c.need, f)}`
      if (c.field === 'situation') return 'situashon skirbí di nobo'
      const v = (x: string | null) => short(fieldValue(c.field, x, f, '—'))
      return `${f.name('fieldName', c.field)} ${v(c.before)} → ${v(c.after)}`
    })
    .join('; ')
}

/** "nesesidat 2 (Manager di informashon)": un nesesidat manera un liña tokante un pregunta ta nombr’é, sin nòmber di hende. */
function alertedNeed(p: AuditParams, f: Fmt): string {
  const { need, role } = (p.after ?? {}) as { need?: number | null; role?: string | null }
  if (!need) return 'un nesesidat ku no ta riba e petishon mas'
  return role ? `nesesidat ${need} (${f.role(role)})` : `nesesidat ${need}`
}

export const requestAudit: AuditCatalogue<RequestAuditAction> = {
  'audit.request.created': (p) => `${p.actor} a traha e petishon komo konsepto`,
  'audit.request.submitted': (p) => `${p.actor} a entregá e petishon`,
  'audit.request.acknowledged': (p) => `${p.actor} a tuma e petishon na man`,
  'audit.request.in_progress': (p) => `${p.actor} a pone e petishon den ehekushon`,
  'audit.request.closed': (p) => `${p.actor} a sera e petishon`,
  'audit.request.rejected': (p) => `${p.actor} a rechasá e petishon`,
  'audit.request.withdrawn': (p) => `${p.actor} a retirá e petishon`,
  'audit.request.edited': (p, f) => `${p.actor} a kambia e petishon: ${edits(p, f)}`,
  'audit.request.revised': (p, f) =>
    `${p.actor} a kambia e petishon despues ku e a wòrdu tumá na man (version ${p.after?.revision ?? '?'}): ${edits(p, f)}`,
  'audit.request.alerted': (p, f) =>
    `${p.actor} a puntra ${f.plural(Number(p.after?.count ?? 1), '# persona', '# persona')} si nan ta disponibel pa ${alertedNeed(p, f)}`,
  'audit.request.answered': (p, f) =>
    `Un persona puntrá pa ${alertedNeed(p, f)} a kontestá: ${p.after?.answer === 'available' ? 'disponibel' : 'no disponibel'}`,
}
