/** Dutch messages, mails, calendar words and audit sentences of assignments; tsc fails when a code of pool/assignments is missing. */
import type { Taker } from '../../../../pool/assignments/index.ts'
import type { AssignmentStatus } from '../../../../pool/reference/index.ts'
import { type AssignmentsCatalogue, field, statusName, transportName } from '../../en/messages/assignments.ts'
import type { Fmt } from '../../format.ts'

const TAKER: Record<Taker, string> = {
  coordinator: 'een coördinator van LOCC-KCR2',
  island: 'het eiland dat om bijstand vroeg',
  coordinator_on_behalf: 'een coördinator namens het eiland',
}
const ACT: Record<AssignmentStatus, string> = {
  proposed: 'iemand voordragen',
  offered: 'iemand aan het eiland aanbieden',
  accepted: 'een aanbod accepteren',
  declined: 'een aanbod afwijzen',
  travelling: 'de reis vastleggen',
  on_site: 'een aankomst bevestigen',
  released: 'iemand vrijgeven',
  completed: 'een inzet afronden',
  cancelled: 'een inzet annuleren',
}

const hours = (min: number, f: Fmt) =>
  min < 60
    ? `${f.num(min)} min`
    : `${f.num(Math.floor(min / 60))} u${min % 60 ? ` ${f.num(min % 60)} min` : ''}`

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
  if (p.etd === null || p.eta === null) return ['Reis:        LOCC-KCR2 stuurt je de reisgegevens nog.']
  const from = p.departureZone ?? p.zone
  return [
    `Vertrek:     ${f.moment(p.etd, from)} (${from === p.zone ? 'tijd op het eiland' : 'plaatselijke tijd bij vertrek'})`,
    `Aankomst:    ${f.moment(p.eta, p.zone)} (tijd op het eiland)`,
    `Vervoer:     ${p.transport ? transportName(f, p.transport) : ''}`,
    ...(p.reference ? [`Referentie:  ${p.reference}`] : []),
  ]
}

const CAUSE = {
  coordinator: 'LOCC-KCR2 heeft je inzet geannuleerd',
  request_withdrawn: '{island} heeft het verzoek ingetrokken, daarom is je inzet geannuleerd',
  request_rejected: 'LOCC-KCR2 heeft het verzoek afgewezen, daarom is je inzet geannuleerd',
} as const

