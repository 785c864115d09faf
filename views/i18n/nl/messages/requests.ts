/** Dutch for the request rules' messages, the mails of a request's life, and its history; tsc checks every code. */
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

/** Where a request is (after "Dit verzoek is …"), and what cannot become of it (after "kan niet …"). */
const STATE: Record<RequestStatus, string> = {
  draft: 'nog een concept',
  submitted: 'ingediend',
  acknowledged: 'in behandeling genomen',
  in_progress: 'in uitvoering',
  closed: 'afgesloten',
  rejected: 'afgewezen',
  withdrawn: 'ingetrokken',
}
const DONE: Record<RequestStatus, string> = {
  draft: 'worden teruggezet naar concept',
  submitted: 'worden ingediend',
  acknowledged: 'in behandeling worden genomen',
  in_progress: 'in uitvoering worden gezet',
  closed: 'worden afgesloten',
  rejected: 'worden afgewezen',
  withdrawn: 'worden ingetrokken',
}
const ACT: Record<RequestStatus, string> = {
  draft: 'het terugzetten naar concept',
  submitted: 'dit verzoek indienen',
  acknowledged: 'dit verzoek in behandeling nemen',
  in_progress: 'dit verzoek in uitvoering zetten',
  closed: 'dit verzoek afsluiten',
  rejected: 'dit verzoek afwijzen',
  withdrawn: 'dit verzoek intrekken',
}
const WHO: Record<Mover, string> = {
  island: 'het eiland dat om bijstand vroeg',
  coordinator: 'een coördinator van LOCC-KCR2',
  coordinator_on_behalf: 'een coördinator (bij een verzoek dat namens het eiland is gedaan)',
}
const MISSING: Record<SubmitField, string> = {
  title: 'Geef het verzoek een titel.',
  situation: 'Beschrijf de situatie voordat u het verzoek indient.',
  periodStart: 'Geef de eerste dag waarop hulp nodig is.',
  periodEnd: 'Geef de laatste dag waarop hulp nodig is.',
  contact: 'Geef een contactpersoon, zodat LOCC-KCR2 u kan bereiken.',
  needs: 'Voeg minstens één behoefte toe voordat u het verzoek indient.',
}

