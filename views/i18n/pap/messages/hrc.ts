/** Papiamentu (Curaçao spelling) renderings of the HRC core's messages, mails and audit sentences; tsc fails when one is missing. */
import type { HrcAuditAction, HrcMail, HrcMessage } from '../../../../pool/hrc/index.ts'
import { isRaise } from '../../../../pool/hrc/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue, MailCatalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'

const ZONE = 'America/Kralendijk'
const WHO: Record<string, string> = {
  dispatcher: 'e dispatcher (USAR.NL)',
  coordinator: 'un koordinadó (LOCC-KCR2)',
  island: 'e isla',
}
const who = (codes: readonly string[]) => codes.map((c) => WHO[c] ?? c).join(' òf ')
const units = (codes: readonly string[], f: Fmt) => f.list([...codes])
const island = (code: string, f: Fmt) => f.name('island', code)
const when = (at: number, zone: string, f: Fmt) => `${f.moment(at, zone)} (ora lokal)`
const ready = (code: string, f: Fmt) => `‘${f.name('readiness', code)}’`
const state = (code: string, f: Fmt) => `‘${f.name('dispatch', code)}’`

const messages: Catalogue<HrcMessage> = {
  'hrc.field.required': 'Yena esaki.',
  'hrc.field.text': 'Skirbi teksto akí.',
  'hrc.field.object': 'Esaki mester ta un grupo di kampo.',
  'hrc.field.list': 'Duna un lista di kódigo.',
  'hrc.field.email': 'Skirbi un adrès di e-mail, manera nòmber@ehèmpel.org.',
  'hrc.field.phone': 'Skirbi un number di telefòn: sifra, espasio i un + na kuminsamentu.',
  'hrc.field.moment':
    'Skirbi un fecha i ora, por ehèmpel 2026-09-06T14:00 (ora di isla) òf 2026-09-06T18:00Z.',
  'hrc.field.tooLong': (p, f) => `Usa maksimo ${f.num(p.max)} karakter (awor ${f.num(p.length)}).`,
  'hrc.field.number': (p, f) => `Duna un number di ${f.num(p.min)} te ku ${f.num(p.max)}.`,
  'hrc.field.whole': (p, f) => `Duna un number entero di ${f.num(p.min)} te ku ${f.num(p.max)}.`,
  'hrc.field.unknown': 'Kódigo deskonosí "{value}".',
  'hrc.field.unknownCodes': (p, f) => `Deskonosí: ${f.list([...p.codes])}.`,
  'hrc.unit.notFound': 'No a haña e unidat HRC.',
  'hrc.unit.keeperOnly': 'Ta djis e dispatcher (USAR.NL) ta maneha e unidatnan HRC.',
  'hrc.unit.codeShape':
    'Un kódigo tin 2 te 20 lèter grandi, sifra i rayita, i ta kuminsá ku un lèter, por ehèmpel LUSAR-3.',
  'hrc.unit.codeTaken': 'Otro unidat tin e kódigo {code} kaba.',
  'hrc.unit.stale':
    '{unit} a kambia desde ku bo a habri e página. Karga e página di nobo i hasi bo kambio atrobe.',
  'hrc.ladder.readOnly': 'Ku bo kuenta bo por mira e preparashon, pero no kambi’é.',
  'hrc.ladder.unknown': 'Nivel di preparashon deskonosí "{value}".',
  'hrc.ladder.already': (p, f) => `${p.unit} tin e nivel ${ready(p.status, f)} kaba.`,
  'hrc.ladder.notAllowed': (p, f) => `${p.unit} no por pasa di ${ready(p.from, f)} pa ${ready(p.to, f)}.`,
  'hrc.ladder.notRaise': (p, f) =>
    `${p.unit} tin e nivel ${ready(p.from, f)}: un menasa por subi e nivel so, no pon’é na ${ready(p.to, f)}.`,
  'hrc.ladder.forbidden': (p, f) =>
    `Ta djis ${who(p.roles)} por pasa un unidat di ${ready(p.from, f)} pa ${ready(p.to, f)}.`,
  'hrc.ladder.inDispatch': (p, f) =>
    `${p.unit} ta den un envio (${state(p.dispatch, f)}): su preparashon ta sigui e envio.`,
  'hrc.ladder.stale': (p, f) =>
    `${p.unit} a kambia desde ku bo a habri e página; awor e tin e nivel ${ready(p.status, f)}. Karga e página di nobo.`,
  'hrc.threat.notFound': 'No a haña e menasa.',
  'hrc.threat.keepersOnly': 'Ta djis un dispatcher òf un koordinadó ta registrá i aktualisá menasanan.',
  'hrc.threat.oneSource':
    'Duna un di esakinan: un ruta pronostiká, e teksto di un aviso di NHC, òf estimashonnan pa isla.',
  'hrc.threat.trackEmpty': 'Duna por lo ménos un punto di e ruta.',
  'hrc.threat.trackTwice': 'Dos punto di e ruta tin mesun ora.',
  'hrc.threat.islandsEmpty': 'Duna por lo ménos un isla.',
  'hrc.advisory.noTrack':
    'No a haña ningun posishon. Pega henter e forecast/advisory, ku e liñanan "CENTER LOCATED NEAR" i "FORECAST VALID".',
  'hrc.threat.trackLong': 'Un ruta tin maksimo {max} punto.',
  'hrc.threat.islandTwice': (p, f) => `${island(p.island, f)} ta aparesé dos biaha.`,
  'hrc.threat.closed': 'E menasa {threat} ta será.',
  'hrc.threat.stale':
    'Tin un aviso mas nobo pa {threat} desde ku bo a habri e página. Karga e página di nobo.',
  'hrc.threat.unitTwice': '{unit} ta aparesé dos biaha.',
  'hrc.proposal.ts_winds': (p, f) =>
    `${p.unit} pa ${ready(p.status, f)}: bientu di forsa di tormenta tropikal por alkansá ${island(p.island, f)} aden di ${f.num(Math.round(p.hours))} ora (den ${p.within} ora).`,
  'hrc.proposal.closest_approach': (p, f) =>
    `${p.unit} pa ${ready(p.status, f)}: e tormenta ta pasa mas serka di ${island(p.island, f)} aden di ${f.num(Math.round(p.hours))} ora (den ${p.within} ora).`,
  'hrc.dispatch.notFound': 'No a haña e òrdu di envio.',
  'hrc.dispatch.dispatcherOnly': 'Ta djis e dispatcher (USAR.NL) ta manda unidatnan HRC.',
  'hrc.dispatch.needNotFound': 'No a haña e nesesidat di kapasidat ei.',
  'hrc.dispatch.noUnits': 'Skohe por lo ménos un unidat.',
  'hrc.dispatch.etaBeforeEtd': 'E yegada no por ta promé ku e salida.',
  'hrc.dispatch.reasonRequired': 'Duna un motibu: e otro partidonan lo les’é.',
  'hrc.dispatch.tooManyUnits': 'Manda maksimo {max} unidat den un òrdu.',
  'hrc.dispatch.unknownStep': 'Paso deskonosí "{value}".',
  'hrc.dispatch.forbidden': (p, f) => `Ta djis ${who(p.movers)} por pone e envio aki na ${state(p.to, f)}.`,
  'hrc.dispatch.already': (p, f) => `E envio aki ta ${state(p.status, f)} kaba.`,
  'hrc.dispatch.notAllowed': (p, f) =>
    `E envio aki ta ${state(p.from, f)}, p’esei e no por bira ${state(p.to, f)}.`,
  'hrc.dispatch.stale': (p, f) =>
    `E envio aki a kambia desde ku bo a habri e página; awor e ta ${state(p.status, f)}. Karga e página di nobo.`,
  'hrc.dispatch.needIsland': (p, f) => `E nesesidat ei ta di ${island(p.island, f)}: manda e unidatnan ayá.`,
  'hrc.dispatch.requestNotOpen': (p, f) =>
    `E petishon ta ‘${f.name('status', p.status)}’: unidatnan ta bai so pa un petishon ku nan a tuma den tratamentu òf ku ta na ehekushon.`,
  'hrc.dispatch.unitBusy': (p, f) => `${p.unit} ta den otro envio kaba (${state(p.status, f)}).`,
  'hrc.dispatch.unitNotReady': (p, f) =>
    `${p.unit} tin e nivel ${ready(p.status, f)}: ta djis un unidat na stand-by, pre-alerta, alerta òf den mobilisashon por wòrdu mandá.`,
  'hrc.dispatch.unitOutOfStep': (p, f) =>
    `${p.unit} tin e nivel ${ready(p.status, f)} i no ta kuadra ku e envio aki. Pone su preparashon korekto promé.`,
  'hrc.dispatch.wrongType': (p, f) =>
    `${p.unit} ta di tipo ${f.name('unitType', p.type)}; e nesesidat ta pidi ${f.name('unitType', p.wanted)}.`,
  'hrc.dispatch.notServing': (p, f) => `${p.unit} no ta sirbi ${island(p.island, f)}.`,
  'hrc.dispatch.overWeight': (p, f) =>
    `E karga, ${f.num(p.payload)} kg, ta mas ku e ${f.num(p.capacity)} kg ku e transportista por hiba.`,
  'hrc.dispatch.overVolume': (p, f) =>
    `E karga, ${f.num(p.payload)} m³, ta mas ku e ${f.num(p.capacity)} m³ ku e transportista por hiba.`,
  'hrc.dispatch.overNeed': (p, f) =>
    `E nesesidat ta pidi ${f.num(p.count)}; ${f.num(p.taken)} a wòrdu ofresí òf mandá kaba, i esaki ta agregá ${f.num(p.adding)}.`,
}

