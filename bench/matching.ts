// `npm run bench:matching`: the pure functions of matching and allocation on generated contested
// data (one hurricane striking Sint Maarten, Saba and Sint Eustatius; scarce roles wanted on all
// three), in memory: ranking 10,000 people for one need, and plans of 100 needs × 2,000 people and
// 300 needs × 10,000 people against greedy. Deterministic data; medians of several runs; the load
// average is printed because the machine is shared. docs/bench.md records a run.
import { loadavg } from 'node:os'
import { eligiblePairs, greedy, optimal, type PlanNeed, plan, shortfall } from '../pool/allocation/index.ts'
import { type MatchCandidate, type MatchContext, rank, travelTable } from '../pool/matching/index.ts'
import {
  ISLAND_CODES,
  type Level,
  type Proficiency,
  ROLE_CATALOGUE,
  TRAVEL_TIMES,
} from '../pool/reference/index.ts'

/** mulberry32: the same data on every run. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TODAY = '2026-09-05'
const STRUCK = ['SX', 'SA', 'SE']
const ctx: MatchContext = { travel: travelTable(TRAVEL_TIMES), today: TODAY }
const ROLES = ROLE_CATALOGUE.map((r) => r.code)
/** How common each role is in the pool: the first three are scarce and wanted most. */
const ROLE_WEIGHT = [1, 1, 1, 4, 4, 4, 6, 6, 6, 6]
const SCARCE = ROLES.slice(0, 3)

const day = (offset: number) => new Date(Date.UTC(2026, 8, 5 + offset)).toISOString().slice(0, 10)

function generate(people: number, needs: number, seed: number) {
  const next = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  const weighted = () => {
    let r = next() * ROLE_WEIGHT.reduce((a, b) => a + b, 0)
    for (let i = 0; i < ROLES.length; i++) {
      r -= ROLE_WEIGHT[i]!
      if (r < 0) return ROLES[i]!
    }
    return ROLES[ROLES.length - 1]!
  }
  const needList: PlanNeed[] = Array.from({ length: needs }, (_, j) => {
    const island = next() < 0.8 ? pick(STRUCK) : pick(ISLAND_CODES)
    const start = Math.floor(next() * 20)
    const papiamentu = ['CW', 'BO', 'AW'].includes(island)
    return {
      id: `n${String(j).padStart(4, '0')}`,
      requestId: `r${Math.floor(j / 3)}`,
      island,
      role: next() < 0.6 ? pick(SCARCE) : weighted(),
      minLevel: pick(['trainee', 'qualified', 'qualified', 'senior'] as const),
      languages: papiamentu && next() < 0.5 ? ['pap'] : next() < 0.3 ? ['en'] : [],
      preferredLanguages: papiamentu ? ['pap', 'es'] : ['en', 'nl'],
      period: { start: day(start), end: day(start + 7 + Math.floor(next() * 21)) },
      remoteOk: next() < 0.2,
      struckIslands: STRUCK,
      priority: pick(['urgent', 'high', 'high', 'normal'] as const),
      phase: pick(['warm', 'warm', 'cold'] as const),
      count: 1 + Math.floor(next() * 4),
      filled: 0,
      submittedAt: j,
    }
  })
  const pool: MatchCandidate[] = Array.from({ length: people }, (_, i) => {
    const base = next() < 0.45 ? 'NL' : pick(ISLAND_CODES)
    const roles = [
      { role: weighted(), level: pick(['trainee', 'qualified', 'qualified', 'senior'] as Level[]) },
    ]
    if (next() < 0.4) {
      const second = weighted()
      if (second !== roles[0]!.role)
        roles.push({ role: second, level: pick(['trainee', 'qualified'] as Level[]) })
    }
    const languages: { language: string; proficiency: Proficiency }[] = [
      { language: base === 'NL' ? 'nl' : pick(['pap', 'en', 'nl']), proficiency: 'native' },
    ]
    for (const [code, p] of [
      ['en', 0.9],
      ['nl', 0.6],
      ['pap', base === 'NL' ? 0.1 : 0.5],
      ['es', 0.3],
    ] as const)
      if (!languages.some((l) => l.language === code) && next() < p)
        languages.push({ language: code, proficiency: pick(['basic', 'working', 'fluent'] as const) })
    const busyFrom = Math.floor(next() * 40) - 10
    const deployed = next() < 0.3
    const lastEnd = deployed ? day(-Math.floor(next() * 300) - 5) : null
    const alerts: MatchCandidate['alerts'][number][] = []
    for (let k = 0; k < 3; k++)
      if (next() < 0.15)
        alerts.push({
          needId: pick(needList).id,
          state: pick(['sent', 'available', 'unavailable', 'expired'] as const),
        })
    return {
      id: `f${String(i).padStart(5, '0')}`,
      name: `Person ${Math.floor(next() * 5000)}`,
      active: next() > 0.03,
      base,
      remoteCapable: next() < 0.4,
      roles,
      languages,
      travelDocumentExpiry: next() < 0.03 ? day(10) : '2030-01-01',
      fitnessExpiry: next() < 0.02 ? day(5) : '2028-01-01',
      unavailable:
        next() < 0.15
          ? [{ start: day(busyFrom), end: day(busyFrom + 10), reason: pick(['leave', 'training'] as const) }]
          : [],
      assignments:
        next() < 0.1
          ? [{ start: day(busyFrom), end: day(busyFrom + 14), island: pick(STRUCK), needId: 'earlier' }]
          : [],
      deployments:
        deployed && lastEnd ? [{ start: day(-320), end: day(-300), island: pick(ISLAND_CODES) }] : [],
      lastDeploymentEnd: lastEnd,
      alerts,
      declinedNeeds: next() < 0.01 ? [pick(needList).id] : [],
    }
  })
  return { needs: needList, people: pool }
}

