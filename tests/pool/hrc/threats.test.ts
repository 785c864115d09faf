/** Threats: input in three forms, the history of advisories, per-island outlook, proposed readiness and applying it. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  applyProposals,
  assessThreat,
  closeThreat,
  parseThreat,
  proposalMessage,
  proposeReadiness,
  readinessFor,
  recordThreat,
  THRESHOLDS,
  type ThreatInput,
  type ThreatRecord,
  type UnitStanding,
  updateThreat,
} from '../../../pool/hrc/index.ts'
import { actors, ctx, HOUR, ids, NOW, units } from './fixtures.ts'

const free = (...list: (typeof units)[keyof typeof units][]): UnitStanding[] =>
  list.map((unit) => ({ unit, dispatch: null }))
const iso = (at: number) => new Date(at).toISOString()

function input(raw: unknown): ThreatInput {
  const result = parseThreat(raw, NOW)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.value
}
function threatOf(raw: unknown): ThreatRecord {
  const result = recordThreat(input(raw), actors.usar, { now: NOW, newId: ids('t') })
  if (!result.ok) throw new Error(result.message.code)
  return result.threat
}

/**
 * Due north along Saba's meridian at 0.25°/h, starting 52 h from now at 14.63°N with a 60 nm radius:
 * the winds reach Saba 8.0027 h later (see geo.test.ts), 60 h from now (60:00:10, rounded 60:00).
 */
const sabaIn60h = {
  name: 'Test',
  category: 3,
  track: [
    { at: iso(NOW + 52 * HOUR), lat: 14.63, lon: -63.24, maxWindKt: 100, r34Nm: 60 },
    { at: iso(NOW + 76 * HOUR), lat: 20.63, lon: -63.24, maxWindKt: 100, r34Nm: 60 },
  ],
}

describe('proposals', () => {
  it('a threat whose winds reach Saba in 60 h proposes alert for the units serving Saba', () => {
    const threat = threatOf(sabaIn60h)
    const saba = assessThreat(threat).find((i) => i.island === 'SA')!
    expect(saba.tropicalStormWindsAt).toBe(NOW + 60 * HOUR)
    const sabaOnly = { ...units.recce1, islands: ['SA' as const] }
    const proposals = proposeReadiness(threat, free(units.lusar1, sabaOnly, units.water1), NOW)
    expect(proposals.map((p) => [p.unitCode, p.from, p.status, p.reason])).toEqual([
      ['LUSAR-1', 'standby', 'alert', 'ts_winds'],
      ['RECCE-1', 'standby', 'alert', 'ts_winds'],
      // WATER-1 serves the ABC islands only: nothing
    ])
    expect(proposals[1]).toEqual({
      unitId: 'u-recce1',
      unitCode: 'RECCE-1',
      from: 'standby',
      status: 'alert',
      reason: 'ts_winds',
      island: 'SA',
      at: NOW + 60 * HOUR,
      hours: 60,
      withinHours: 72,
    })
    // LUSAR-1 serves all six: Sint Eustatius, a little south of Saba, gets the winds first and drives it.
    expect(proposals[0]).toMatchObject({ island: 'SE', status: 'alert' })
    expect(proposalMessage(proposals[1]!)).toEqual({
      code: 'hrc.proposal.ts_winds',
      params: { unit: 'RECCE-1', status: 'alert', island: 'SA', hours: 60, within: 72 },
    })
  })

  it('thresholds: pre-alert within 96 h, alert within 72 h, mobilising within 48 h; nothing beyond or long past', () => {
    expect(THRESHOLDS.steps.map((s) => [s.status, s.withinHours])).toEqual([
      ['mobilising', 48],
      ['alert', 72],
      ['pre_alert', 96],
    ])
    const at = (hours: number) => readinessFor(hours)?.status ?? null
    expect([97, 96, 72.5, 72, 48.1, 48, 0, -24, -24.1].map(at)).toEqual([
      null,
      'pre_alert',
      'pre_alert',
      'alert',
      'alert',
      'mobilising',
      'mobilising',
      'mobilising',
      null,
    ])
  })

  it('never proposes a step down, nor for a unit in an active dispatch, unavailable or deployed', () => {
    const threat = threatOf(sabaIn60h)
    const standing: UnitStanding[] = [
      { unit: { ...units.lusar1, readiness: 'mobilising' }, dispatch: null },
      { unit: units.lusar2, dispatch: null }, // already alert
      { unit: units.recce1, dispatch: { id: 'd1', status: 'offered' } },
      { unit: units.comms1, dispatch: null }, // unavailable
      { unit: { ...units.lusar1, id: 'u-x', readiness: 'operational' }, dispatch: null },
      { unit: { ...units.lusar1, id: 'u-y', readiness: 'pre_alert' }, dispatch: null },
    ]
    expect(proposeReadiness(threat, standing, NOW).map((p) => [p.unitId, p.from, p.status])).toEqual([
      ['u-y', 'pre_alert', 'alert'],
    ])
  })

  it('a closed threat proposes nothing', () => {
    const threat = { ...threatOf(sabaIn60h), status: 'closed' as const }
    expect(proposeReadiness(threat, free(units.lusar1), NOW)).toEqual([])
  })

  it('with per-island estimates: the winds when given, else the closest approach', () => {
    const threat = threatOf({
      name: 'Vicky',
      category: 'tropical_storm',
      islands: [
        { island: 'SA', closestApproach: iso(NOW + 40 * HOUR) },
        { island: 'CW', closestApproach: iso(NOW + 90 * HOUR), tropicalStormWindsAt: iso(NOW + 80 * HOUR) },
      ],
    })
    expect(assessThreat(threat)).toEqual([
      {
        island: 'SA',
        closestApproachKm: null,
        closestApproachAt: NOW + 40 * HOUR,
        tropicalStormWindsAt: null,
      },
      {
        island: 'CW',
        closestApproachKm: null,
        closestApproachAt: NOW + 90 * HOUR,
        tropicalStormWindsAt: NOW + 80 * HOUR,
      },
    ])
    const proposals = proposeReadiness(threat, free(units.recce1, units.water1), NOW)
    expect(proposals.map((p) => [p.unitCode, p.status, p.reason, p.island, p.hours])).toEqual([
      ['RECCE-1', 'mobilising', 'closest_approach', 'SA', 40],
      ['WATER-1', 'pre_alert', 'ts_winds', 'CW', 80],
    ])
  })

  it('from the Paulette advisory at 12:00 UTC on 6 Sep: mobilise for Saba (winds in 17 h), nothing for the ABC units', () => {
    const threat = threatOf({
      advisory: readFileSync(new URL('../../fixtures/nhc-paulette.txt', import.meta.url), 'utf8'),
    })
    expect(threat).toMatchObject({ name: 'Paulette', category: 'hurricane_3' })
    const saba = assessThreat(threat).find((i) => i.island === 'SA')!
    expect(saba.tropicalStormWindsAt).toBe(Date.UTC(2026, 8, 7, 5, 2))
    const proposals = proposeReadiness(threat, free(units.lusar1, units.water1), NOW)
    expect(proposals.map((p) => [p.unitCode, p.status, p.island])).toEqual([['LUSAR-1', 'mobilising', 'SE']])
  })
})