function orderFacts(
  p: { etd: number; eta: number; zone: string; transport: string; carrier: string },
  f: Fmt,
) {
  return [
    `Salida (ETD):  ${when(p.etd, p.zone, f)}`,
    `Yegada (ETA):  ${when(p.eta, p.zone, f)}`,
    `Transporte:    ${f.name('transport', p.transport)}${p.carrier ? `, ${p.carrier}` : ''}`,
  ]
}

type NoticeParams = Extract<HrcMail, { code: 'hrc.mail.dispatch.ordered' }>['params']
function noticeBody(p: NoticeParams, f: Fmt): string[] {
  return [
    'Unidatnan:',
    ...p.units.map((code, i) => `- ${code} ${p.names[i]} (${f.name('unitType', p.types[i]!)})`),
    `Hende:         ${f.num(p.people)}`,
    `Ekipo:         ${f.num(p.weightKg)} kg, ${f.num(p.volumeM3)} m³`,
    ...orderFacts(p, f),
    `Mandá dor di:  ${p.by}`,
  ]
}

type StepParams = Extract<HrcMail, { code: 'hrc.mail.dispatch.step' }>['params']
const STEP: Record<string, (p: StepParams, f: Fmt) => string> = {
  offered: (p, f) =>
    `${p.by} a ofresé ${units(p.units, f)} na ${island(p.island, f)}. E isla ta asepta òf rechasá.`,
  ordered: (p, f) =>
    `${p.by} a manda ${units(p.units, f)} pa ${island(p.island, f)} (pre-posishonamentu). E unidatnan ta mobilisá awor.`,
  accepted: (p, f) => `${island(p.island, f)} a asepta ${units(p.units, f)}. E unidatnan ta mobilisá awor.`,
  declined: (p, f) => `${island(p.island, f)} a rechasá ${units(p.units, f)}.`,
  in_transit: (p, f) => `${units(p.units, f)} ta na kaminda pa ${island(p.island, f)}.`,
  arrived: (p, f) =>
    `${units(p.units, f)} a yega ${island(p.island, f)}${p.onBehalf ? ` (registrá dor di ${p.by} na nòmber di e isla)` : ' (konfirmá dor di e isla)'}.`,
  released: (p, f) => `${island(p.island, f)} a libra ${units(p.units, f)}. Nan ta demobilisá i bolbe.`,
  returned: (p, f) => `${units(p.units, f)} a bolbe for di ${island(p.island, f)} i ta na stand-by atrobe.`,
  cancelled: (p, f) =>
    `E envio di ${units(p.units, f)} pa ${island(p.island, f)} a wòrdu kanselá${
      p.cause === 'request_withdrawn'
        ? ', pasobra e isla a retirá su petishon'
        : p.cause === 'request_rejected'
          ? ', pasobra LOCC-KCR2 a rechasá e petishon'
          : ''
    }.`,
}