/**
 * Median wall time and median CPU time of `runs` runs after `warm` runs, and the wall time of the
 * first (cold: the JIT has not optimised the code yet). On a shared machine the CPU time is the
 * steadier figure: it leaves out the time other processes held the core.
 */
function median(runs: number, f: () => void, warm = 10): { wall: number; cpu: number; first: number } {
  let first = 0
  for (let i = 0; i < warm; i++) {
    const t0 = performance.now()
    f()
    if (i === 0) first = performance.now() - t0
  }
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    f()
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  return { wall: mid(wall), cpu: mid(cpu), first }
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')
const ms = (x: number) => x.toFixed(1)
const row = (name: string, t: { wall: number; cpu: number; first: number }, runs: number, note: string) =>
  console.log(`| ${name} | ${ms(t.wall)} | ${ms(t.cpu)} | ${ms(t.first)} | ${runs} | ${note} |`)
console.log(`node ${process.version}, load average before: ${load()}\n`)
console.log('| case | median ms (wall) | median ms (CPU) | first call ms (cold) | runs | what |')
console.log('|---|---|---|---|---|---|')

// Ranking: one need for a scarce role on Saba, 10,000 people.
{
  const { needs, people } = generate(10_000, 1, 1)
  const need = { ...needs[0]!, island: 'SA', role: SCARCE[0]!, minLevel: 'qualified' as Level }
  let eligible = 0
  const t = median(21, () => {
    eligible = rank(need, people, ctx).eligible.length
  })
  row(
    'rank 10,000 people for one need',
    t,
    21,
    `${eligible} eligible, ${10_000 - eligible} excluded with reasons`,
  )
}

const versus: string[] = []
for (const [needCount, peopleCount, runs, warm] of [
  [100, 2_000, 11, 10],
  [300, 10_000, 5, 2],
] as const) {
  const { needs, people } = generate(peopleCount, needCount, needCount * 7 + peopleCount)
  const name = `${needCount} needs × ${peopleCount.toLocaleString('en')} people`
  const pairs = eligiblePairs(needs, people, ctx)
  const best = optimal(pairs)
  const slots = needs.reduce((s, n) => s + n.count - n.filled, 0)
  row(
    `plan ${name}`,
    median(runs, () => plan(needs, people, ctx), warm),
    runs,
    `${slots} slots, ${pairs.edgeNeed.length} eligible pairs`,
  )
  row(
    '… eligible pairs and scores',
    median(runs, () => eligiblePairs(needs, people, ctx), warm),
    runs,
    '',
  )
  row(
    '… optimal fill (min-cost flow)',
    median(runs, () => optimal(pairs), warm),
    runs,
    '',
  )
  row(
    '… greedy fill',
    median(runs, () => greedy(pairs), warm),
    runs,
    '',
  )
  row(
    '… shortfall',
    median(runs, () => shortfall(pairs, best), warm),
    runs,
    '',
  )
  const p = plan(needs, people, ctx)
  const byPriority = (f: { byClass: number[] }) =>
    [0, 1, 2].map((k) => f.byClass[2 * k]! + f.byClass[2 * k + 1]!).join(' / ')
  const short = p.shortfall.reduce((s, x) => s + x.missing, 0)
  versus.push(
    `| ${name} | ${slots} | ${p.filled} (${byPriority(p)}) | ${p.score} | ${p.greedy.filled} (${byPriority(p.greedy)}) | ${p.greedy.score} | ${p.shortfall.length} needs, ${short} slots |`,
  )
}
console.log(
  '\n| plan | open slots | plan filled (urgent / high / normal) | plan score | greedy filled | greedy score | short |',
)
console.log('|---|---|---|---|---|---|---|')
for (const line of versus) console.log(line)
console.log(`\nload average after: ${load()}`)
