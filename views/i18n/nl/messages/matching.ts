/** Dutch for the reasons and flags of matching and the shortfall of a plan; tsc fails when a code is missing. */
import type { AllocationMessage } from '../../../../pool/allocation/index.ts'
import type { MatchingMessage } from '../../../../pool/matching/index.ts'
import type { Catalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'

const languages = (codes: readonly string[], f: Fmt) => codes.map((c) => f.name('language', c)).join(' of ')

/** "alle 4 gekwalificeerden zijn", "3 van 5 gekwalificeerden zijn", "de enige gekwalificeerde is". */
function who(p: { count: number; qualified: number }, f: Fmt, one: string, many: string) {
  if (p.count === p.qualified)
    return p.qualified === 1
      ? `de enige gekwalificeerde ${one}`
      : `alle ${f.num(p.qualified)} gekwalificeerden ${many}`
  return `${f.num(p.count)} van ${f.num(p.qualified)} gekwalificeerden ${p.count === 1 ? one : many}`
}

export const matching: Catalogue<MatchingMessage | AllocationMessage> = {
  'matching.excluded.inactive': 'niet actief in de pool',
  'matching.excluded.role': (p, f) => `heeft de rol ${f.role(p.role)} niet`,
  'matching.excluded.level': (p, f) =>
    `niveau ${f.name('level', p.level)}, de behoefte vraagt ${f.name('level', p.minLevel)}`,
  'matching.excluded.languages': (p, f) =>
    [
      p.missing.length ? `geen ${languages(p.missing, f)}` : '',
      p.weak.length ? `te weinig ${languages(p.weak, f)}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  'matching.excluded.assigned': 'al voorgesteld of ingezet voor deze behoefte',
  'matching.excluded.deployed': (p, f) => `ingezet op ${f.name('island', p.island)} tot ${f.day(p.end)}`,
  'matching.excluded.unavailable': (p, f) => {
    const when = f.period(p.start, p.end, false)
    if (p.reason === 'leave') return `met verlof ${when}`
    if (p.reason === 'island_duty') return `dienst op eigen eiland ${when}`
    if (p.reason === 'training') return `op training ${when}`
    return `niet beschikbaar ${when}`
  },
  'matching.excluded.home': (p, f) =>
    `standplaats ${f.name('island', p.island)}, getroffen door hetzelfde incident`,
  'matching.excluded.document': (p, f) => `reisdocument verloopt ${f.date(p.date)}`,
  'matching.excluded.fitness': (p, f) => `medische keuring verloopt ${f.date(p.date)}`,
  'matching.excluded.saidUnavailable': 'heeft gezegd niet beschikbaar te zijn voor deze behoefte',
  'matching.excluded.declined': 'door het eiland afgewezen voor deze behoefte',
  'matching.flag.local': 'lokaal: mogelijk thuis nodig',
  'matching.flag.noDocumentDate': 'geen vervaldatum van het reisdocument bekend',
  'matching.flag.noFitnessDate': 'geen vervaldatum van de medische keuring bekend',
  'allocation.shortfall.nobodyQualified': 'niemand in de pool heeft deze rol op dit niveau',
  'allocation.shortfall.busy': (p, f) => `${who(p, f, 'is', 'zijn')} bezet (ingezet of niet beschikbaar)`,
  'allocation.shortfall.language': (p, f) => `${who(p, f, 'mist', 'missen')} een vereiste taal`,
  'allocation.shortfall.home': (p, f) =>
    `${who(p, f, 'is', 'zijn')} thuis nodig (het incident treft hun eiland)`,
  'allocation.shortfall.documents': (p, f) =>
    `${who(p, f, 'heeft', 'hebben')} een reisdocument of medische keuring die verloopt`,
  'allocation.shortfall.saidUnavailable': (p, f) =>
    `${who(p, f, 'heeft', 'hebben')} gezegd niet beschikbaar te zijn`,
  'allocation.shortfall.declined': (p, f) => `${who(p, f, 'is', 'zijn')} door het eiland afgewezen`,
  'allocation.shortfall.takenHigher': (p, f) =>
    `${who(p, f, 'is', 'zijn')} in dit plan ingedeeld bij urgentere behoeften`,
  'allocation.shortfall.takenOther': (p, f) =>
    `${who(p, f, 'is', 'zijn')} in dit plan ingedeeld bij andere behoeften met dezelfde prioriteit`,
  'allocation.shortfall.plannedHere': (p, f) =>
    `${who(p, f, 'is', 'zijn')} in dit plan ingedeeld bij deze behoefte`,
}
