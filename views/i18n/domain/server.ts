/** Dutch for the messages that server/ itself puts on HTML pages: services, middleware, the HTML routes. */
import { num, type Table } from './words.ts'

export const server: Table = {
  exact: {
    // server/services/*.ts
    'Someone else changed this request first.': 'Iemand anders heeft dit verzoek net eerder gewijzigd.',
    'Someone else changed this incident first.': 'Iemand anders heeft dit incident net eerder gewijzigd.',
    'Someone else changed this person first.': 'Iemand anders heeft deze persoon net eerder gewijzigd.',
    'Someone in the pool already has this e-mail address.': 'Iemand in de pool heeft dit e-mailadres al.',
    'The register changed while this import ran; nothing was written. Look at the preview again.':
      'Het register is gewijzigd terwijl deze import liep; er is niets opgeslagen. Controleer het bestand opnieuw.',
    'Choose a level: trainee, qualified or senior.':
      'Kies een niveau: in opleiding, gekwalificeerd of senior.',
    'The end of the period comes before its start.': 'Het einde van de periode ligt vóór het begin.',
    'Answer true or false.': 'Antwoord met true of false.',
    'Unknown person chosen.': 'Er is een onbekende persoon gekozen.',
    'Period not found.': 'Periode niet gevonden.',
    'Not found.': 'Niet gevonden.',
    // server/middleware/*.ts and server/policy.ts
    'The one-time key is malformed.': 'De eenmalige sleutel van dit formulier is ongeldig.',
    'This one-time key was already used for a different request.':
      'De eenmalige sleutel van dit formulier is al voor iets anders gebruikt.',
    'This was already received and is being handled. Wait a few seconds, then send it again.':
      'Dit is al ontvangen en wordt verwerkt. Wacht een paar seconden en verstuur het dan opnieuw.',
    'This request took too long and a retry with the same key has taken its place.':
      'Dit verzoek duurde te lang; een nieuwe poging met dezelfde sleutel heeft het overgenomen.',
    'This was already done, but its answer was lost (the server stopped). Check the current state; do not send it again.':
      'Dit is al uitgevoerd, maar het antwoord is verloren gegaan (de server stopte). Controleer hoe het er nu voor staat; verstuur het niet opnieuw.',
    'The data sent could not be read (malformed body).':
      'De verzonden gegevens konden niet worden gelezen (ongeldige opbouw).',
    'Remove the NUL character (\\0): it cannot be stored.':
      'Verwijder het NUL-teken (\\0): het kan niet worden opgeslagen.',
    'sign in first': 'Log eerst in.',
    'cross-origin request refused': 'Een verzoek vanaf een andere website is geweigerd.',
    // server/routes/*.tsx (the HTML ones; the JSON API stays English)
    'There is no such role.': 'Deze rol bestaat niet.',
    'An incident can only be closed.': 'Een incident kan alleen worden gesloten.',
    'The file is too large.': 'Het bestand is te groot.',
    'Send active=0 to deactivate or active=1 to reactivate.':
      'Stuur active=0 om inactief te maken of active=1 om weer actief te maken.',
  },
  rules: [
    [
      /^The data sent is too large: at most (.+)\.$/,
      (size) => `De verzonden gegevens zijn te groot: hoogstens ${num(size)}.`,
    ],
    [
      /^A NUL character \(\\0\) cannot be stored; remove it from: (.+)\.$/,
      (fields) => `Een NUL-teken (\\0) kan niet worden opgeslagen; verwijder het uit: ${fields}.`,
    ],
    [
      /^Give a whole number from 0 to ([\d,]+)\.$/,
      (n) => `Geef een geheel getal van 0 tot en met ${num(n)}.`,
    ],
  ],
}