export const requestMessages: Catalogue<RequestMessage> = {
  'requests.notObject': 'Stuur het verzoek als een object met velden.',
  'requests.island.ownOnly': 'U kunt alleen voor uw eigen eiland een verzoek doen.',
  'requests.island.notLinked': 'Uw account is niet gekoppeld aan een eiland.',
  'requests.island.choose': 'Kies het eiland waarvoor dit verzoek is.',
  'requests.island.unknown': 'Onbekend eiland "{value}".',
  'requests.island.notAllowed':
    'Alleen de crisisteams van de eilanden en de coördinatoren kunnen een verzoek doen.',
  'requests.title.required': 'Geef het verzoek een korte titel.',
  'requests.phase.choose': 'Kies de fase: warm (respons) of koud (voorbereiding).',
  'requests.priority.choose': 'Kies de prioriteit: urgent, hoog of normaal.',
  'requests.incident.choose': 'Kies een open incident, of geen.',
  'requests.needs.notList': 'Geef de behoeften als een lijst.',
  'requests.needs.tooMany': (p, f) =>
    `Een verzoek kan hoogstens ${f.num(p.max)} behoeften bevatten; doe een tweede verzoek voor meer.`,
  'requests.need.notObject': 'Elke behoefte moet een object zijn met een soort (kind).',
  'requests.need.kind': 'Kies een soort behoefte: functionaris, HRC-capaciteit of overig.',
  'requests.need.description': 'Beschrijf wat er nodig is.',
  'requests.need.quantity': (p, f) =>
    `Geef een hoeveelheid: een geheel getal van 1 tot en met ${f.num(p.max)}.`,
  'requests.need.unitType': 'Kies een soort HRC-eenheid.',
  'requests.need.unknownUnitType': 'Onbekende soort HRC-eenheid "{value}".',
  'requests.need.countUnits': (p, f) =>
    `Geef het aantal eenheden: een geheel getal van 1 tot en met ${f.num(p.max)}.`,
  'requests.need.role': 'Kies een rol.',
  'requests.need.unknownRole': 'Onbekende rol "{value}".',
  'requests.need.countPeople': (p, f) =>
    `Geef het aantal personen: een geheel getal van 1 tot en met ${f.num(p.max)}.`,
  'requests.need.minLevel': 'Kies het minimumniveau: in opleiding, gekwalificeerd of senior.',
  'requests.need.outsidePeriod': (p, f) =>
    `Houd deze behoefte binnen de periode van het verzoek, ${f.period(p.start, p.end)}.`,
  'requests.notFound': 'Verzoek niet gevonden.',
  'requests.readOnly': 'Uw account kan geen verzoeken wijzigen.',
  'requests.transition.unknown': (p) =>
    p.to in DONE
      ? `Een verzoek kan niet ${DONE[p.to as RequestStatus]}.`
      : `Een verzoek kan niet naar "${p.to}" worden verplaatst.`,
  'requests.transition.notYours': (p) => `Alleen ${p.by.map((m) => WHO[m]).join(' of ')} kan ${ACT[p.to]}.`,
  'requests.transition.already': (p) => `Dit verzoek is al ${STATE[p.status]}.`,
  'requests.transition.from': (p) => `Dit verzoek is ${STATE[p.status]} en kan daarom niet ${DONE[p.to]}.`,
  'requests.transition.stale': (p) =>
    `Dit verzoek is gewijzigd sinds u het opende; het is nu ${STATE[p.status]}. Laad de pagina opnieuw om de wijzigingen te zien.`,
  'requests.reason.required': (p) =>
    p.to === 'rejected'
      ? 'Geef een reden: het eiland krijgt die te lezen.'
      : 'Geef een reden: de coördinatoren krijgen die te lezen.',
  'requests.reason.tooLong': (p, f) => `Gebruik voor de reden hoogstens ${f.num(p.max)} tekens.`,
  'requests.submit.missing': (p) => MISSING[p.field],
  'requests.submit.incomplete': (p) => p.missing.map((field) => MISSING[field]).join(' '),
  'requests.progress.nothingFilled':
    'Er is nog niets ingevuld: een verzoek is in uitvoering zodra er een persoon of eenheid aan is toegewezen.',
  'requests.edit.notYours':
    'Alleen het eiland dat om bijstand vroeg kan dit verzoek wijzigen (of een coördinator die het namens het eiland heeft gedaan).',
  'requests.edit.closed': (p) => `Dit verzoek is ${STATE[p.status]}; het kan niet meer worden gewijzigd.`,
  'requests.edit.stale':
    'Dit verzoek is gewijzigd sinds u het opende. Laad de pagina opnieuw en breng uw wijziging daarna opnieuw aan.',
  'requests.lostRace': 'Iemand anders heeft dit verzoek net eerder gewijzigd.',
}

const PREFIX: Record<Priority, string> = { urgent: 'URGENT – ', high: 'HOOG – ', normal: '' }

function facts(p: RequestFacts, f: Fmt): string[] {
  return [
    `Eiland:      ${f.name('island', p.island)} (${p.island})`,
    `Titel:       ${p.title}`,
    `Prioriteit:  ${f.name('priority', p.priority)}`,
    `Fase:        ${f.name('phase', p.phase)}`,
    `Periode:     ${f.period(p.periodStart, p.periodEnd)}`,
    ...(p.incident ? [`Incident:    ${p.incident}`] : []),
    ...(p.contact ? [`Contact:     ${p.contact}`] : []),
    '',
    'Behoeften:',
    ...(p.needs.length ? p.needs.map((n) => `- ${needLine(n, f)}`) : ['- geen']),
  ]
}