const mails: MailCatalogue<HrcMail> = {
  'hrc.mail.readiness': (p, f) => ({
    subject:
      p.units.length === 1
        ? `${p.units[0]}: ${f.name('readiness', p.from[0]!)} → ${f.name('readiness', p.to[0]!)}`
        : `Preparashon di ${f.num(p.units.length)} unidat HRC a kambia${p.threat ? ` (${p.threat})` : ''}`,
    text: [
      `${p.by} a kambia e preparashon di unidatnan HRC${p.threat ? ` pa motibu di ${p.threat}` : ''}, ${when(p.at, ZONE, f)}.`,
      '',
      ...p.units.map(
        (code, i) =>
          `- ${code} ${p.names[i]}: ${f.name('readiness', p.from[i]!)} → ${f.name('readiness', p.to[i]!)}`,
      ),
      '',
      `E tabel di preparashon: ${p.url}`,
      '',
    ].join('\n'),
  }),
  'hrc.mail.dispatch.offered': (p, f) => ({
    subject: `Oferta: ${f.plural(p.units.length, '# unidat HRC', '# unidat HRC')} pa ${island(p.island, f)} – asepta òf rechasá`,
    text: [
      `USAR.NL ta ofresé ${island(p.island, f)} unidatnan HRC${p.request ? ` pa bo petishon "${p.request}"` : ''}${
        p.unitType && p.needCount ? ` (${f.num(p.needCount)} × ${f.name('unitType', p.unitType)})` : ''
      }.`,
      `Asepta òf rechasá e oferta: ${p.url}`,
      '',
      ...noticeBody(p, f),
      '',
    ].join('\n'),
  }),
  'hrc.mail.dispatch.ordered': (p, f) => ({
    subject: `Unidatnan HRC ta bini ${island(p.island, f)} (pre-posishonamentu)`,
    text: [
      `USAR.NL ta posishoná unidatnan HRC na ${island(p.island, f)} di antemano (pre-posishonamentu). Esaki ta pa bo informashon; bo no mester disidí nada.`,
      '',
      ...noticeBody(p, f),
      '',
      `E envio: ${p.url}`,
      '',
    ].join('\n'),
  }),
  'hrc.mail.dispatch.step': (p, f) => ({
    subject: `${f.name('dispatch', p.status)}: ${units(p.units, f)} – ${island(p.island, f)}`,
    text: [
      STEP[p.status]?.(p, f) ?? '',
      ...(p.reason ? ['', p.status === 'released' ? 'Nota:' : 'Motibu:', p.reason] : []),
      '',
      ...orderFacts(p, f),
      `Dor di:        ${p.by}, ${when(p.at, p.zone, f)}`,
      '',
      `E envio: ${p.url}`,
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
  if (isRaise(from, to)) return `${p.actor} a subi ${code} di ${ready(from, f)} pa ${ready(to, f)}`
  if (isRaise(to, from)) return `${p.actor} a baha ${code} di ${ready(from, f)} pa ${ready(to, f)}`
  return `${p.actor} a pasa ${code} di ${ready(from, f)} pa ${ready(to, f)}`
}

const audit: AuditCatalogue<HrcAuditAction> = {
  'audit.hrc.unit.created': (p) => `${p.actor} a agregá unidat HRC ${field(p, 'code')}`,
  'audit.hrc.unit.updated': (p) => `${p.actor} a kambia unidat HRC ${field(p, 'code')}`,
  'audit.hrc.unit.readiness': readinessSentence,
  'audit.hrc.threat.recorded': (p, f) =>
    `${p.actor} a registrá e menasa ${field(p, 'name')} (${f.name('storm', field(p, 'category')).toLowerCase()})`,
  'audit.hrc.threat.updated': (p) =>
    `${p.actor} a drenta un aviso nobo pa ${field(p, 'name')}${p.after?.number ? ` (number ${s(p.after.number)})` : ''}`,
  'audit.hrc.threat.closed': (p) => `${p.actor} a sera e menasa ${field(p, 'name')}`,
  'audit.hrc.dispatch.offered': (p, f) =>
    `${p.actor} a ofresé ${list(p.after?.units, f)} na ${island(field(p, 'island'), f)}`,
  'audit.hrc.dispatch.ordered': (p, f) =>
    `${p.actor} a manda ${list(p.after?.units, f)} pa ${island(field(p, 'island'), f)} (pre-posishonamentu)`,
  'audit.hrc.dispatch.accepted': (p) => `${p.actor} a asepta e unidatnan HRC ofresí`,
  'audit.hrc.dispatch.declined': (p) => `${p.actor} a rechasá e unidatnan HRC ofresí: ${s(p.after?.reason)}`,
  'audit.hrc.dispatch.in_transit': (p, f) =>
    `${p.actor} a laga e unidatnan HRC sali pa ${island(field(p, 'island'), f)}`,
  'audit.hrc.dispatch.arrived': (p, f) =>
    p.after?.onBehalf
      ? `${p.actor} a registrá e yegada na ${island(field(p, 'island'), f)} na nòmber di e isla`
      : `${p.actor} a konfirmá e yegada di e unidatnan HRC`,
  'audit.hrc.dispatch.released': (p) => `${p.actor} a libra e unidatnan HRC`,
  'audit.hrc.dispatch.returned': (p, f) =>
    `${p.actor} a registrá ku e unidatnan HRC a bolbe for di ${island(field(p, 'island'), f)}`,
  'audit.hrc.dispatch.cancelled': (p, f) =>
    `${p.actor} a kansela e envio HRC pa ${island(field(p, 'island'), f)}${
      p.after?.cause === 'request_withdrawn'
        ? ' (petishon retirá)'
        : p.after?.cause === 'request_rejected'
          ? ' (petishon rechasá)'
          : ''
    }`,
}

export const hrc = { ...messages, ...mails, ...audit }
