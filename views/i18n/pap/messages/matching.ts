/** Papiamentu for the reasons and flags of matching and the shortfall of a plan; tsc fails when a code is missing. */
import type { AllocationMessage } from '../../../../pool/allocation/index.ts'
import type { MatchingMessage } from '../../../../pool/matching/index.ts'
import type { Catalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'

/** After a negation Papiamentu joins with "ni": "no ta papia Papiamentu ni Spañó". */
const languages = (codes: readonly string[], f: Fmt) => codes.map((c) => f.name('language', c)).join(' ni ')

/** "tur 4 kualifiká", "3 di 5 kualifiká", "e úniko persona kualifiká". */
function who(p: { count: number; qualified: number }, f: Fmt) {
  if (p.count === p.qualified)
    return p.qualified === 1 ? 'e úniko persona kualifiká' : `tur ${f.num(p.qualified)} persona kualifiká`
  return `${f.num(p.count)} di ${f.num(p.qualified)} persona kualifiká`
}

export const matching: Catalogue<MatchingMessage | AllocationMessage> = {
  'matching.excluded.inactive': 'no ta aktivo den e pool',
  'matching.excluded.role': (p, f) => `no tin e ròl ${f.role(p.role)}`,
  'matching.excluded.level': (p, f) =>
    `nivel ${f.name('level', p.level)}, e nesesidat ta pidi ${f.name('level', p.minLevel)}`,
  'matching.excluded.languages': (p, f) =>
    [
      p.missing.length ? `no ta papia ${languages(p.missing, f)}` : '',
      p.weak.length ? `no ta papia sufisiente ${languages(p.weak, f)}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  'matching.excluded.assigned': 'ya ta proponé òf asigná pa e nesesidat aki',
  'matching.excluded.deployed': (p, f) => `asigná na ${f.name('island', p.island)} te ${f.day(p.end)}`,
  'matching.excluded.unavailable': (p, f) => {
    const when = f.period(p.start, p.end, false)
    if (p.reason === 'leave') return `di vakashon ${when}`
    if (p.reason === 'island_duty') return `di servisio riba su mes isla ${when}`
    if (p.reason === 'training') return `den kurso ${when}`
    return `no ta disponibel ${when}`
  },
  'matching.excluded.home': (p, f) => `basá na ${f.name('island', p.island)}, ku e mesun insidente a afektá`,
  'matching.excluded.document': (p, f) => `dokumento di biahe ta vense ${f.date(p.date)}`,
  'matching.excluded.fitness': (p, f) => `sertifikado médiko ta vense ${f.date(p.date)}`,
  'matching.excluded.saidUnavailable': 'a bisa ku e no ta disponibel pa e nesesidat aki',
  'matching.excluded.declined': 'rechasá pa e isla pa e nesesidat aki',
  'matching.flag.local': 'lokal: kisas nan mester di dje na su mes isla',
  'matching.flag.noDocumentDate': 'fecha di vensementu di dokumento di biahe no ta registrá',
  'matching.flag.noFitnessDate': 'fecha di vensementu di sertifikado médiko no ta registrá',
  'allocation.shortfall.nobodyQualified': 'niun hende den e pool no tin e ròl aki na e nivel aki',
  'allocation.shortfall.busy': (p, f) => `${who(p, f)} ta okupá (asigná òf no disponibel)`,
  'allocation.shortfall.language': (p, f) => `${who(p, f)} no ta papia un idioma ku ta rekerí`,
  'allocation.shortfall.home': (p, f) => `${who(p, f)} ta nesesario na kas (e insidente ta afektá nan isla)`,
  'allocation.shortfall.documents': (p, f) =>
    `${who(p, f)} tin un dokumento di biahe òf sertifikado médiko ku ta vense`,
  'allocation.shortfall.saidUnavailable': (p, f) => `${who(p, f)} a bisa ku nan no ta disponibel`,
  'allocation.shortfall.declined': (p, f) => `e isla a rechasá ${who(p, f)}`,
  'allocation.shortfall.takenHigher': (p, f) =>
    `${who(p, f)} ta planiá den e plan aki pa nesesidatnan mas urgente`,
  'allocation.shortfall.takenOther': (p, f) =>
    `${who(p, f)} ta planiá den e plan aki pa otro nesesidat ku mesun prioridat`,
  'allocation.shortfall.plannedHere': (p, f) => `${who(p, f)} ta planiá den e plan aki pa e nesesidat aki`,
}
