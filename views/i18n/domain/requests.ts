/** Dutch for the messages of requests and incidents: pool/request-input.ts, requests.ts, request-edits.ts, incidents.ts. */
import { ACT, DONE, either, num, phrase, STATE, stateOfCode, type Table, WHO } from './words.ts'

export const requests: Table = {
  exact: {
    // pool/request-input.ts
    'Each need must be an object with a kind.': 'Elke behoefte moet een object zijn met een soort (kind).',
    'Choose a kind of need: functionary, HRC capacity or other.':
      'Kies een soort behoefte: functionaris, HRC-capaciteit of overig.',
    'Describe what is needed.': 'Beschrijf wat er nodig is.',
    'Choose an HRC unit type.': 'Kies een soort HRC-eenheid.',
    'Choose a role.': 'Kies een rol.',
    'Choose the minimum level: trainee, qualified or senior.':
      'Kies het minimumniveau: in opleiding, gekwalificeerd of senior.',
    'The last day cannot be before the first day.': 'De laatste dag kan niet vóór de eerste dag liggen.',
    'You can file requests only for your own island.': 'U kunt alleen voor uw eigen eiland een verzoek doen.',
    'Your account is not linked to an island.': 'Uw account is niet gekoppeld aan een eiland.',
    'Choose the island this request is for.': 'Kies het eiland waarvoor dit verzoek is.',
    'Only island teams and coordinators can file requests.':
      'Alleen de crisisteams van de eilanden en de coördinatoren kunnen een verzoek doen.',
    'Send the request as an object of fields.': 'Stuur het verzoek als een object met velden.',
    'Give the request a short title.': 'Geef het verzoek een korte titel.',
    "Describe the situation: what happened, and what the island's own capacity cannot cover.":
      'Beschrijf de situatie: wat er is gebeurd, en wat de eigen capaciteit van het eiland niet kan opvangen.',
    'Choose the phase: warm (response) or cold (preparation).':
      'Kies de fase: warm (respons) of koud (voorbereiding).',
    'Choose the priority: urgent, high or normal.': 'Kies de prioriteit: urgent, hoog of normaal.',
    'Give the first day help is needed.': 'Geef de eerste dag waarop hulp nodig is.',
    'Give the last day help is needed.': 'Geef de laatste dag waarop hulp nodig is.',
    'Choose an open incident, or none.': 'Kies een open incident, of geen.',
    'Give the needs as a list.': 'Geef de behoeften als een lijst.',
    // pool/requests.ts
    'Request not found.': 'Verzoek niet gevonden.',
    'Your account cannot change requests.': 'Uw account kan geen verzoeken wijzigen.',
    'Give the request a title.': 'Geef het verzoek een titel.',
    'Describe the situation before submitting.': 'Beschrijf de situatie voordat u het verzoek indient.',
    'Give a contact so that LOCC-KCR2 can reach you.':
      'Geef een contactpersoon, zodat LOCC-KCR2 u kan bereiken.',
    'Add at least one need before submitting.':
      'Voeg minstens één behoefte toe voordat u het verzoek indient.',
    'Give a reason: the island will read it.': 'Geef een reden: het eiland krijgt die te lezen.',
    'Give a reason: the coordinators will read it.': 'Geef een reden: de coördinatoren krijgen die te lezen.',
    // pool/request-edits.ts
    'Only the island that asked can change this request (or a coordinator who filed it on its behalf).':
      'Alleen het eiland dat om bijstand vroeg kan dit verzoek wijzigen (of een coördinator die het namens het eiland heeft gedaan).',
    'This request has changed since you opened it. Reload, then make your change again.':
      'Dit verzoek is gewijzigd sinds u het opende. Laad de pagina opnieuw en breng uw wijziging daarna opnieuw aan.',
    // pool/incidents.ts
    'Send the incident as an object of fields.': 'Stuur het incident als een object met velden.',
    'Give the incident a name, for example "Hurricane Erin".':
      'Geef het incident een naam, bijvoorbeeld "Orkaan Erin".',
    'Choose the hazard.': 'Kies de dreiging.',
    'Choose at least one affected island.': 'Kies minstens één getroffen eiland.',
    'Enter when it opened as YYYY-MM-DD or YYYY-MM-DDTHH:MM.':
      'Vul in wanneer het incident is geopend, als JJJJ-MM-DD of JJJJ-MM-DDTUU:MM.',
    'Incident not found.': 'Incident niet gevonden.',
    'Only LOCC-KCR2 coordinators manage incidents.': 'Alleen coördinatoren van LOCC-KCR2 beheren incidenten.',
    'Only LOCC-KCR2 coordinators open incidents.': 'Alleen coördinatoren van LOCC-KCR2 openen incidenten.',
    'This incident is already closed.': 'Dit incident is al gesloten.',
    'This incident has changed since you opened it. Reload to see it.':
      'Dit incident is gewijzigd sinds u het opende. Laad de pagina opnieuw om het te zien.',
  },
  rules: [
    // pool/request-input.ts
    [
      /^Give how many people: a whole number from 1 to ([\d,]+)\.$/,
      (n) => `Geef het aantal personen: een geheel getal van 1 tot en met ${num(n)}.`,
    ],
    [
      /^Give how many units: a whole number from 1 to ([\d,]+)\.$/,
      (n) => `Geef het aantal eenheden: een geheel getal van 1 tot en met ${num(n)}.`,
    ],
    [
      /^Give a quantity: a whole number from 1 to ([\d,]+)\.$/,
      (n) => `Geef een hoeveelheid: een geheel getal van 1 tot en met ${num(n)}.`,
    ],
    [/^Unknown HRC unit type "(.*)"\.$/, (x) => `Onbekende soort HRC-eenheid "${x}".`],
    [/^Unknown role "(.*)"\.$/, (x) => `Onbekende rol "${x}".`],
    [/^Unknown island "(.*)"\.$/, (x) => `Onbekend eiland "${x}".`],
    [
      /^Keep this need within the request's period, (\S+) to (\S+)\.$/,
      (a, b) => `Houd deze behoefte binnen de periode van het verzoek, ${a} tot en met ${b}.`,
    ],
    [
      /^A request can hold at most ([\d,]+) needs; file a second request for more\.$/,
      (n) => `Een verzoek kan hoogstens ${num(n)} behoeften bevatten; doe een tweede verzoek voor meer.`,
    ],
    // pool/requests.ts: transition refusals, built from the phrases in ./words.ts
    [/^A request cannot be moved to "(.*)"\.$/, (x) => `Een verzoek kan niet naar "${x}" worden verplaatst.`],
    [/^A request cannot be (.+)\.$/, (done) => phrase`Een verzoek kan niet ${DONE[done]}.`],
    [/^Only (.+) can (.+)\.$/, (who, act) => phrase`Alleen ${either(who, WHO)} kan ${ACT[act]}.`],
    [/^This request is already (.+)\.$/, (state) => phrase`Dit verzoek is al ${STATE[state]}.`],
    [
      /^This request is (.+), so it cannot be (.+)\.$/,
      (state, done) => phrase`Dit verzoek is ${STATE[state]} en kan daarom niet ${DONE[done]}.`,
    ],
    [
      /^This request has changed since you opened it; it is now (.+)\. Reload to see the changes\.$/,
      (state) =>
        phrase`Dit verzoek is gewijzigd sinds u het opende; het is nu ${STATE[state]}. Laad de pagina opnieuw om de wijzigingen te zien.`,
    ],
    [
      /^Keep the reason to ([\d,]+) characters\.$/,
      (n) => `Gebruik voor de reden hoogstens ${num(n)} tekens.`,
    ],
    // pool/request-edits.ts: the status is a code here (in_progress)
    [
      /^This request is (\w+); it can no longer be changed\.$/,
      (status) => phrase`Dit verzoek is ${stateOfCode(status)}; het kan niet meer worden gewijzigd.`,
    ],
    // pool/incidents.ts
    [/^Keep the name to ([\d,]+) characters\.$/, (n) => `Gebruik voor de naam hoogstens ${num(n)} tekens.`],
  ],
}
