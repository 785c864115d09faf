/** Dutch renderings of the HRC core's messages, mails and audit sentences; tsc fails when one is missing. */
import type { HrcAuditAction, HrcMail, HrcMessage } from '../../../../pool/hrc/index.ts'
import { isRaise } from '../../../../pool/hrc/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue, MailCatalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'

const ZONE = 'America/Kralendijk'
const WHO: Record<string, string> = {
  dispatcher: 'de dispatcher (USAR.NL)',
  coordinator: 'een coördinator (LOCC-KCR2)',
  island: 'het eiland',
}
const who = (codes: readonly string[]) => codes.map((c) => WHO[c] ?? c).join(' of ')
const units = (codes: readonly string[], f: Fmt) => f.list([...codes])
const island = (code: string, f: Fmt) => f.name('island', code)
const when = (at: number, zone: string, f: Fmt) => `${f.moment(at, zone)} (lokale tijd)`
const ready = (code: string, f: Fmt) => `‘${f.name('readiness', code)}’`
const state = (code: string, f: Fmt) => `‘${f.name('dispatch', code)}’`

const messages: Catalogue<HrcMessage> = {
  'hrc.field.required': 'Vul dit in.',
  'hrc.field.text': 'Vul hier tekst in.',
  'hrc.field.object': 'Dit moet een groep velden zijn.',
  'hrc.field.list': 'Geef een lijst met codes.',
  'hrc.field.email': 'Vul een e-mailadres in, zoals naam@voorbeeld.nl.',
  'hrc.field.phone': 'Vul een telefoonnummer in: cijfers, spaties en eventueel een + vooraan.',
  'hrc.field.moment':
    'Vul een datum en tijd in, bijvoorbeeld 2026-09-06T14:00 (eilandtijd) of 2026-09-06T18:00Z.',
  'hrc.field.tooLong': (p, f) => `Houd dit binnen ${f.num(p.max)} tekens (nu ${f.num(p.length)}).`,
  'hrc.field.number': (p, f) => `Geef een getal van ${f.num(p.min)} tot en met ${f.num(p.max)}.`,
  'hrc.field.whole': (p, f) => `Geef een geheel getal van ${f.num(p.min)} tot en met ${f.num(p.max)}.`,
  'hrc.field.unknown': 'Onbekende code "{value}".',
  'hrc.field.unknownCodes': (p, f) => `Onbekend: ${f.list([...p.codes])}.`,
  'hrc.unit.notFound': 'HRC-eenheid niet gevonden.',
  'hrc.unit.keeperOnly': 'Alleen de dispatcher (USAR.NL) beheert de HRC-eenheden.',
  'hrc.unit.codeShape':
    'Een code bestaat uit 2 tot 20 hoofdletters, cijfers en streepjes en begint met een letter, bijvoorbeeld LUSAR-3.',
  'hrc.unit.codeTaken': 'Een andere eenheid heeft al de code {code}.',
  'hrc.unit.stale':
    '{unit} is gewijzigd sinds u de pagina opende. Laad opnieuw en breng uw wijziging dan opnieuw aan.',
  'hrc.ladder.readOnly': 'Met uw account kunt u de gereedheid zien, maar niet wijzigen.',
  'hrc.ladder.unknown': 'Onbekende gereedheid "{value}".',
  'hrc.ladder.already': (p, f) => `${p.unit} heeft al gereedheid ${ready(p.status, f)}.`,
  'hrc.ladder.notAllowed': (p, f) => `${p.unit} kan niet van ${ready(p.from, f)} naar ${ready(p.to, f)}.`,
  'hrc.ladder.notRaise': (p, f) =>
    `${p.unit} heeft gereedheid ${ready(p.from, f)}: een dreiging kan die alleen verhogen, niet naar ${ready(p.to, f)} brengen.`,
  'hrc.ladder.forbidden': (p, f) =>
    `Alleen ${who(p.roles)} kan een eenheid van ${ready(p.from, f)} naar ${ready(p.to, f)} brengen.`,
  'hrc.ladder.inDispatch': (p, f) =>
    `${p.unit} zit in een inzet (status ${state(p.dispatch, f)}): de gereedheid volgt die inzet.`,
  'hrc.ladder.stale': (p, f) =>
    `${p.unit} is gewijzigd sinds u de pagina opende en heeft nu gereedheid ${ready(p.status, f)}. Laad opnieuw.`,
  'hrc.threat.notFound': 'Dreiging niet gevonden.',
  'hrc.threat.keepersOnly': 'Alleen een dispatcher of een coördinator legt dreigingen vast en werkt ze bij.',
  'hrc.threat.oneSource':
    'Geef één van deze: een verwachte baan, de tekst van een NHC-advies, of schattingen per eiland.',
  'hrc.threat.trackEmpty': 'Geef minstens één punt van de baan.',
  'hrc.threat.trackTwice': 'Twee punten van de baan hebben dezelfde tijd.',
  'hrc.threat.islandsEmpty': 'Geef minstens één eiland.',
  'hrc.advisory.noTrack':
    'Geen positie gevonden. Plak het hele forecast/advisory, met de regels "CENTER LOCATED NEAR" en "FORECAST VALID".',
  'hrc.threat.trackLong': 'Een baan heeft hoogstens {max} punten.',
  'hrc.threat.islandTwice': (p, f) => `${island(p.island, f)} staat er twee keer in.`,
  'hrc.threat.closed': 'De dreiging {threat} is gesloten.',
  'hrc.threat.stale': 'Voor {threat} is een nieuwer advies ingevoerd sinds u de pagina opende. Laad opnieuw.',
  'hrc.threat.unitTwice': '{unit} staat er twee keer in.',
  'hrc.proposal.ts_winds': (p, f) =>
    `${p.unit} naar ${ready(p.status, f)}: windkracht van een tropische storm kan ${island(p.island, f)} over ${f.num(Math.round(p.hours))} uur bereiken (binnen ${p.within} uur).`,
  'hrc.proposal.closest_approach': (p, f) =>
    `${p.unit} naar ${ready(p.status, f)}: de storm is over ${f.num(Math.round(p.hours))} uur het dichtst bij ${island(p.island, f)} (binnen ${p.within} uur).`,
  'hrc.dispatch.notFound': 'Inzetopdracht niet gevonden.',
  'hrc.dispatch.dispatcherOnly': 'Alleen de dispatcher (USAR.NL) zet HRC-eenheden in.',
  'hrc.dispatch.needNotFound': 'Die capaciteitsbehoefte is niet gevonden.',
  'hrc.dispatch.noUnits': 'Kies minstens één eenheid.',
  'hrc.dispatch.etaBeforeEtd': 'De aankomst kan niet vóór het vertrek liggen.',
  'hrc.dispatch.reasonRequired': 'Geef een reden: de andere betrokkenen lezen die.',
  'hrc.dispatch.tooManyUnits': 'Stuur hoogstens {max} eenheden in één opdracht.',
  'hrc.dispatch.unknownStep': 'Onbekende stap "{value}".',
  'hrc.dispatch.forbidden': (p, f) =>
    `Alleen ${who(p.movers)} kan deze inzet de status ${state(p.to, f)} geven.`,
  'hrc.dispatch.already': (p, f) => `Deze inzet heeft al de status ${state(p.status, f)}.`,
  'hrc.dispatch.notAllowed': (p, f) =>
    `Deze inzet heeft de status ${state(p.from, f)} en kan daarom niet naar ${state(p.to, f)}.`,
  'hrc.dispatch.stale': (p, f) =>
    `Deze inzet is gewijzigd sinds u de pagina opende en heeft nu de status ${state(p.status, f)}. Laad opnieuw.`,
  'hrc.dispatch.needIsland': (p, f) =>
    `Die behoefte is van ${island(p.island, f)}: stuur de eenheden daarheen.`,
  'hrc.dispatch.requestNotOpen': (p, f) =>
    `Het verzoek is ${f.name('status', p.status)}: eenheden gaan alleen naar een verzoek dat in behandeling is genomen of in uitvoering is.`,
  'hrc.dispatch.unitBusy': (p, f) => `${p.unit} zit al in een andere inzet (status ${state(p.status, f)}).`,
  'hrc.dispatch.unitNotReady': (p, f) =>
    `${p.unit} heeft gereedheid ${ready(p.status, f)}: alleen een eenheid op stand-by, vooralarm, alarm of in mobilisatie kan worden ingezet.`,
  'hrc.dispatch.unitOutOfStep': (p, f) =>
    `${p.unit} heeft gereedheid ${ready(p.status, f)} en loopt niet in de pas met deze inzet. Zet eerst de gereedheid goed.`,
  'hrc.dispatch.wrongType': (p, f) =>
    `${p.unit} is van het type ${f.name('unitType', p.type)}; de behoefte vraagt om ${f.name('unitType', p.wanted)}.`,
  'hrc.dispatch.notServing': (p, f) => `${p.unit} bedient ${island(p.island, f)} niet.`,
  'hrc.dispatch.overWeight': (p, f) =>
    `De lading, ${f.num(p.payload)} kg, is meer dan de ${f.num(p.capacity)} kg die de vervoerder kan meenemen.`,
  'hrc.dispatch.overVolume': (p, f) =>
    `De lading, ${f.num(p.payload)} m³, is meer dan de ${f.num(p.capacity)} m³ die de vervoerder kan meenemen.`,
  'hrc.dispatch.overNeed': (p, f) =>
    `De behoefte vraagt om ${f.num(p.count)}; ${f.num(p.taken)} zijn al aangeboden of gestuurd, en hiermee komen er ${f.num(p.adding)} bij.`,
}