const FIELD_LABEL: Record<string, string> = {
  title: 'Titel',
  phase: 'Fase',
  priority: 'Prioriteit',
  periodStart: 'Eerste dag',
  periodEnd: 'Laatste dag',
  incidentId: 'Incident',
  contact: 'Contact',
}

function changeLine(c: ChangeFacts, f: Fmt): string {
  if (c.field === 'needs') {
    if (c.change === 'changed') return `Gewijzigde behoefte: ${needLine(c.was, f)} → ${needLine(c.need, f)}`
    return `${c.change === 'added' ? 'Nieuwe' : 'Vervallen'} behoefte: ${needLine(c.need, f)}`
  }
  if (c.field === 'situation') return 'Situatie: herschreven (de nieuwe tekst staat hieronder)'
  const v = (x: string | null) => fieldValue(c.field, x, f, '(geen)')
  return `${FIELD_LABEL[c.field]}: ${v(c.before)} → ${v(c.after)}`
}

export const requestMails: MailCatalogue<RequestMail> = {
  'requests.mail.submitted': (p, f) => {
    const island = f.name('island', p.island)
    const by = p.onBehalf ? `${p.actor} (LOCC-KCR2, namens ${island})` : p.actor
    return {
      subject: `${PREFIX[p.priority]}${island} vraagt om ${p.needs.length ? needSummary(p.needs, f) : 'bijstand'}`,
      text: lines(
        `${island} vraagt om bijstand. Ingediend door ${by}.`,
        '',
        ...facts(p, f),
        '',
        'Situatie:',
        p.situation,
        '',
        `Neem het in behandeling of wijs het af: ${p.link}`,
      ),
    }
  },
  'requests.mail.acknowledged': (p, f) => ({
    subject: `In behandeling – LOCC-KCR2 heeft uw verzoek opgepakt: ${p.title}`,
    text: lines(
      `${p.actor} van LOCC-KCR2 heeft het verzoek van ${f.name('island', p.island)} in behandeling genomen: "${p.title}".`,
      'LOCC-KCR2 zoekt nu mensen en eenheden. Elk aanbod komt bij u, om te aanvaarden of af te wijzen.',
      '',
      ...facts(p, f),
      '',
      `Volg het hier: ${p.link}`,
    ),
  }),
  'requests.mail.rejected': (p, f) => ({
    subject: `Afgewezen – uw verzoek: ${p.title}`,
    text: lines(
      `${p.actor} van LOCC-KCR2 heeft het verzoek van ${f.name('island', p.island)} afgewezen: "${p.title}".`,
      '',
      'Reden:',
      p.reason,
      '',
      'Bel LOCC-KCR2 als de behoefte blijft; u kunt altijd een nieuw verzoek doen.',
      `Het verzoek: ${p.link}`,
    ),
  }),
  'requests.mail.withdrawn': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Ingetrokken – ${island} heeft zijn verzoek ingetrokken: ${p.title}`,
      text: lines(
        `${p.actor} heeft het verzoek van ${island} ingetrokken: "${p.title}".`,
        '',
        'Reden:',
        p.reason,
        '',
        'Stop elke zoektocht of elk aanbod hiervoor.',
        `Het verzoek: ${p.link}`,
      ),
    }
  },
  'requests.mail.closed': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Afgesloten – het verzoek van ${island}: ${p.title}`,
      text: lines(
        `${p.actor} heeft het verzoek van ${island} afgesloten: "${p.title}".`,
        ...(p.note ? ['', 'Toelichting:', p.note] : []),
        '',
        `Het verzoek: ${p.link}`,
      ),
    }
  },
  'requests.mail.edited': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Gewijzigd – ${island} heeft zijn ingediende verzoek gewijzigd: ${p.title}`,
      text: lines(
        `${p.actor} heeft het verzoek van ${island} gewijzigd terwijl het wacht tot LOCC-KCR2 het in behandeling neemt.`,
        '',
        'Wat er is gewijzigd:',
        ...p.changes.map((c) => `- ${changeLine(c, f)}`),
        '',
        ...facts(p, f),
        ...(p.situation ? ['', 'Situatie:', p.situation] : []),
        '',
        `Neem het in behandeling of wijs het af zoals het nu is: ${p.link}`,
      ),
    }
  },
  'requests.mail.revised': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Gewijzigd – ${island} heeft zijn verzoek gewijzigd (versie ${p.revision}): ${p.title}`,
      text: lines(
        `${p.actor} heeft het verzoek van ${island} gewijzigd nadat LOCC-KCR2 het in behandeling nam. Dit is versie ${p.revision}.`,
        '',
        'Wat er is gewijzigd:',
        ...p.changes.map((c) => `- ${changeLine(c, f)}`),
        '',
        ...facts(p, f),
        ...(p.situation ? ['', 'Situatie:', p.situation] : []),
        '',
        `Bekijk het verzoek: ${p.link}`,
      ),
    }
  },
}

