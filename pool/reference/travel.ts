/** Seeded door-to-door travel times between bases and islands; coordinators correct them (they are data). */
import { ISLAND_CODES } from './islands.ts'

/** Door-to-door estimates in minutes, scheduled flights plus transfer; coordinators correct them. */
const LEGS: [string, string, number, string][] = [
  ['NL', 'AW', 660, 'AMS–AUA direct'],
  ['NL', 'CW', 660, 'AMS–CUR direct'],
  ['NL', 'BO', 690, 'AMS–BON direct'],
  ['NL', 'SX', 630, 'AMS–SXM direct'],
  ['NL', 'SE', 810, 'AMS–SXM, SXM–EUX'],
  ['NL', 'SA', 810, 'AMS–SXM, SXM–SAB'],
  ['AW', 'CW', 150, 'AUA–CUR'],
  ['AW', 'BO', 210, 'AUA–CUR–BON'],
  ['CW', 'BO', 150, 'CUR–BON'],
  ['AW', 'SX', 330, 'AUA–CUR–SXM'],
  ['CW', 'SX', 270, 'CUR–SXM'],
  ['BO', 'SX', 330, 'BON–CUR–SXM'],
  ['SX', 'SA', 120, 'SXM–SAB (or ferry)'],
  ['SX', 'SE', 120, 'SXM–EUX'],
  ['SA', 'SE', 240, 'SAB–SXM–EUX'],
  ['AW', 'SA', 480, 'AUA–CUR–SXM–SAB'],
  ['AW', 'SE', 480, 'AUA–CUR–SXM–EUX'],
  ['CW', 'SA', 420, 'CUR–SXM–SAB'],
  ['CW', 'SE', 420, 'CUR–SXM–EUX'],
  ['BO', 'SA', 480, 'BON–CUR–SXM–SAB'],
  ['BO', 'SE', 480, 'BON–CUR–SXM–EUX'],
]

/** Both directions of every leg; a Caribbean base reaches its own island in 0 minutes. */
export const TRAVEL_TIMES = [
  ...LEGS.flatMap(([a, b, minutes, route]) => [
    { fromCode: a, toCode: b, minutes, route },
    ...(a === 'NL' ? [] : [{ fromCode: b, toCode: a, minutes, route: route.split('–').reverse().join('–') }]),
  ]),
  ...ISLAND_CODES.map((code) => ({ fromCode: code, toCode: code, minutes: 0, route: 'local' })),
]