function orderFacts(
  p: { etd: number; eta: number; zone: string; transport: string; carrier: string },
  f: Fmt,
) {
  return [
    `Vertrek (ETD):  ${when(p.etd, p.zone, f)}`,
    `Aankomst (ETA): ${when(p.eta, p.zone, f)}`,
    `Vervoer:        ${f.name('transport', p.transport)}${p.carrier ? `, ${p.carrier}` : ''}`,
  ]
}

type NoticeParams = Extract<HrcMail, { code: 'hrc.mail.dispatch.ordered' }>['params']
function noticeBody(p: NoticeParams, f: Fmt): string[] {
  return [
    'Eenheden:',
    ...p.units.map((code, i) => `- ${code} ${p.names[i]} (${f.name('unitType', p.types[i]!)})`),
    `Personen:       ${f.num(p.people)}`,
    `Materieel:      ${f.num(p.weightKg)} kg, ${f.num(p.volumeM3)} m³`,
    ...orderFacts(p, f),
    `Gestuurd door:  ${p.by}`,
  ]
}

type StepParams = Extract<HrcMail, { code: 'hrc.mail.dispatch.step' }>['params']
const STEP: Record<string, (p: StepParams, f: Fmt) => string> = {
  offered: (p, f) =>
    `${p.by} heeft ${units(p.units, f)} aangeboden aan ${island(p.island, f)}. Het eiland accepteert of wijst af.`,
  ordered: (p, f) =>
    `${p.by} heeft ${units(p.units, f)} naar ${island(p.island, f)} gestuurd (voorpositionering). De eenheden mobiliseren nu.`,
  accepted: (p, f) =>
    `${island(p.island, f)} heeft ${units(p.units, f)} geaccepteerd. De eenheden mobiliseren nu.`,
  declined: (p, f) => `${island(p.island, f)} heeft ${units(p.units, f)} afgewezen.`,
  in_transit: (p, f) => `${units(p.units, f)} zijn onderweg naar ${island(p.island, f)}.`,
  arrived: (p, f) =>
    `${units(p.units, f)} zijn aangekomen op ${island(p.island, f)}${p.onBehalf ? ` (vastgelegd door ${p.by} namens het eiland)` : ' (bevestigd door het eiland)'}.`,
  released: (p, f) =>
    `${island(p.island, f)} heeft ${units(p.units, f)} vrijgegeven. Ze demobiliseren en keren terug.`,
  returned: (p, f) => `${units(p.units, f)} zijn terug van ${island(p.island, f)} en staan weer stand-by.`,
  cancelled: (p, f) =>
    `De inzet van ${units(p.units, f)} naar ${island(p.island, f)} is geannuleerd${
      p.cause === 'request_withdrawn'
        ? ', omdat het eiland het verzoek heeft ingetrokken'
        : p.cause === 'request_rejected'
          ? ', omdat LOCC-KCR2 het verzoek heeft afgewezen'
          : ''
    }.`,
}

