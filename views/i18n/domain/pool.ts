/** Dutch for the messages of the pool: pool/fields.ts, functionaries.ts, functionary-decisions.ts, csv.ts, availability.ts, alerts.ts. */
import { ANSWER, levelNl, MEMBER_FIELD, num, phrase, stateOfCode, type Table } from './words.ts'

/** Article-and-noun for "Unknown …: x." — singular and plural (a list of codes). */
const UNKNOWN: Readonly<Record<string, [string, string]>> = {
  role: ['Onbekende rol', 'Onbekende rollen'],
  language: ['Onbekende taal', 'Onbekende talen'],
  island: ['Onbekend eiland', 'Onbekende eilanden'],
  base: ['Onbekende standplaats', 'Onbekende standplaatsen'],
}
const CODE_LIST: Readonly<Record<string, string>> = { language: 'taalcodes' }
const empty = (code: string) => (code === '(empty)' ? '(leeg)' : code)

export const pool: Table = {
  exact: {
    // pool/fields.ts: any field
    'Enter text here.': 'Vul hier tekst in.',
    'Enter a date as YYYY-MM-DD, for example 2026-09-06.':
      'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-09-06.',
    'Answer yes or no.': 'Antwoord met ja of nee.',
    // pool/functionaries.ts; role and level codes stay as typed in a CSV file
    'Give the roles as a list of role and level.': 'Geef de rollen als een lijst van rollen met hun niveau.',
    'Write each role as code:level, for example information_manager:senior.':
      'Schrijf elke rol als code:niveau, bijvoorbeeld information_manager:senior.',
    'Give at least one role with its level.': 'Geef minstens één rol met een niveau.',
    'Give the languages as a list of codes.': 'Geef de talen als een lijst van codes.',
    'Write each language as a code, or code:proficiency (en:fluent).':
      'Schrijf elke taal als code, of als code:taalniveau (en:fluent).',
    'Send the person as an object of fields.': 'Stuur de persoon als een object met velden.',
    'Enter the name.': 'Vul de naam in.',
    'Enter the e-mail address.': 'Vul het e-mailadres in.',
    'Use digits, spaces and + ( ) - . / only in the phone number.':
      'Een telefoonnummer bevat alleen cijfers, spaties en de tekens + ( ) - . en /.',
    'Choose the home base.': 'Kies de standplaats.',
    // pool/functionary-decisions.ts
    'Only LOCC-KCR2 coordinators keep the pool register.':
      'Alleen coördinatoren van LOCC-KCR2 houden het poolregister bij.',
    'This person was changed by someone else since you opened the page.':
      'Iemand anders heeft deze persoon gewijzigd sinds u de pagina opende.',
    'Profile not found.': 'Profiel niet gevonden.',
    // pool/csv.ts, and the one Papa Parse message that header-less parsing can still give
    'A quoted cell is not closed.': 'Een cel tussen aanhalingstekens is niet afgesloten.',
    'The file has no rows below the header.': 'Het bestand heeft geen rijen onder de kopregel.',
    'Trailing quote on quoted field is malformed':
      'Na het afsluitende aanhalingsteken van een cel staat nog tekst.',
    // pool/availability.ts
    'Send the period as an object of fields.': 'Stuur de periode als een object met velden.',
    'Enter the first day you are not available.': 'Vul de eerste dag in waarop u niet beschikbaar bent.',
    'Enter the last day you are not available.': 'Vul de laatste dag in waarop u niet beschikbaar bent.',
    'Choose a reason.': 'Kies een reden.',
    'This period is already over: enter days from today on.':
      'Deze periode is al voorbij: vul dagen in vanaf vandaag.',
    'Functionary not found.': 'Functionaris niet gevonden.',
    'Only LOCC-KCR2 coordinators and the person themself plan availability.':
      'Alleen coördinatoren van LOCC-KCR2 en de persoon zelf leggen de beschikbaarheid vast.',
    // pool/alerts.ts
    'Only LOCC-KCR2 coordinators send alerts.': 'Alleen coördinatoren van LOCC-KCR2 versturen alarmeringen.',
    'The deadline must lie in the future.': 'De deadline moet in de toekomst liggen.',
    'Give a deadline in the future.': 'Geef een deadline in de toekomst.',
    'Choose at least one person.': 'Kies minstens één persoon.',
    'The deadline for this question has passed.': 'De deadline voor deze vraag is verstreken.',
    'Choose available or not available.': 'Kies beschikbaar of niet beschikbaar.',
  },
  rules: [
    // pool/fields.ts
    [
      /^Keep this to ([\d,]+) characters \(now ([\d,]+)\)\.$/,
      (max, now) => `Gebruik hier hoogstens ${num(max)} tekens (nu ${num(now)}).`,
    ],
    [/^Give a list of (\w+) codes\.$/, (noun) => phrase`Geef een lijst van ${CODE_LIST[noun]}.`],
    [
      /^Unknown (role|language|island|base): (.*)\.$/,
      (noun, codes) => `${UNKNOWN[noun]![codes.includes(', ') ? 1 : 0]}: ${empty(codes)}.`,
    ],
    // pool/functionaries.ts
    [
      /^Give a level for (\S+): trainee, qualified or senior\.$/,
      (role) => `Geef een niveau voor ${role}: trainee, qualified of senior.`,
    ],
    [
      /^Unknown level for (\S+): (.*)\. Use trainee, qualified or senior\.$/,
      (role, level) => `Onbekend niveau voor ${role}: ${level}. Gebruik trainee, qualified of senior.`,
    ],
    [/^Unknown proficiency for (\S+): (.*)\.$/, (code, p) => `Onbekend taalniveau voor ${code}: ${p}.`],
    [/^(\S+) is given twice\.$/, (code) => `${code} staat er twee keer in.`],
    [
      /^Enter a valid e-mail address \(not "(.*)"\)\.$/,
      (e) => `Vul een geldig e-mailadres in (niet "${e}").`,
    ],
    // pool/functionary-decisions.ts
    [
      /^Only a coordinator changes (\w+)\.$/,
      (f) => phrase`Alleen een coördinator wijzigt ${MEMBER_FIELD[f]}.`,
    ],
    // pool/csv.ts
    [/^The column (\S+) appears twice\.$/, (c) => `De kolom ${c} komt twee keer voor.`],
    [
      /^The header row \(row 1\) lacks the columns? (.+)\.$/,
      (list) => `De kopregel (rij 1) mist de ${list.includes(', ') ? 'kolommen' : 'kolom'} ${list}.`,
    ],
    [/^Expected: (.+)\.$/, (list) => `Verwacht: ${list}.`],
    [
      /^This row has ([\d,]+) cells; the header has ([\d,]+)\.$/,
      (n, m) => `Deze rij heeft ${num(n)} cellen; de kopregel heeft er ${num(m)}.`,
    ],
    [/^Import at most ([\d,]+) rows at a time\.$/, (n) => `Importeer hoogstens ${num(n)} rijen tegelijk.`],
    [/^The same e-mail address as row ([\d,]+)\.$/, (n) => `Hetzelfde e-mailadres als rij ${num(n)}.`],
    // pool/availability.ts
    [/^A period can last at most ([\d,]+) days\.$/, (n) => `Een periode duurt hoogstens ${num(n)} dagen.`],
    // pool/alerts.ts
    [
      /^This request is ([\w ]+): alerts go out once it is acknowledged\.$/,
      (status) =>
        phrase`Dit verzoek is ${stateOfCode(status)}: alarmeringen gaan pas uit als het in behandeling is genomen.`,
    ],
    [/^At most ([\d,]+) people per alert\.$/, (n) => `Hoogstens ${num(n)} personen per alarmering.`],
    [/^Choose at most ([\d,]+) people\.$/, (n) => `Kies hoogstens ${num(n)} personen.`],
    [/^You already answered: (.+)\.$/, (a) => phrase`U heeft al geantwoord: ${ANSWER[a]}.`],
    [
      /^Keep the note to ([\d,]+) characters\.$/,
      (n) => `Gebruik voor de opmerking hoogstens ${num(n)} tekens.`,
    ],
    // Why a person cannot be alerted: "<name> <reason>.", one sentence per person.
    [/^(.+) is not active in the pool\.$/, (who) => `${who} is niet actief in de pool.`],
    [/^(.+) does not hold the role\.$/, (who) => `${who} heeft deze rol niet.`],
    [
      /^(.+) is (\w+), below the minimum level\.$/,
      (who, level) => phrase`${who} is ${levelNl(level)}, onder het minimumniveau.`,
    ],
    [
      /^(.+) lacks the required language (.+)\.$/,
      (who, codes) => `${who} mist de vereiste ${codes.includes(', ') ? 'talen' : 'taal'} ${codes}.`,
    ],
    [
      /^(.+) was already alerted and has not answered yet\.$/,
      (who) => `${who} is al gealarmeerd en heeft nog niet geantwoord.`,
    ],
  ],
}