export const assignments: AssignmentsCatalogue = {
  'assignment.notFound': 'Inzet niet gevonden.',
  'assignment.needNotFound': 'Behoefte niet gevonden.',
  'assignment.step.unknown': (p) =>
    p.status ? `"${p.status}" is geen stap die een inzet kan zetten.` : 'Kies de stap die je wilt zetten.',
  'assignment.step.forbidden': (p) =>
    `Alleen ${p.takers.map((t) => TAKER[t as Taker] ?? t).join(' of ')} kan ${ACT[p.status]}.`,
  'assignment.step.already': (p, f) => `Deze inzet is al ${statusName(f, p.status)}.`,
  'assignment.step.notFrom': (p, f) =>
    `Deze inzet is ${statusName(f, p.from)}; vanaf daar kan de stap naar "${statusName(f, p.to)}" niet.`,
  'assignment.step.stale': (p, f) =>
    `Deze inzet is gewijzigd sinds je hem opende; hij is nu ${statusName(f, p.status)}. Laad de pagina opnieuw om de wijzigingen te zien.`,
  'assignment.step.requestNotOpen': (p, f) =>
    `Het verzoek is ${f.name('status', p.status)}: een inzet gaat alleen verder zolang het verzoek in behandeling of in uitvoering is.`,
  'assignment.step.invalid': 'Controleer de gemarkeerde velden hieronder.',
  'assignment.reason.required': (p) =>
    p.status === 'declined'
      ? 'Geef een reden op: LOCC-KCR2 leest die.'
      : 'Geef een reden op: het eiland en de betrokkene lezen die.',
  'assignment.reason.tooLong': (p, f) => `Houd de reden binnen ${f.num(p.max)} tekens.`,
  'assignment.travel.required': 'Vul de reisgegevens in: vertrek, aankomst en vervoer.',
  'assignment.travel.time': 'Vul een datum en tijd in, bijvoorbeeld 2026-09-06T14:30.',
  'assignment.travel.order': 'De aankomst kan niet vóór het vertrek liggen.',
  'assignment.travel.transport': (p) =>
    p.transport ? `Onbekend vervoer "${p.transport}".` : 'Kies het vervoer.',
  'assignment.travel.referenceTooLong': (p, f) => `Houd de referentie binnen ${f.num(p.max)} tekens.`,
  'assignment.confirm.required':
    '{name} heeft op de oproep niet "beschikbaar" geantwoord: leg vast hoe de beschikbaarheid is bevestigd (telefoon, radio, persoonlijk) voordat je hem of haar aanbiedt.',
  'assignment.confirm.channel': (p) =>
    p.channel ? `Onbekend kanaal "${p.channel}".` : 'Kies hoe de betrokkene heeft bevestigd.',
  'assignment.confirm.noteTooLong': (p, f) => `Houd de notitie binnen ${f.num(p.max)} tekens.`,
  'assignment.version.invalid': 'De versie moet een geheel getal zijn.',
  'assignment.need.filled': (p, f) =>
    `Deze behoefte is al ingevuld: ${f.plural(p.count, '# persoon is', '# personen zijn')} geaccepteerd.`,
  'assignment.need.belowFilled': (p, f) =>
    `Voor deze behoefte ${f.plural(p.filled, 'is al # persoon', 'zijn al # personen')} geaccepteerd; het aantal kan daarom niet lager dan ${f.num(p.filled)}.`,
  'assignment.need.removeActive': (p, f) =>
    `Voor deze behoefte ${f.plural(p.count, 'is # persoon', 'zijn # personen')} voorgedragen of ingezet: annuleer ${p.count === 1 ? 'die inzet' : 'die inzetten'} voordat u de behoefte verwijdert.`,
  'assignment.propose.forbidden': 'Alleen coördinatoren van LOCC-KCR2 dragen mensen voor.',
  'assignment.propose.notFunctionaryNeed': 'Alleen een behoefte aan functionarissen krijgt mensen.',
  'assignment.propose.unknownPerson': 'Kies iemand uit de pool.',
  'assignment.propose.requestNotOpen': (p, f) =>
    `Het verzoek is ${f.name('status', p.status)}: mensen worden alleen voorgedragen zolang het in behandeling of in uitvoering is.`,
  'assignment.propose.overlap': (p, f) =>
    `Deze persoon is al ${statusName(f, p.status)} voor ${f.name('island', p.island)}, ${f.period(p.periodStart, p.periodEnd)}, en dat overlapt met deze periode.`,
  'assignment.propose.excluded': (p, f) =>
    `Deze persoon voldoet niet aan deze behoefte (${f.plural(p.count, '# reden', '# redenen')} hieronder).`,
  'assignment.request.onSite': (p, f) =>
    `Voor dit verzoek ${f.plural(p.count, 'is # persoon', 'zijn # personen')} ter plaatse: het kan pas ${p.to === 'withdrawn' ? 'ingetrokken' : 'afgewezen'} worden als zij zijn vrijgegeven.`,
  'assignment.request.active': (p, f) =>
    `Voor dit verzoek ${f.plural(p.count, 'loopt nog # inzet', 'lopen nog # inzetten')}: geef ze vrij, rond ze af of annuleer ze voordat je het verzoek afsluit.`,
  'assignment.answer.locked':
    'Je bent voor deze behoefte al aan het eiland aangeboden; je antwoord kan hier niet meer worden gewijzigd. Bel LOCC-KCR2 als er iets is veranderd.',

  'assignment.plan.lines': (p, f) =>
    `Geef de voor te dragen regels als een lijst van {"needId", "functionaryId"}, hoogstens ${f.num(p.max)}.`,

  'assignment.ics.summary': (p, f) => `CCPM-inzet: ${f.role(p.role)}, ${f.name('island', p.island)}`,
  'assignment.ics.location': (p, f) => f.name('island', p.island),
  'assignment.ics.description': (p, f) =>
    [
      ...(p.cancelled ? ['GEANNULEERD.'] : []),
      `${f.role(p.role)} voor ${f.name('island', p.island)}, ${f.period(p.periodStart, p.periodEnd)}.`,
      `Melden bij: ${p.contact}`,
      ...travelLines(p, f),
    ].join('\n'),

  'assignment.mail.offered': (p, f) => {
    const period = f.period(p.periodStart, p.periodEnd)
    const island = f.name('island', p.island)
    const role = f.role(p.role)
    return {
      subject: `Aanbod: ${p.name}, ${role} voor ${island}, ${period}: accepteren of afwijzen`,
      text: [
        `LOCC-KCR2 biedt ${p.name} aan als ${role} voor ${island}, ${period}.`,
        `Accepteer of wijs het aanbod af: ${p.url}`,
        '',
        `Naam:          ${p.name}`,
        `Functie:       ${role}${p.level ? `, ${f.name('level', p.level)}` : ''}${p.minLevel ? ` (de behoefte vraagt ${f.name('level', p.minLevel)} of hoger)` : ''}`,
        `Talen:         ${f.list(p.languages.map((l) => f.name('language', l)))}`,
        `Organisatie:   ${p.organisation}`,
        `Standplaats:   ${f.name('island', p.base)}`,
        `Reistijd:      ${p.travelMinutes === null ? 'onbekend' : `ongeveer ${hours(p.travelMinutes, f)} vanaf de standplaats`}`,
        `Periode:       ${period}`,
        `Verzoek:       ${p.requestTitle}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.accepted': (p, f) => {
    const island = f.name('island', p.island)
    const period = f.period(p.periodStart, p.periodEnd)
    return {
      subject: `Inzet bevestigd: ${f.role(p.role)} voor ${island}, ${period}`,
      text: [
        `${p.name},`,
        '',
        `${island} heeft je geaccepteerd als ${f.role(p.role)}, ${period}. Dank je wel.`,
        '',
        `Melden bij:  ${p.contact}`,
        `Periode:     ${period}`,
        ...travelLines(p, f),
        '',
        'Het bijgevoegde agendabestand (.ics) bevat de inzet.',
        `Je inzet: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.travelling': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Reisgegevens: ${island}${p.etd === null ? '' : `, vertrek ${f.moment(p.etd, p.departureZone)}`}`,
      text: [
        `${p.name},`,
        '',
        `Je reis naar ${island} als ${f.role(p.role)} is geregeld.`,
        '',
        ...travelLines(p, f),
        `Melden bij:  ${p.contact}`,
        `Periode:     ${f.period(p.periodStart, p.periodEnd)}`,
        '',
        'Het bijgevoegde agendabestand (.ics) vervangt het vorige.',
        `Je inzet: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.declined': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Afgewezen: ${island} heeft ${p.name} als ${f.role(p.role)} afgewezen`,
      text: [
        `${island} heeft ${p.name} als ${f.role(p.role)} afgewezen, ${f.period(p.periodStart, p.periodEnd)}.`,
        '',
        'Reden:',
        p.reason,
        '',
        `Verzoek: ${p.requestTitle}`,
        `Draag iemand anders voor: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.flagged': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Controleren: ${p.name} is niet meer beschikbaar voor ${island}, ${f.period(p.periodStart, p.periodEnd)}`,
      text: [
        `${p.name} heeft het antwoord gewijzigd van beschikbaar in niet beschikbaar, terwijl hij of zij is voorgedragen als ${f.role(p.role)} voor ${island}.`,
        ...(p.note ? ['', 'Toelichting:', p.note] : []),
        '',
        'Bekijk de voordracht voordat je haar aan het eiland aanbiedt: annuleer haar, of leg vast hoe de beschikbaarheid is bevestigd.',
        `De voordracht: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.cancelled': (p, f) => {
    const island = f.name('island', p.island)
    const period = f.period(p.periodStart, p.periodEnd)
    return {
      subject: `Geannuleerd: je inzet op ${island}, ${period}`,
      text: [
        `${p.name},`,
        '',
        `${CAUSE[p.cause].replace('{island}', island)}: ${f.role(p.role)} voor ${island}, ${period}.`,
        ...(p.reason ? ['', 'Reden:', p.reason] : []),
        '',
        'Het bijgevoegde agendabestand (.ics) haalt de inzet uit je agenda. Bel LOCC-KCR2 als je vragen hebt.',
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.offerCancelled': (p, f) => ({
    subject: `Aanbod ingetrokken: ${p.name}, ${f.role(p.role)}`,
    text: [
      `LOCC-KCR2 heeft het aanbod van ${p.name} als ${f.role(p.role)} voor ${f.name('island', p.island)}, ${f.period(p.periodStart, p.periodEnd)}, ingetrokken.`,
      '',
      'Reden:',
      p.reason,
      '',
      `Verzoek: ${p.requestTitle}`,
      `De inzet: ${p.url}`,
      '',
      SIGNATURE,
    ].join('\n'),
  }),

  'audit.assignment.proposed': (p, f) =>
    `${p.actor} heeft ${field(p.after, 'name')} voorgedragen voor ${f.name('island', field(p.after, 'island'))}`,
  'audit.assignment.offered': (p, f) => {
    const channel = (p.after?.confirmedBy as { channel?: string } | undefined)?.channel
    return `${p.actor} heeft ${field(p.after, 'name')} aangeboden aan ${f.name('island', field(p.after, 'island'))}${channel ? ` (bevestigd: ${f.name('confirmChannel', channel)})` : ''}`
  },
  'audit.assignment.accepted': (p) => `${p.actor} heeft ${field(p.after, 'name')} geaccepteerd`,
  'audit.assignment.declined': (p) =>
    `${p.actor} heeft ${field(p.after, 'name')} afgewezen: ${field(p.after, 'reason')}`,
  'audit.assignment.travelling': (p) => `${p.actor} heeft de reis van ${field(p.after, 'name')} vastgelegd`,
  'audit.assignment.on_site': (p, f) =>
    `${p.actor} heeft bevestigd dat ${field(p.after, 'name')} ter plaatse is${p.after?.onBehalf ? `, namens ${f.name('island', field(p.after, 'island'))}` : ''}`,
  'audit.assignment.released': (p) => `${p.actor} heeft ${field(p.after, 'name')} vrijgegeven`,
  'audit.assignment.completed': (p) => `${p.actor} heeft de inzet van ${field(p.after, 'name')} afgerond`,
  'audit.assignment.cancelled': (p) => {
    const cause = field(p.after, 'cause')
    const why =
      cause === 'request_withdrawn'
        ? ' (verzoek ingetrokken)'
        : cause === 'request_rejected'
          ? ' (verzoek afgewezen)'
          : ''
    return `${p.actor} heeft de inzet van ${field(p.after, 'name')} geannuleerd${why}: ${field(p.after, 'reason')}`
  },
  'audit.assignment.flagged': (p) =>
    `${p.actor} heeft tijdens de voordracht het antwoord gewijzigd in niet beschikbaar`,
  'audit.request.in_progress_on_arrival': (p) =>
    `Het verzoek is in uitvoering gegaan: ${field(p.after, 'name')} is ter plaatse aangekomen`,
}
