/** Incidents: the hazard list, input rules, who sees and manages them, and closing as a guarded decision. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  closeIncident,
  decideProposal,
  editIncident,
  type IncidentRecord,
  incidentVisible,
  openIncident,
  parseIncidentInput,
  parseMoment,
} from '../../../pool/incidents/index.ts'
import { HAZARDS, UI_LOCALES } from '../../../pool/reference/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import { translatorFor } from '../../../views/i18n/index.ts'
import { actors, ids, NOW, recipients } from '../../fixtures/requests.ts'
import { english, rendered, why } from '../../helpers/english.ts'

const erin: IncidentRecord = {
  id: 'inc-erin',
  name: 'Hurricane Erin',
  hazard: 'hurricane',
  islands: ['SX', 'SA', 'SE'],
  phase: 'warm',
  status: 'open',
  openedAt: Date.UTC(2026, 8, 4, 12),
  closedAt: null,
  createdBy: 'u-locc',
  proposedBy: null,
  reason: null,
  version: 2,
}
const bonaireTeam = { ...actors.sxmTeam, id: 'u-bon', island: 'BO', name: 'EOT Bonaire' }

describe('hazards', () => {
  it('cover the hazard list of docs/domain.md, utilities split by kind, each named in every language', () => {
    expect([...HAZARDS]).toEqual([
      'hurricane',
      'flood',
      'earthquake',
      'volcanic',
      'fire',
      'disease_outbreak',
      'power_failure',
      'water_failure',
      'telecom_failure',
      'mass_migration',
      'military_hybrid',
      'other',
    ])
    for (const locale of UI_LOCALES)
      for (const h of HAZARDS) expect(translatorFor(locale).f.name('hazard', h)).not.toBe(h)
  })
})

describe('parseIncidentInput', () => {
  const body = { name: ' Hurricane Erin ', hazard: 'hurricane', islands: ['SX', 'SA', 'SX'], phase: 'warm' }

  it('accepts the API body, trims and de-duplicates', () => {
    expect(parseIncidentInput(body)).toEqual({
      ok: true,
      value: {
        name: 'Hurricane Erin',
        hazard: 'hurricane',
        islands: ['SX', 'SA'],
        phase: 'warm',
        openedAt: null,
      },
    })
  })

  it('takes a single island as a form sends one ticked box', () => {
    const result = parseIncidentInput({ ...body, islands: 'BO' })
    expect(result.ok && result.value.islands).toEqual(['BO'])
  })

  it.each<[string, Record<string, unknown>, string, string, RegExp]>([
    ['no name', { name: '' }, 'name', 'incidents.name.required', /name/],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, 'name', 'incidents.name.tooLong', /200/],
    ['an unknown hazard', { hazard: 'meteor' }, 'hazard', 'incidents.hazard.choose', /hazard/],
    ['no island', { islands: [] }, 'islands', 'incidents.islands.none', /at least one/],
    ['islands missing', { islands: undefined }, 'islands', 'incidents.islands.none', /at least one/],
    ['the European base', { islands: ['NL'] }, 'islands', 'incidents.islands.unknown', /Unknown island: NL/],
    ['an unknown island', { islands: ['SA', 'XX'] }, 'islands', 'incidents.islands.unknown', /XX/],
    ['an unknown phase', { phase: 'hot' }, 'phase', 'incidents.phase.choose', /warm/],
    ['a bad opening time', { openedAt: 'yesterday' }, 'openedAt', 'incidents.openedAt.invalid', /YYYY-MM-DD/],
    ['an impossible day', { openedAt: '2026-02-30' }, 'openedAt', 'incidents.openedAt.invalid', /YYYY-MM-DD/],
  ])('refuses %s', (_, patch, key, code, message) => {
    const result = parseIncidentInput({ ...body, ...patch })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(Object.keys(result.errors)).toEqual([key])
      expect(result.errors[key]!.code).toBe(code)
      expect(english(result.errors[key]!)).toMatch(message)
    }
  })

  it('refuses what is not an object', () => {
    expect(parseIncidentInput(null)).toMatchObject({
      ok: false,
      errors: { incident: msg('incidents.notObject') },
    })
  })

  it.each([
    ['2026-09-04T08:00', Date.UTC(2026, 8, 4, 12)], // island time, UTC−4
    ['2026-09-04T12:00Z', Date.UTC(2026, 8, 4, 12)],
    ['2026-09-04T14:00:00+02:00', Date.UTC(2026, 8, 4, 12)],
    ['2026-09-04', Date.UTC(2026, 8, 4, 4)],
    ['2026-09-04T24:00', null],
    ['04-09-2026', null],
  ])('reads the moment %s', (text, expected) => {
    expect(parseMoment(text)).toBe(expected)
    const parsed = parseIncidentInput({ ...body, openedAt: text })
    expect(parsed.ok ? parsed.value.openedAt : null).toBe(expected)
  })
})

describe('who sees an incident', () => {
  it.each([
    ['an affected island', actors.sabaTeam, true],
    ['an island not affected', bonaireTeam, false],
    ['a coordinator', actors.dutyOfficer, true],
    ['a dispatcher', actors.usar, true],
    ['an observer', actors.ministry, true],
    ['a functionary', actors.anna, true],
    ['an admin', actors.sysadmin, true],
  ])('%s: %s', (_, actor, visible) => {
    expect(incidentVisible(erin, actor)).toBe(visible)
  })
})

describe('openIncident', () => {
  const input = {
    name: 'Hurricane Erin',
    hazard: 'hurricane' as const,
    islands: ['SA'],
    phase: 'warm' as const,
    openedAt: null,
  }

  it('a coordinator opens one, at now unless told otherwise', () => {
    const result = openIncident(input, actors.dutyOfficer, { now: NOW, newId: ids('i') })
    if (!result.ok) throw new Error(why(result))
    expect(result.incident).toMatchObject({
      id: 'i-1',
      status: 'open',
      openedAt: NOW,
      closedAt: null,
      version: 1,
    })
    expect(result.event).toMatchObject({
      id: 'i-2',
      action: 'incident.opened',
      entity: 'incident',
      entityId: 'i-1',
    })
    const earlier = openIncident({ ...input, openedAt: NOW - 3600_000 }, actors.dutyOfficer, {
      now: NOW,
      newId: ids(),
    })
    expect(earlier.ok && earlier.incident.openedAt).toBe(NOW - 3600_000)
  })

  it.each([actors.usar, actors.ministry, actors.anna, actors.sysadmin])('$role may not', (actor) => {
    expect(openIncident(input, actor, { now: NOW, newId: ids() })).toMatchObject({
      ok: false,
      error: 'forbidden',
    })
  })
})

describe('an island proposes an incident', () => {
  const input = {
    name: 'Flooding at The Bottom',
    hazard: 'flood' as const,
    islands: ['SA'],
    phase: 'warm' as const,
    openedAt: null,
  }
  const ctx = {
    now: NOW,
    newId: ids('p'),
    coordinators: recipients.coordinators,
    mail: { baseUrl: 'https://ccpm.example' },
  }
  const proposal = (): IncidentRecord => {
    const result = openIncident(input, actors.sabaTeam, { ...ctx, newId: ids('p') })
    if (!result.ok) throw new Error(why(result))
    return result.incident
  }

  it('as proposed, by its island, and mails the coordinators to open or reject it', () => {
    const result = openIncident(input, actors.sabaTeam, ctx)
    if (!result.ok) throw new Error(why(result))
    expect(result.incident).toMatchObject({ status: 'proposed', proposedBy: 'SA', createdBy: 'u-saba' })
    expect(result.event).toMatchObject({ action: 'incident.proposed', after: { status: 'proposed' } })
    expect(result.mails.map((m) => m.to)).toEqual(recipients.coordinators.map((a) => a.email))
    const [mail] = rendered(result.mails)
    expect(mail!.subject).toBe('Proposed incident – Saba: Flooding at The Bottom')
    expect(mail!.text).toContain('Open or reject it: https://ccpm.example/incidents/p-1')
    expect(translatorFor('nl').audit(result.event)).toBe('EOT Saba heeft het incident voorgesteld')
  })

  it('only one that affects the proposing island', () => {
    const result = openIncident({ ...input, islands: ['SX'] }, actors.sabaTeam, ctx)
    expect(result).toEqual({
      ok: false,
      error: 'invalid',
      message: msg('incidents.islands.ownIsland'),
      fields: { islands: msg('incidents.islands.ownIsland') },
    })
  })

  it.each([
    ['its island', actors.sabaTeam, true],
    ['another island, even one affected', { ...bonaireTeam, island: 'SA', id: 'u-x' }, true],
    ['an island that did not propose it', actors.sxmTeam, false],
    ['a coordinator', actors.dutyOfficer, true],
    ['a dispatcher', actors.usar, false],
    ['an observer', actors.ministry, false],
    ['an admin', actors.sysadmin, false],
  ])('is seen by %s: %s', (_, actor, visible) => {
    expect(incidentVisible(proposal(), actor)).toBe(visible)
    expect(incidentVisible({ ...proposal(), status: 'rejected' }, actor)).toBe(visible)
  })

  it('a coordinator opens it; the island is mailed; it cannot be decided twice', () => {
    const decide = {
      now: NOW + 60_000,
      newId: ids('d'),
      islandContacts: recipients.islandContacts,
      mail: ctx.mail,
    }
    const result = decideProposal(proposal(), 'open', actors.dutyOfficer, { ...decide, version: 1 })
    if (!result.ok) throw new Error(why(result))
    expect(result.patch).toEqual({ status: 'open', reason: null, closedAt: null, version: 2 })
    expect(result.event).toMatchObject({
      action: 'incident.opened',
      before: { status: 'proposed', version: 1 },
      after: { status: 'open', version: 2 },
    })
    expect(rendered(result.mails)).toMatchObject([
      { to: 'eot@saba.example', subject: 'Opened – the incident you proposed: Flooding at The Bottom' },
    ])
    const again = decideProposal({ ...proposal(), ...result.patch }, 'rejected', actors.dutyOfficer, {
      ...decide,
      reason: 'x',
    })
    expect(again).toMatchObject({ error: 'conflict', message: msg('incidents.state', { status: 'open' }) })
  })

  it('a coordinator rejects it with a reason the island reads', () => {
    const decide = { now: NOW, newId: ids('d'), islandContacts: recipients.islandContacts, mail: ctx.mail }
    expect(
      decideProposal(proposal(), 'rejected', actors.dutyOfficer, { ...decide, reason: ' ' }),
    ).toMatchObject({
      error: 'invalid',
      fields: { reason: msg('incidents.reason.required') },
    })
    const result = decideProposal(proposal(), 'rejected', actors.dutyOfficer, {
      ...decide,
      reason: 'Part of Hurricane Erin: choose that incident.',
    })
    if (!result.ok) throw new Error(why(result))
    expect(result.patch).toEqual({
      status: 'rejected',
      reason: 'Part of Hurricane Erin: choose that incident.',
      closedAt: NOW,
      version: 2,
    })
    const [mail] = rendered(result.mails)
    expect(mail!.subject).toBe('Rejected – the incident you proposed: Flooding at The Bottom')
    expect(mail!.text).toContain('Reason:\nPart of Hurricane Erin: choose that incident.')
    expect(translatorFor('en').audit(result.event)).toBe('Duty officer LOCC rejected the proposed incident')
  })

  it.each([
    ['the island that proposed it', actors.sabaTeam, 'forbidden'],
    ['an island that did not', actors.sxmTeam, 'not_found'],
    ['an observer', actors.ministry, 'not_found'],
  ])('is not decided by %s (%s)', (_, actor, error) => {
    const decide = { now: NOW, newId: ids(), islandContacts: [], mail: ctx.mail }
    expect(decideProposal(proposal(), 'open', actor, decide)).toMatchObject({ error })
  })

  it('is not closed before it is opened, and a rejected one is not edited', () => {
    expect(closeIncident(proposal(), actors.dutyOfficer, NOW, ids())).toMatchObject({
      error: 'conflict',
      message: msg('incidents.state', { status: 'proposed' }),
    })
    const rejected = { ...proposal(), status: 'rejected' as const }
    expect(
      editIncident(rejected, { ...input, name: 'x' }, actors.dutyOfficer, { now: NOW, newId: ids() }),
    ).toMatchObject({
      error: 'conflict',
    })
    expect(english(msg('incidents.state', { status: 'proposed' }))).toBe(
      'This incident is only proposed: a coordinator opens or rejects it first.',
    )
  })
})

describe('closeIncident', () => {
  it.each([
    ['a coordinator', actors.dutyOfficer, 'ok'],
    ['an affected island', actors.sabaTeam, 'forbidden'],
    ['an island not affected', bonaireTeam, 'not_found'],
    ['a dispatcher', actors.usar, 'forbidden'],
    ['an observer', actors.ministry, 'forbidden'],
    ['a functionary', actors.anna, 'forbidden'],
    ['an admin', actors.sysadmin, 'forbidden'],
  ])('by %s: %s', (_, actor, expected) => {
    const result = closeIncident(erin, actor, NOW, ids())
    expect(result.ok ? 'ok' : result.error).toBe(expected)
  })

  it('writes closed, the time and the next version, with its event', () => {
    const result = closeIncident(erin, actors.dutyOfficer, NOW, ids('c'))
    expect(result).toEqual({
      ok: true,
      patch: { status: 'closed', closedAt: NOW, version: 3 },
      event: {
        id: 'c-1',
        at: NOW,
        actorId: 'u-locc',
        actorLabel: 'Duty officer LOCC',
        action: 'incident.closed',
        entity: 'incident',
        entityId: 'inc-erin',
        before: { status: 'open', version: 2 },
        after: { status: 'closed', version: 3 },
      },
    })
  })

  it('a second close is a conflict, and so is a stale version', () => {
    const closed = { ...erin, status: 'closed' as const, closedAt: NOW, version: 3 }
    const again = closeIncident(closed, actors.dutyOfficer, NOW, ids())
    expect(again).toEqual({ ok: false, error: 'conflict', message: msg('incidents.closed') })
    expect(!again.ok && english(again.message)).toBe('This incident is already closed.')
    expect(closeIncident(erin, actors.dutyOfficer, NOW, ids(), 1)).toMatchObject({
      error: 'conflict',
      message: msg('incidents.stale'),
    })
  })
})

describe('editIncident', () => {
  const same = {
    name: erin.name,
    hazard: erin.hazard,
    islands: erin.islands,
    phase: erin.phase,
    openedAt: null,
  }

  it('writes and records only what changed', () => {
    const result = editIncident(erin, { ...same, islands: ['SX', 'SA', 'SE', 'AW'] }, actors.dutyOfficer, {
      now: NOW,
      newId: ids(),
    })
    expect(result).toMatchObject({
      ok: true,
      patch: { islands: ['SX', 'SA', 'SE', 'AW'], version: 3 },
      event: { action: 'incident.edited', before: { islands: ['SX', 'SA', 'SE'], version: 2 } },
    })
  })

  it('writes nothing when nothing changed, and refuses a closed incident', () => {
    expect(editIncident(erin, same, actors.dutyOfficer, { now: NOW, newId: ids() })).toEqual({
      ok: true,
      patch: null,
      event: null,
    })
    expect(
      editIncident({ ...erin, status: 'closed' }, same, actors.dutyOfficer, { now: NOW, newId: ids() }),
    ).toMatchObject({ error: 'conflict' })
  })
})

describe('properties', () => {
  it('parseIncidentInput never throws and accepts exactly non-empty subsets of the six islands', () => {
    const codes = ['AW', 'CW', 'SX', 'BO', 'SE', 'SA', 'NL', 'sa', '']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...codes), { maxLength: 8 }), fc.jsonValue(), (islands, junk) => {
        parseIncidentInput(junk)
        const result = parseIncidentInput({ name: 'X', hazard: 'flood', phase: 'cold', islands })
        const valid =
          islands.length > 0 && islands.every((c) => ['AW', 'CW', 'SX', 'BO', 'SE', 'SA'].includes(c))
        expect(result.ok).toBe(valid)
      }),
    )
  })
})
