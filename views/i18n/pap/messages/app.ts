/** Papiamentu for what server/ says itself; tsc fails when a code of server/messages.ts is missing. */
import type { AppMessage } from '../../../../server/messages.ts'
import type { AuditCatalogue, Catalogue } from '../../catalogue.ts'

export const appMessages: Catalogue<AppMessage> = {
  'http.400': 'No a komprondé e petishon.',
  'http.401': 'Por fabor, drenta promé.',
  'http.403': 'Bo kuenta no tin pèrmit pa hasi esaki.',
  'http.404': 'No tin nada akinan. Kisas a move esaki, òf bo no tin akseso na dje.',
  'http.405': 'E adrès aki no ta aseptá e tipo di petishon ei.',
  'http.409': 'Otro hende a kambia esaki den e tempu ei.',
  'http.410': 'Esaki no ta disponibel mas.',
  'http.413': 'Loke a wòrdu mandá ta muchu grandi.',
  'http.415': 'E adrès aki no por lesa loke a wòrdu mandá.',
  'http.422': 'Algun kampo mester di atenshon.',
  'http.429': 'Muchu petishon. Warda un ratu i purba atrobe.',
  'http.500': 'E sistema no por a kaba esaki. Nada no a pèrdè; purba atrobe den un ratu.',
  'http.503': 'E sistema no ta disponibel awor. Purba atrobe den un ratu.',
  'app.signIn': 'Drenta promé.',
  'app.crossOrigin': 'A rechasá un petishon for di otro website.',
  'app.key.malformed': 'E yabi di un biaha di e formulario aki no ta bálido.',
  'app.key.reused': 'A usa e yabi di un biaha aki kaba pa otro petishon.',
  'app.key.pending':
    'A risibí esaki kaba i e ta den tramitashon, òf e tramitashon a wòrdu interumpí. Wak kon e situashon ta awor promé ku bo mand’é atrobe.',
  'app.body.json': 'E kontenido mester ta un òbhekto JSON.',
  'app.limited': (p) =>
    p.limit === 'loginPerAccount' || p.limit === 'loginPerAddress'
      ? `Muchu purba pa drenta. Warda ${p.minutes} minüt i purba atrobe.`
      : p.limit === 'mailingChangesPerUser'
        ? 'Muchu kambio; warda algun minüt.'
        : p.limit === 'alertRoundsPerUser'
          ? 'Muchu ronda di alerta; warda algun minüt.'
          : 'Muchu petishon. Warda un ratu i purba atrobe.',
  'app.profile.notLinked': 'Bo kuenta no ta konektá na un miembro di e pool. Puntra LOCC-KCR2.',
  'app.password.invalid': 'E link aki no ta bálido mas. Pidi un atministradó un link nobo.',
  'app.password.short': 'Usa por lo ménos {min} karakter.',
}

export const auditOther: AuditCatalogue<'other'> = {
  'audit.other': (p) => `${p.actor} a kambia e dato aki`,
}