describe('applying proposals', () => {
  const threat = threatOf(sabaIn60h)

  it('climbs each unit to its status, an event per rung, one write per unit, one mail per reader', () => {
    const result = applyProposals(
      threat,
      [
        { unitId: 'u-lusar1', status: 'mobilising' },
        { unitId: 'u-recce1', status: 'alert' },
        { unitId: 'u-lusar2', status: 'alert' }, // already there: left alone
      ],
      free(units.lusar1, units.recce1, units.lusar2),
      actors.usar,
      ctx(),
    )
    if (!result.ok) throw new Error(result.message.code)
    expect(result.units.map((u) => [u.unitId, u.guard.readiness, u.patch.readiness])).toEqual([
      ['u-lusar1', 'standby', 'mobilising'],
      ['u-recce1', 'standby', 'alert'],
    ])
    expect(
      result.events.map(
        (e) => `${e.after?.code} ${e.before?.readiness}→${e.after?.readiness} ${e.after?.threat}`,
      ),
    ).toEqual([
      'LUSAR-1 standby→pre_alert t1',
      'LUSAR-1 pre_alert→alert t1',
      'LUSAR-1 alert→mobilising t1',
      'RECCE-1 standby→pre_alert t1',
      'RECCE-1 pre_alert→alert t1',
    ])
    expect(result.mails.map((m) => [m.to, m.message.params.units])).toEqual([
      ['joost@usar.example', ['LUSAR-1']],
      ['rita@usar.example', ['RECCE-1']],
      ['locc@ccpm.example', ['LUSAR-1', 'RECCE-1']],
    ])
    expect(result.mails[2]!.message.params).toMatchObject({
      threat: 'Test',
      from: ['standby', 'standby'],
      to: ['mobilising', 'alert'],
    })
  })

  it('all or nothing: the first refusal names its row', () => {
    const busy: UnitStanding = { unit: units.recce1, dispatch: { id: 'd1', status: 'accepted' } }
    const result = applyProposals(
      threat,
      [
        { unitId: 'u-lusar1', status: 'alert' },
        { unitId: 'u-recce1', status: 'alert' },
      ],
      [...free(units.lusar1), busy],
      actors.usar,
      ctx(),
    )
    expect(result).toMatchObject({
      ok: false,
      error: 'conflict',
      fields: { 'proposals.1': { code: 'hrc.ladder.inDispatch' } },
    })
    expect(
      applyProposals(threat, [{ unitId: 'nope', status: 'alert' }], free(units.lusar1), actors.usar, ctx()),
    ).toMatchObject({ error: 'not_found', fields: { 'proposals.0': { code: 'hrc.unit.notFound' } } })
    expect(
      applyProposals(
        threat,
        [
          { unitId: 'u-lusar1', status: 'alert' },
          { unitId: 'u-lusar1', status: 'alert' },
        ],
        free(units.lusar1),
        actors.usar,
        ctx(),
      ),
    ).toMatchObject({ error: 'invalid', fields: { 'proposals.1': { code: 'hrc.threat.unitTwice' } } })
  })

  it('a coordinator applies up to alert; observers may not; islands do not see threats; closed threats apply nothing', () => {
    const pick = [{ unitId: 'u-lusar1', status: 'alert' as const }]
    expect(applyProposals(threat, pick, free(units.lusar1), actors.dutyOfficer, ctx()).ok).toBe(true)
    expect(
      applyProposals(
        threat,
        [{ unitId: 'u-lusar1', status: 'mobilising' }],
        free(units.lusar1),
        actors.dutyOfficer,
        ctx(),
      ),
    ).toMatchObject({ error: 'forbidden' })
    expect(applyProposals(threat, pick, free(units.lusar1), actors.ministry, ctx())).toMatchObject({
      error: 'forbidden',
    })
    expect(applyProposals(threat, pick, free(units.lusar1), actors.sabaTeam, ctx())).toMatchObject({
      error: 'not_found',
    })
    const closed = { ...threat, status: 'closed' as const }
    expect(applyProposals(closed, pick, free(units.lusar1), actors.usar, ctx())).toMatchObject({
      error: 'conflict',
      message: { code: 'hrc.threat.closed' },
    })
  })
})

