/** English for the reasons and flags of matching and the shortfall of a plan: the reference the other languages follow. */
import type { AllocationMessage } from '../../../../pool/allocation/index.ts'
import type { MatchingMessage } from '../../../../pool/matching/index.ts'
import type { Catalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'

const languages = (codes: readonly string[], f: Fmt) => codes.map((c) => f.name('language', c)).join(' or ')

/** "all 4 qualified are", "3 of 5 qualified are", "the only qualified person is". */
function who(p: { count: number; qualified: number }, f: Fmt, one: string, many: string) {
  if (p.count === p.qualified)
    return p.qualified === 1
      ? `the only qualified person ${one}`
      : `all ${f.num(p.qualified)} qualified ${many}`
  return `${f.num(p.count)} of ${f.num(p.qualified)} qualified ${p.count === 1 ? one : many}`
}

export const matching: Catalogue<MatchingMessage | AllocationMessage> = {
  'matching.excluded.inactive': 'inactive in the pool',
  'matching.excluded.role': (p, f) => `lacks the role ${f.role(p.role)}`,
  'matching.excluded.level': (p, f) =>
    `level ${f.name('level', p.level)}, need asks ${f.name('level', p.minLevel)}`,
  'matching.excluded.languages': (p, f) =>
    [
      p.missing.length ? `no ${languages(p.missing, f)}` : '',
      p.weak.length ? `not enough ${languages(p.weak, f)}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  'matching.excluded.assigned': 'already proposed or deployed for this need',
  'matching.excluded.deployed': (p, f) =>
    `on deployment to ${f.name('island', p.island)} until ${f.day(p.end)}`,
  'matching.excluded.unavailable': (p, f) => {
    const when = f.period(p.start, p.end, false)
    if (p.reason === 'leave') return `on leave ${when}`
    if (p.reason === 'island_duty') return `on duty on own island ${when}`
    if (p.reason === 'training') return `in training ${when}`
    return `not available ${when}`
  },
  'matching.excluded.home': (p, f) => `based on ${f.name('island', p.island)}, struck by the same incident`,
  'matching.excluded.document': (p, f) => `travel document expires ${f.date(p.date)}`,
  'matching.excluded.fitness': (p, f) => `medical fitness expires ${f.date(p.date)}`,
  'matching.excluded.saidUnavailable': 'said not available for this need',
  'matching.excluded.declined': 'declined by the island for this need',
  'matching.flag.local': 'local: may be needed at home',
  'matching.flag.noDocumentDate': 'no travel document expiry on record',
  'matching.flag.noFitnessDate': 'no medical fitness expiry on record',
  'allocation.shortfall.nobodyQualified': 'nobody in the pool holds this role at this level',
  'allocation.shortfall.busy': (p, f) => `${who(p, f, 'is', 'are')} busy (deployed or unavailable)`,
  'allocation.shortfall.language': (p, f) => `${who(p, f, 'lacks', 'lack')} a required language`,
  'allocation.shortfall.home': (p, f) =>
    `${who(p, f, 'is', 'are')} needed at home (the incident strikes their island)`,
  'allocation.shortfall.documents': (p, f) =>
    `${who(p, f, 'has', 'have')} a travel document or medical fitness expiring`,
  'allocation.shortfall.saidUnavailable': (p, f) => `${who(p, f, 'has', 'have')} said not available`,
  'allocation.shortfall.declined': (p, f) => `${who(p, f, 'was', 'were')} declined by the island`,
  'allocation.shortfall.takenHigher': (p, f) =>
    `${who(p, f, 'is', 'are')} planned for more urgent needs in this plan`,
  'allocation.shortfall.takenOther': (p, f) =>
    `${who(p, f, 'is', 'are')} planned for other needs of the same priority in this plan`,
  'allocation.shortfall.plannedHere': (p, f) => `${who(p, f, 'is', 'are')} planned for this need`,
}