const mails: MailCatalogue<HrcMail> = {
  'hrc.mail.readiness': (p, f) => ({
    subject:
      p.units.length === 1
        ? `${p.units[0]}: ${f.name('readiness', p.from[0]!)} → ${f.name('readiness', p.to[0]!)}`
        : `Gereedheid van ${f.num(p.units.length)} HRC-eenheden gewijzigd${p.threat ? ` (${p.threat})` : ''}`,
    text: [
      `${p.by} heeft de gereedheid van HRC-eenheden gewijzigd${p.threat ? ` vanwege ${p.threat}` : ''}, ${when(p.at, ZONE, f)}.`,
      '',
      ...p.units.map(
        (code, i) =>
          `- ${code} ${p.names[i]}: ${f.name('readiness', p.from[i]!)} → ${f.name('readiness', p.to[i]!)}`,
      ),
      '',
      `Het gereedheidsoverzicht: ${p.url}`,
      '',
    ].join('\n'),
  }),
  'hrc.mail.dispatch.offered': (p, f) => ({
    subject: `Aanbod: ${f.plural(p.units.length, '# HRC-eenheid', '# HRC-eenheden')} voor ${island(p.island, f)} – accepteren of afwijzen`,
    text: [
      `USAR.NL biedt ${island(p.island, f)} HRC-eenheden aan${p.request ? ` voor uw verzoek "${p.request}"` : ''}${
        p.unitType && p.needCount ? ` (${f.num(p.needCount)} × ${f.name('unitType', p.unitType)})` : ''
      }.`,
      `Accepteer of wijs het aanbod af: ${p.url}`,
      '',
      ...noticeBody(p, f),
      '',
    ].join('\n'),
  }),
  'hrc.mail.dispatch.ordered': (p, f) => ({
    subject: `HRC-eenheden komen naar ${island(p.island, f)} (voorpositionering)`,
    text: [
      `USAR.NL plaatst alvast HRC-eenheden op ${island(p.island, f)} (voorpositionering). Dit is ter informatie; u hoeft niets te beslissen.`,
      '',
      ...noticeBody(p, f),
      '',
      `De inzet: ${p.url}`,
      '',
    ].join('\n'),
  }),
  'hrc.mail.dispatch.step': (p, f) => ({
    subject: `${f.name('dispatch', p.status)}: ${units(p.units, f)} – ${island(p.island, f)}`,
    text: [
      STEP[p.status]?.(p, f) ?? '',
      ...(p.reason ? ['', p.status === 'released' ? 'Opmerking:' : 'Reden:', p.reason] : []),
      '',
      ...orderFacts(p, f),
      `Door:           ${p.by}, ${when(p.at, p.zone, f)}`,
      '',
      `De inzet: ${p.url}`,
      '',
    ].join('\n'),
  }),
}

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v))
const field = (p: AuditParams, key: string) => s(p.after?.[key] ?? p.before?.[key])
const list = (v: unknown, f: Fmt) => (Array.isArray(v) ? f.list(v.map(String)) : s(v))