describe('threat input', () => {
  it('reads a track typed as lines in a form: time, lat, lon, then wind and a radius or quadrants when known', () => {
    const value = input({
      name: 'Rene',
      track: '2026-09-08T12:00Z 16.2 -60.1 85 90/60/30/45\n2026-09-08T00:00 15.5 -58.0',
    })
    expect(value).toEqual({
      name: 'Rene',
      category: 'hurricane_2', // the first point that gives a wind: 85 kt
      advisory: {
        source: 'track',
        number: null,
        issuedAt: null,
        islands: [],
        text: null,
        track: [
          // a time without zone is island time, UTC−4; points in time order
          { at: Date.UTC(2026, 8, 8, 4), lat: 15.5, lon: -58, maxWindKt: null, r34Nm: null },
          {
            at: Date.UTC(2026, 8, 8, 12),
            lat: 16.2,
            lon: -60.1,
            maxWindKt: 85,
            r34Nm: { ne: 90, se: 60, sw: 30, nw: 45 },
          },
        ],
      },
    })
  })

  it('names each bad field of a posted track', () => {
    const result = parseThreat(
      {
        name: 'Rene',
        category: 'TS',
        track: [
          { at: '2026-09-08T12:00Z', lat: 95, lon: -60 },
          { at: 'tomorrow', lat: 16, lon: -61, r34Nm: { ne: 90, se: 60, sw: 30 } },
        ],
      },
      NOW,
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        'track.0.lat': { code: 'hrc.field.number', params: { min: -90, max: 90 } },
        'track.1.at': { code: 'hrc.field.moment', params: {} },
        'track.1.r34Nm.nw': { code: 'hrc.field.required', params: {} },
      },
    })
  })

  it('asks for exactly one source, a name and a category for a new threat', () => {
    expect(parseThreat({ name: 'X', category: 1 }, NOW)).toMatchObject({
      errors: { source: { code: 'hrc.threat.oneSource' } },
    })
    expect(parseThreat({ name: 'X', track: '2026-09-08T12:00Z 16 -60', islands: [{}] }, NOW)).toMatchObject({
      errors: { source: { code: 'hrc.threat.oneSource' } },
    })
    expect(parseThreat({ track: '2026-09-08T12:00Z 16 -60' }, NOW)).toMatchObject({
      errors: { name: { code: 'hrc.field.required' }, category: { code: 'hrc.field.required' } },
    })
    expect(
      parseThreat({ name: 'X', category: 'cat 6', track: '2026-09-08T12:00Z 16 -60' }, NOW),
    ).toMatchObject({
      errors: { category: { code: 'hrc.field.unknown', params: { value: 'cat 6' } } },
    })
    expect(
      parseThreat(
        {
          name: 'X',
          category: 'td',
          islands: [
            { island: 'SA', closestApproach: '2026-09-08T12:00Z' },
            { island: 'SA', closestApproach: '2026-09-08T13:00Z' },
          ],
        },
        NOW,
      ),
    ).toMatchObject({
      errors: { 'islands.1.island': { code: 'hrc.threat.islandTwice', params: { island: 'SA' } } },
    })
  })

  it('an advisory gives name and category; what is typed wins', () => {
    const text = readFileSync(new URL('../../fixtures/nhc-tomas.txt', import.meta.url), 'utf8')
    expect(input({ advisory: text })).toMatchObject({
      name: 'Tomas',
      category: 'tropical_storm',
      advisory: { source: 'advisory', number: '7', issuedAt: Date.UTC(2026, 8, 30, 21), text: text.trim() },
    })
    expect(input({ advisory: text, name: 'TOMAS (AL21)', category: 1 })).toMatchObject({
      name: 'TOMAS (AL21)',
      category: 'hurricane_1',
    })
  })

  it('an update may give the new source alone', () => {
    const result = parseThreat({ track: '2026-09-08T12:00Z 16 -60' }, NOW, { name: 'Rene' })
    expect(result).toMatchObject({ ok: true, value: { name: null, category: null } })
  })
})