function needBrief(n: NeedBrief | null, f: Fmt): string {
  if (!n) return 'een behoefte'
  if (n.role) return roleCount(n.role, n.count, f)
  if (n.unitType) return unitCount(n.unitType, n.count, f)
  return `${n.count} × ${n.description ?? '…'}`
}

const NEED_CHANGE = {
  added: 'behoefte toegevoegd',
  removed: 'behoefte verwijderd',
  changed: 'behoefte gewijzigd',
}

function edits(p: AuditParams, f: Fmt): string {
  return requestChanges(p.before, p.after)
    .map((c) => {
      if (c.kind === 'need') return `${NEED_CHANGE[c.change]}: ${needBrief(c.need, f)}`
      if (c.field === 'situation') return 'situatie herschreven'
      const v = (x: string | null) => short(fieldValue(c.field, x, f, '—'))
      return `${f.name('fieldName', c.field)} ${v(c.before)} → ${v(c.after)}`
    })
    .join('; ')
}

/** "behoefte 2 (Informatiemanager)": een behoefte zoals een regel over een uitvraag haar noemt, zonder namen. */
function alertedNeed(p: AuditParams, f: Fmt): string {
  const { need, role } = (p.after ?? {}) as { need?: number | null; role?: string | null }
  if (!need) return 'een behoefte die niet meer in het verzoek staat'
  return role ? `behoefte ${need} (${f.role(role)})` : `behoefte ${need}`
}

export const requestAudit: AuditCatalogue<RequestAuditAction> = {
  'audit.request.created': (p) => `${p.actor} heeft het verzoek als concept aangemaakt`,
  'audit.request.submitted': (p) => `${p.actor} heeft het verzoek ingediend`,
  'audit.request.acknowledged': (p) => `${p.actor} heeft het verzoek in behandeling genomen`,
  'audit.request.in_progress': (p) => `${p.actor} heeft het verzoek in uitvoering gezet`,
  'audit.request.closed': (p) => `${p.actor} heeft het verzoek afgesloten`,
  'audit.request.rejected': (p) => `${p.actor} heeft het verzoek afgewezen`,
  'audit.request.withdrawn': (p) => `${p.actor} heeft het verzoek ingetrokken`,
  'audit.request.edited': (p, f) => `${p.actor} heeft het verzoek gewijzigd: ${edits(p, f)}`,
  'audit.request.revised': (p, f) =>
    `${p.actor} heeft het verzoek gewijzigd na de behandeling (versie ${p.after?.revision ?? '?'}): ${edits(p, f)}`,
  'audit.request.alerted': (p, f) =>
    `${p.actor} heeft ${f.plural(Number(p.after?.count ?? 1), '# persoon', '# personen')} gevraagd of ze beschikbaar zijn voor ${alertedNeed(p, f)}`,
  'audit.request.answered': (p, f) =>
    `Een gevraagde persoon voor ${alertedNeed(p, f)} antwoordde: ${p.after?.answer === 'available' ? 'beschikbaar' : 'niet beschikbaar'}`,
}
