/** Dutch for what server/ says itself; tsc fails when a code of server/messages.ts is missing. */
import type { AppMessage } from '../../../../server/messages.ts'
import type { AuditCatalogue, Catalogue } from '../../catalogue.ts'

export const appMessages: Catalogue<AppMessage> = {
  'http.400': 'Het verzoek werd niet begrepen.',
  'http.401': 'Log eerst in.',
  'http.403': 'Deze handeling is niet toegestaan voor uw account.',
  'http.404': 'Hier staat niets. Het kan verplaatst zijn, of u heeft er geen toegang toe.',
  'http.405': 'Dit adres neemt zo’n verzoek niet aan.',
  'http.409': 'Iemand anders heeft dit intussen gewijzigd.',
  'http.410': 'Dit is niet meer beschikbaar.',
  'http.413': 'Wat is verstuurd, is te groot.',
  'http.415': 'Wat is verstuurd, heeft een vorm die dit adres niet leest.',
  'http.422': 'Enkele velden vragen aandacht.',
  'http.429': 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
  'http.500': 'Het systeem kon dit niet afronden. Er is niets verloren; probeer het zo opnieuw.',
  'http.503': 'Het systeem is nu niet beschikbaar. Probeer het zo opnieuw.',
  'app.signIn': 'Log eerst in.',
  'app.crossOrigin': 'Een verzoek vanaf een andere website is geweigerd.',
  'app.key.malformed': 'De eenmalige sleutel van dit formulier is ongeldig.',
  'app.key.reused': 'De eenmalige sleutel van dit formulier is al voor iets anders gebruikt.',
  'app.key.pending':
    'Dit is al ontvangen en wordt verwerkt, of de verwerking is onderbroken. Controleer hoe het er nu voor staat voordat u het opnieuw verstuurt.',
  'app.body.json': 'De inhoud moet een JSON-object zijn.',
  'app.limited': (p) =>
    p.limit === 'loginPerAccount' || p.limit === 'loginPerAddress'
      ? `Te veel inlogpogingen. Wacht ${p.minutes} minuten en probeer het opnieuw.`
      : p.limit === 'mailingChangesPerUser'
        ? 'Te veel wijzigingen; wacht een paar minuten.'
        : p.limit === 'alertRoundsPerUser'
          ? 'Te veel alarmeringsrondes; wacht een paar minuten.'
          : 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
  'app.profile.notLinked': 'Uw account is niet gekoppeld aan een poollid. Vraag het LOCC-KCR2.',
  'app.password.invalid': 'Deze link is niet meer geldig. Vraag een beheerder om een nieuwe.',
  'app.password.short': 'Gebruik minstens {min} tekens.',
}

export const auditOther: AuditCatalogue<'other'> = {
  'audit.other': (p) => `${p.actor} heeft dit gegeven gewijzigd`,
}
