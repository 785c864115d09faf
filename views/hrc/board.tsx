/**
 * The readiness board: every unit by state and location; per island what is there, what is on its
 * way and what is asked for; the open threats with the hours to tropical-storm-force winds. One
 * component serves the page and the fragment htmx polls (a 304 when nothing changed).
 */
import type { UnitRecord } from '../../pool/hrc/index.ts'
import {
  type DispatchStatus,
  ISLAND_CODES,
  type IslandCode,
  READINESS,
  type StormCategory,
} from '../../pool/reference/index.ts'
import type { ViewCtx } from '../context.ts'
import { DispatchBadge, hoursUntil, ReadinessBadge } from './common.tsx'
import { type NeedChoice, needLabel } from './dispatches.tsx'

export interface BoardUnit {
  unit: UnitRecord
  dispatch: { id: string; status: DispatchStatus; island: IslandCode } | null
}

export interface BoardThreat {
  id: string
  name: string
  category: StormCategory
  winds: { island: IslandCode; at: number | null }[]
}

export interface BoardData {
  units: BoardUnit[]
  threats: BoardThreat[]
  needs: NeedChoice[]
  /** Unfilled needs per island beyond those shown. */
  moreNeeds: Partial<Record<string, number>>
  canDispatch: boolean
}

/** The states that put a unit on its way to an island (after the island said yes, or when ordered). */
const COMING: readonly DispatchStatus[] = ['accepted', 'ordered', 'in_transit']

/** "in 60 h", "now" once they have arrived, "—" when they never reach the island. */
export function windsIn(ctx: ViewCtx, at: number | null): string {
  if (at == null) return '—'
  const h = hoursUntil(at, ctx.now)
  return h <= 0 ? ctx.t('hrc.windsNow') : ctx.t('hrc.inHours', { h })
}

function Threats({ ctx, threats }: { ctx: ViewCtx; threats: BoardThreat[] }) {
  const { t, f } = ctx
  if (threats.length === 0) return <p>{t('hrc.threat.none')}</p>
  return (
    <>
      {threats.map((th) => (
        <table class="cards">
          <caption>
            <a href={`/hrc/threats/${th.id}`}>{th.name}</a> — {f.name('storm', th.category)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('hrc.island')}</th>
              <th scope="col">{t('hrc.board.winds')}</th>
            </tr>
          </thead>
          <tbody>
            {th.winds.map((w) => (
              <tr>
                <th scope="row">{f.name('island', w.island)}</th>
                <td data-label={t('hrc.board.winds')}>{windsIn(ctx, w.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  )
}

function Islands({ ctx, data }: { ctx: ViewCtx; data: BoardData }) {
  const { t, f } = ctx
  const codes = (list: BoardUnit[]) => list.map((b) => b.unit.code)
  return (
    <table class="cards">
      <thead>
        <tr>
          <th scope="col">{t('hrc.island')}</th>
          <th scope="col">{t('hrc.board.there')}</th>
          <th scope="col">{t('hrc.board.coming')}</th>
          <th scope="col">{t('hrc.board.requested')}</th>
        </tr>
      </thead>
      <tbody>
        {ISLAND_CODES.map((island) => {
          const there = data.units.filter((b) => b.unit.location === island)
          const coming = data.units.filter(
            (b) => b.dispatch?.island === island && COMING.includes(b.dispatch.status),
          )
          const asked = data.needs.filter((n) => n.island === island && n.count > n.filled)
          return (
            <tr>
              <th scope="row">{f.name('island', island)}</th>
              <td data-label={t('hrc.board.there')}>{f.list(codes(there)) || '—'}</td>
              <td data-label={t('hrc.board.coming')}>
                {coming.length
                  ? coming.map((b) => (
                      <div>
                        <a href={`/hrc/dispatches/${b.dispatch!.id}`}>{b.unit.code}</a>{' '}
                        <DispatchBadge ctx={ctx} status={b.dispatch!.status} />
                      </div>
                    ))
                  : '—'}
              </td>
              <td data-label={t('hrc.board.requested')}>
                {asked.length
                  ? asked.map((n) => (
                      <div>
                        {data.canDispatch ? (
                          <a href={`/hrc/dispatches/new?needId=${n.id}`}>{needLabel(ctx, n)}</a>
                        ) : (
                          needLabel(ctx, n)
                        )}
                      </div>
                    ))
                  : '—'}
                {data.moreNeeds[island] ? (
                  <div>{t('hrc.board.more', { n: data.moreNeeds[island] })}</div>
                ) : null}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function Units({ ctx, units }: { ctx: ViewCtx; units: BoardUnit[] }) {
  const { t, f } = ctx
  const order = (r: string) => (READINESS as readonly string[]).indexOf(r)
  const sorted = [...units].sort(
    (a, b) => order(b.unit.readiness) - order(a.unit.readiness) || a.unit.code.localeCompare(b.unit.code),
  )
  return (
    <table class="cards">
      <thead>
        <tr>
          <th scope="col">{t('unit.code')}</th>
          <th scope="col">{t('unit.readiness')}</th>
          <th scope="col">{t('hrc.unit.location')}</th>
          <th scope="col">{t('hrc.board.dispatch')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map(({ unit: u, dispatch }) => (
          <tr>
            <td data-label={t('unit.code')}>
              <a href={`/hrc/units/${u.id}`}>{u.code}</a> {u.name}
            </td>
            <td data-label={t('unit.readiness')}>
              <ReadinessBadge ctx={ctx} status={u.readiness} />
            </td>
            <td data-label={t('hrc.unit.location')}>{f.name('island', u.location)}</td>
            <td data-label={t('hrc.board.dispatch')}>
              {dispatch ? (
                <a href={`/hrc/dispatches/${dispatch.id}`}>
                  {f.name('island', dispatch.island)} <DispatchBadge ctx={ctx} status={dispatch.status} />
                </a>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The polled part of the board; `hx-get` asks for it again, a 304 leaves it as it is. */
export function Board({ ctx, data }: { ctx: ViewCtx; data: BoardData }) {
  const { t, f } = ctx
  const counts = READINESS.map(
    (r) => [r, data.units.filter((b) => b.unit.readiness === r).length] as const,
  ).filter(([, n]) => n > 0)
  return (
    <div id="board" hx-get="/hrc" hx-trigger={`every ${ctx.pollSeconds}s`} hx-swap="outerHTML">
      <ul class="figures">
        {counts.map(([r, n]) => (
          <li>
            <b>{f.num(n)}</b> <ReadinessBadge ctx={ctx} status={r} />
          </li>
        ))}
      </ul>
      <h2>{t('hrc.board.threats')}</h2>
      <Threats ctx={ctx} threats={data.threats} />
      <h2>{t('hrc.board.islands')}</h2>
      <Islands ctx={ctx} data={data} />
      <h2>{t('hrc.board.units')}</h2>
      <Units ctx={ctx} units={data.units} />
    </div>
  )
}

export function BoardPage({ ctx, data }: { ctx: ViewCtx; data: BoardData }) {
  const { t } = ctx
  return (
    <section>
      <h1>{t('hrc.board')}</h1>
      <p class="links">
        <a href="/hrc/units">{t('hrc.units')}</a> · <a href="/hrc/threats">{t('hrc.threats')}</a> ·{' '}
        <a href="/hrc/dispatches">{t('hrc.dispatches')}</a>
      </p>
      <Board ctx={ctx} data={data} />
    </section>
  )
}
