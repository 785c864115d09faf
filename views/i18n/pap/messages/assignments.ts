/** Papiamentu messages, mails, calendar words and audit sentences of assignments; tsc fails when a code of pool/assignments is missing. */
import type { Taker } from '../../../../pool/assignments/index.ts'
import type { AssignmentStatus } from '../../../../pool/reference/index.ts'
import { type AssignmentsCatalogue, field, statusName, transportName } from '../../en/messages/assignments.ts'
import type { Fmt } from '../../format.ts'

const TAKER: Record<Taker, string> = {
  coordinator: 'un koordinado di LOCC-KCR2',
  island: 'e isla ku a pidi yudansa',
  coordinator_on_behalf: 'un koordinado na nòmber di e isla',
}
const ACT: Record<AssignmentStatus, string> = {
  proposed: 'proponé un persona',
  offered: 'ofresé un persona na e isla',
  accepted: 'aseptá un oferta',
  declined: 'rechasá un oferta',
  travelling: 'registrá e biahe',
  on_site: 'konfirmá un yegada',
  released: 'liberá un persona',
  completed: 'kompletá un asignashon',
  cancelled: 'kanselá un asignashon',
}

const hours = (min: number, f: Fmt) =>
  min < 60
    ? `${f.num(min)} min`
    : `${f.num(Math.floor(min / 60))} ora${min % 60 ? ` ${f.num(min % 60)} min` : ''}`

const SIGNATURE = '-- CCPM, LOCC-KCR2'

type Trip = {
  etd: number | null
  eta: number | null
  transport: string | null
  reference: string | null
  zone: string
  departureZone?: string
}
function travelLines(p: Trip, f: Fmt): string[] {
  if (p.etd === null || p.eta === null) return ['Biahe:       LOCC-KCR2 lo manda bo e detayenan di biahe.']
  const from = p.departureZone ?? p.zone
  return [
    `Salida:      ${f.moment(p.etd, from)} (${from === p.zone ? 'ora di e isla' : 'ora lokal na salida'})`,
    `Yegada:      ${f.moment(p.eta, p.zone)} (ora di e isla)`,
    `Transporte:  ${p.transport ? transportName(f, p.transport) : ''}`,
    ...(p.reference ? [`Referensia:  ${p.reference}`] : []),
  ]
}

const CAUSE = {
  coordinator: 'LOCC-KCR2 a kanselá bo asignashon',
  request_withdrawn: '{island} a retirá su petishon, pesei bo asignashon ta kanselá',
  request_rejected: 'LOCC-KCR2 a rechasá e petishon, pesei bo asignashon ta kanselá',
} as const