describe('a threat’s life: recorded, updated with each advisory (history kept), closed', () => {
  const first = input(sabaIn60h)

  it('a dispatcher or a coordinator records it; an observer may not; others do not see threats', () => {
    const result = recordThreat(first, actors.dutyOfficer, { now: NOW, newId: ids('t') })
    if (!result.ok) throw new Error(result.message.code)
    expect(result.threat).toMatchObject({
      id: 't1',
      name: 'Test',
      category: 'hurricane_3',
      status: 'open',
      createdAt: NOW,
      closedAt: null,
      version: 1,
    })
    expect(result.threat.advisories).toEqual([{ ...first.advisory, recordedAt: NOW }])
    expect(result.event).toMatchObject({
      action: 'hrc.threat.recorded',
      entity: 'hrc_threat',
      entityId: 't1',
      after: { name: 'Test', category: 'hurricane_3', source: 'track', number: null, points: 2 },
    })
    expect(recordThreat(first, actors.ministry, ctx())).toMatchObject({ error: 'forbidden' })
    expect(recordThreat(first, actors.sabaTeam, ctx())).toMatchObject({ error: 'not_found' })
  })

  it('an update appends the advisory, the last one counting; a stale version or a closed threat is refused', () => {
    const threat = threatOf(sabaIn60h)
    const parsed = parseThreat({ category: 4, track: '2026-09-08T12:00Z 16 -60 120 100' }, NOW, threat)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const next = parsed.value
    const later = { now: NOW + HOUR, newId: ids('e') }
    const result = updateThreat(threat, next, actors.usar, { ...later, version: 1 })
    if (!result.ok) throw new Error(result.message.code)
    expect(result.patch).toEqual({
      advisories: [threat.advisories[0], { ...next.advisory, recordedAt: NOW + HOUR }],
      category: 'hurricane_4',
      version: 2,
    })
    expect(result.event).toMatchObject({
      action: 'hrc.threat.updated',
      before: { category: 'hurricane_3', points: 2 },
      after: { category: 'hurricane_4', points: 1 },
    })
    expect(updateThreat(threat, next, actors.usar, { ...later, version: 0 })).toMatchObject({
      error: 'conflict',
      message: { code: 'hrc.threat.stale' },
    })
    const closed = closeThreat(threat, actors.usar, later)
    if (!closed.ok) throw new Error(closed.message.code)
    expect(closed.patch).toEqual({ status: 'closed', closedAt: NOW + HOUR, version: 2 })
    expect(closed.event).toMatchObject({ action: 'hrc.threat.closed', after: { status: 'closed' } })
    const after = { ...threat, ...closed.patch } as ThreatRecord
    expect(updateThreat(after, next, actors.usar, later)).toMatchObject({
      error: 'conflict',
      message: { code: 'hrc.threat.closed' },
    })
    expect(closeThreat(after, actors.usar, later)).toMatchObject({ error: 'conflict' })
  })
})