function readinessSentence(p: AuditParams, f: Fmt): string {
  const from = s(p.before?.readiness) as never
  const to = s(p.after?.readiness) as never
  const code = field(p, 'code')
  if (isRaise(from, to)) return `${p.actor} verhoogde ${code} van ${ready(from, f)} naar ${ready(to, f)}`
  if (isRaise(to, from)) return `${p.actor} verlaagde ${code} van ${ready(from, f)} naar ${ready(to, f)}`
  return `${p.actor} zette ${code} van ${ready(from, f)} naar ${ready(to, f)}`
}

const audit: AuditCatalogue<HrcAuditAction> = {
  'audit.hrc.unit.created': (p) => `${p.actor} voegde HRC-eenheid ${field(p, 'code')} toe`,
  'audit.hrc.unit.updated': (p) => `${p.actor} wijzigde HRC-eenheid ${field(p, 'code')}`,
  'audit.hrc.unit.readiness': readinessSentence,
  'audit.hrc.threat.recorded': (p, f) =>
    `${p.actor} legde de dreiging ${field(p, 'name')} vast (${f.name('storm', field(p, 'category')).toLowerCase()})`,
  'audit.hrc.threat.updated': (p) =>
    `${p.actor} voerde een nieuw advies in voor ${field(p, 'name')}${p.after?.number ? ` (nummer ${s(p.after.number)})` : ''}`,
  'audit.hrc.threat.closed': (p) => `${p.actor} sloot de dreiging ${field(p, 'name')}`,
  'audit.hrc.dispatch.offered': (p, f) =>
    `${p.actor} bood ${list(p.after?.units, f)} aan aan ${island(field(p, 'island'), f)}`,
  'audit.hrc.dispatch.ordered': (p, f) =>
    `${p.actor} stuurde ${list(p.after?.units, f)} naar ${island(field(p, 'island'), f)} (voorpositionering)`,
  'audit.hrc.dispatch.accepted': (p) => `${p.actor} accepteerde de aangeboden HRC-eenheden`,
  'audit.hrc.dispatch.declined': (p) =>
    `${p.actor} wees de aangeboden HRC-eenheden af: ${s(p.after?.reason)}`,
  'audit.hrc.dispatch.in_transit': (p, f) =>
    `${p.actor} liet de HRC-eenheden vertrekken naar ${island(field(p, 'island'), f)}`,
  'audit.hrc.dispatch.arrived': (p, f) =>
    p.after?.onBehalf
      ? `${p.actor} legde de aankomst op ${island(field(p, 'island'), f)} vast namens het eiland`
      : `${p.actor} bevestigde de aankomst van de HRC-eenheden`,
  'audit.hrc.dispatch.released': (p) => `${p.actor} gaf de HRC-eenheden vrij`,
  'audit.hrc.dispatch.returned': (p, f) =>
    `${p.actor} legde vast dat de HRC-eenheden terug zijn van ${island(field(p, 'island'), f)}`,
  'audit.hrc.dispatch.cancelled': (p, f) =>
    `${p.actor} annuleerde de HRC-inzet naar ${island(field(p, 'island'), f)}${
      p.after?.cause === 'request_withdrawn'
        ? ' (verzoek ingetrokken)'
        : p.after?.cause === 'request_rejected'
          ? ' (verzoek afgewezen)'
          : ''
    }`,
}

export const hrc = { ...messages, ...mails, ...audit }