export const assignments: AssignmentsCatalogue = {
  'assignment.notFound': 'No a haña e asignashon.',
  'assignment.needNotFound': 'No a haña e nesesidat.',
  'assignment.step.unknown': (p) =>
    p.status ? `"${p.status}" no ta un paso ku un asignashon por tuma.` : 'Skohe e paso ku bo ke tuma.',
  'assignment.step.forbidden': (p) =>
    `Solamente ${p.takers.map((t) => TAKER[t as Taker] ?? t).join(' òf ')} por ${ACT[p.status]}.`,
  'assignment.step.already': (p, f) => `E asignashon aki ya ta ${statusName(f, p.status)}.`,
  'assignment.step.notFrom': (p, f) =>
    `E asignashon aki ta ${statusName(f, p.from)}; for di einan e no por bira "${statusName(f, p.to)}".`,
  'assignment.step.stale': (p, f) =>
    `E asignashon aki a kambia desde ku bo a habri e; awor e ta ${statusName(f, p.status)}. Karga e página di nobo pa mira e kambionan.`,
  'assignment.step.requestNotOpen': (p, f) =>
    `E petishon ta ${f.name('status', p.status)}: un asignashon ta sigui solamente miéntras e petishon ta den tratamentu òf na ehekushon.`,
  'assignment.step.invalid': 'Kontrolá e kamponan marká aki bou.',
  'assignment.reason.required': (p) =>
    p.status === 'declined'
      ? 'Duna un motibu: LOCC-KCR2 lo lesa e.'
      : 'Duna un motibu: e isla i e persona lo lesa e.',
  'assignment.reason.tooLong': (p, f) => `Tene e motibu na maksimo ${f.num(p.max)} karakter.`,
  'assignment.travel.required': 'Duna e detayenan di biahe: salida, yegada i transporte.',
  'assignment.travel.time': 'Yena un fecha i ora, por ehèmpel 2026-09-06T14:30.',
  'assignment.travel.order': 'E yegada no por ta promé ku e salida.',
  'assignment.travel.transport': (p) =>
    p.transport ? `Transporte deskonosí "${p.transport}".` : 'Skohe e transporte.',
  'assignment.travel.referenceTooLong': (p, f) => `Tene e referensia na maksimo ${f.num(p.max)} karakter.`,
  'assignment.confirm.required':
    '{name} no a kontestá "disponibel" riba e alerta: registrá kon e persona a konfirmá (telefòn, radio, na persona) promé ku bo ofresé e.',
  'assignment.confirm.channel': (p) =>
    p.channel ? `Kanal deskonosí "${p.channel}".` : 'Skohe kon e persona a konfirmá.',
  'assignment.confirm.noteTooLong': (p, f) => `Tene e nota na maksimo ${f.num(p.max)} karakter.`,
  'assignment.version.invalid': 'E vershon mester ta un number entero.',
  'assignment.need.filled': (p, f) =>
    `E nesesidat aki ta yená kaba: ${f.num(p.count)} persona a wòrdu aseptá.`,
  'assignment.need.belowFilled': (p, f) =>
    `${f.num(p.filled)} persona a wòrdu aseptá kaba pa e nesesidat aki, pesei e kantidat no por baha bou di ${f.num(p.filled)}.`,
  'assignment.need.removeActive': (p, f) =>
    `A proponé òf asigná ${f.plural(p.count, '# persona', '# persona')} pa e nesesidat aki: kanselá ${p.count === 1 ? 'e asignashon ei' : 'e asignashonnan ei'} promé ku bo kita e nesesidat.`,
  'assignment.propose.forbidden': 'Solamente koordinadónan di LOCC-KCR2 ta proponé persona.',
  'assignment.propose.notFunctionaryNeed': 'Solamente un nesesidat di funshonario ta haña persona.',
  'assignment.propose.unknownPerson': 'Skohe un persona for di e pool.',
  'assignment.propose.requestNotOpen': (p, f) =>
    `E petishon ta ${f.name('status', p.status)}: ta proponé persona solamente miéntras e petishon ta den tratamentu òf na ehekushon.`,
  'assignment.propose.overlap': (p, f) =>
    `E persona aki ya ta ${statusName(f, p.status)} pa ${f.name('island', p.island)}, ${f.period(p.periodStart, p.periodEnd)}, i esei ta koinsidí ku e periodo aki.`,
  'assignment.propose.excluded': (p, f) =>
    `E persona aki no ta kumpli ku e nesesidat aki (${f.num(p.count)} motibu aki bou).`,
  'assignment.request.onSite': (p, f) =>
    `Tin ${f.num(p.count)} persona presente na sitio pa e petishon aki: e no por wòrdu ${p.to === 'withdrawn' ? 'retirá' : 'rechasá'} te ora nan wòrdu liberá.`,
  'assignment.request.active': (p, f) =>
    `Tin ainda ${f.num(p.count)} asignashon aktivo pa e petishon aki: liberá, kompletá òf kanselá nan promé ku bo sera e petishon.`,
  'assignment.answer.locked':
    'Bo a wòrdu ofresé na e isla kaba pa e nesesidat aki, pesei bo no por kambia bo kontesta aki mas. Yama LOCC-KCR2 si algu a kambia.',

  'assignment.plan.lines': (p, f) =>
    `Duna e liñanan pa proponé komo un lista di {"needId", "functionaryId"}, maksimo ${f.num(p.max)}.`,

  'assignment.ics.summary': (p, f) => `Asignashon CCPM: ${f.role(p.role)}, ${f.name('island', p.island)}`,
  'assignment.ics.location': (p, f) => f.name('island', p.island),
  'assignment.ics.description': (p, f) =>
    [
      ...(p.cancelled ? ['KANSELÁ.'] : []),
      `${f.role(p.role)} pa ${f.name('island', p.island)}, ${f.period(p.periodStart, p.periodEnd)}.`,
      `Reportá na: ${p.contact}`,
      ...travelLines(p, f),
    ].join('\n'),

  'assignment.mail.offered': (p, f) => {
    const period = f.period(p.periodStart, p.periodEnd)
    const island = f.name('island', p.island)
    const role = f.role(p.role)
    return {
      subject: `Oferta: ${p.name}, ${role} pa ${island}, ${period}: aseptá òf rechasá`,
      text: [
        `LOCC-KCR2 ta ofresé ${p.name} komo ${role} pa ${island}, ${period}.`,
        `Aseptá òf rechasá e oferta: ${p.url}`,
        '',
        `Nòmber:          ${p.name}`,
        `Funshon:         ${role}${p.level ? `, ${f.name('level', p.level)}` : ''}${p.minLevel ? ` (e nesesidat ta pidi ${f.name('level', p.minLevel)} òf mas haltu)` : ''}`,
        `Idioma:          ${f.list(p.languages.map((l) => f.name('language', l)))}`,
        `Organisashon:    ${p.organisation}`,
        `Base:            ${f.name('island', p.base)}`,
        `Tempu di biahe:  ${p.travelMinutes === null ? 'deskonosí' : `mas o ménos ${hours(p.travelMinutes, f)} for di su base`}`,
        `Periodo:         ${period}`,
        `Petishon:        ${p.requestTitle}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.accepted': (p, f) => {
    const island = f.name('island', p.island)
    const period = f.period(p.periodStart, p.periodEnd)
    return {
      subject: `Asignashon konfirmá: ${f.role(p.role)} pa ${island}, ${period}`,
      text: [
        `${p.name},`,
        '',
        `${island} a aseptá bo komo ${f.role(p.role)}, ${period}. Danki.`,
        '',
        `Reportá na:  ${p.contact}`,
        `Periodo:     ${period}`,
        ...travelLines(p, f),
        '',
        'E archivo di kalènder (.ics) anehá ta kontené bo asignashon.',
        `Bo asignashon: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.travelling': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Detayenan di biahe: ${island}${p.etd === null ? '' : `, salida ${f.moment(p.etd, p.departureZone)}`}`,
      text: [
        `${p.name},`,
        '',
        `Bo biahe pa ${island} komo ${f.role(p.role)} ta reservá.`,
        '',
        ...travelLines(p, f),
        `Reportá na:  ${p.contact}`,
        `Periodo:     ${f.period(p.periodStart, p.periodEnd)}`,
        '',
        'E archivo di kalènder (.ics) anehá ta reemplasá esun di promé.',
        `Bo asignashon: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.declined': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Rechasá: ${island} a rechasá ${p.name} komo ${f.role(p.role)}`,
      text: [
        `${island} a rechasá ${p.name} komo ${f.role(p.role)}, ${f.period(p.periodStart, p.periodEnd)}.`,
        '',
        'Motibu:',
        p.reason,
        '',
        `Petishon: ${p.requestTitle}`,
        `Proponé otro persona: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.flagged': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Kontrolá: ${p.name} no ta disponibel mas pa ${island}, ${f.period(p.periodStart, p.periodEnd)}`,
      text: [
        `${p.name} a kambia su kontesta di disponibel pa no disponibel, miéntras e tabata proponé komo ${f.role(p.role)} pa ${island}.`,
        ...(p.note ? ['', 'Su nota:', p.note] : []),
        '',
        'Wak e proposishon promé ku bo ofresé e persona na e isla: kanselá e proposishon, òf registrá kon e persona a konfirmá.',
        `E proposishon: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.cancelled': (p, f) => {
    const island = f.name('island', p.island)
    const period = f.period(p.periodStart, p.periodEnd)
    return {
      subject: `Kanselá: bo asignashon na ${island}, ${period}`,
      text: [
        `${p.name},`,
        '',
        `${CAUSE[p.cause].replace('{island}', island)}: ${f.role(p.role)} pa ${island}, ${period}.`,
        ...(p.reason ? ['', 'Motibu:', p.reason] : []),
        '',
        'E archivo di kalènder (.ics) anehá ta kita e asignashon for di bo kalènder. Yama LOCC-KCR2 si bo tin kualke pregunta.',
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.offerCancelled': (p, f) => ({
    subject: `Oferta retirá: ${p.name}, ${f.role(p.role)}`,
    text: [
      `LOCC-KCR2 a retirá e oferta di ${p.name} komo ${f.role(p.role)} pa ${f.name('island', p.island)}, ${f.period(p.periodStart, p.periodEnd)}.`,
      '',
      'Motibu:',
      p.reason,
      '',
      `Petishon: ${p.requestTitle}`,
      `E asignashon: ${p.url}`,
      '',
      SIGNATURE,
    ].join('\n'),
  }),

  'audit.assignment.proposed': (p, f) =>
    `${p.actor} a proponé ${field(p.after, 'name')} pa ${f.name('island', field(p.after, 'island'))}`,
  'audit.assignment.offered': (p, f) => {
    const channel = (p.after?.confirmedBy as { channel?: string } | undefined)?.channel
    return `${p.actor} a ofresé ${field(p.after, 'name')} na ${f.name('island', field(p.after, 'island'))}${channel ? ` (konfirmá: ${f.name('confirmChannel', channel)})` : ''}`
  },
  'audit.assignment.accepted': (p) => `${p.actor} a aseptá ${field(p.after, 'name')}`,
  'audit.assignment.declined': (p) =>
    `${p.actor} a rechasá ${field(p.after, 'name')}: ${field(p.after, 'reason')}`,
  'audit.assignment.travelling': (p) => `${p.actor} a registrá e biahe di ${field(p.after, 'name')}`,
  'audit.assignment.on_site': (p, f) =>
    `${p.actor} a konfirmá ku ${field(p.after, 'name')} ta presente na sitio${p.after?.onBehalf ? `, na nòmber di ${f.name('island', field(p.after, 'island'))}` : ''}`,
  'audit.assignment.released': (p) => `${p.actor} a liberá ${field(p.after, 'name')}`,
  'audit.assignment.completed': (p) => `${p.actor} a kompletá e asignashon di ${field(p.after, 'name')}`,
  'audit.assignment.cancelled': (p) => {
    const cause = field(p.after, 'cause')
    const why =
      cause === 'request_withdrawn'
        ? ' (petishon retirá)'
        : cause === 'request_rejected'
          ? ' (petishon rechasá)'
          : ''
    return `${p.actor} a kanselá e asignashon di ${field(p.after, 'name')}${why}: ${field(p.after, 'reason')}`
  },
  'audit.assignment.flagged': (p) =>
    `${p.actor} a kambia su kontesta pa no disponibel miéntras e tabata proponé`,
  'audit.request.in_progress_on_arrival': (p) =>
    `E petishon a pasa na ehekushon: ${field(p.after, 'name')} a yega na sitio`,
}
