/**
 * The readiness board: its data, and its entity tag. The tag is made from the database's change
 * marks, the hours the board shows and who reads it in which language, so that a poll that finds
 * nothing new is answered 304 before anything is loaded or drawn.
 */
import { activeDispatches, listUnits } from '../../db/queries/hrc.ts'
import { boardMark } from '../../db/queries/hrc-board.ts'
import { listDispatches } from '../../db/queries/hrc-dispatches.ts'
import { unfilledByIsland } from '../../db/queries/hrc-needs.ts'
import { listThreats } from '../../db/queries/hrc-threats.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import { can } from '../../pool/access/index.ts'
import type { BoardData } from '../../views/hrc/board.tsx'

const HOUR = 3_600_000

/** FNV-1a, 32 bits: a short tag from a longer mark (collisions only cost one needless redraw). */
function fnv(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

/**
 * The board's weak ETag for this reader now: data marks, the whole hours to each island's winds
 * (what the board prints), role, language, fragment or page, and for a page the minute its
 * clocks show.
 */
export async function boardTag(
  db: Db,
  actor: SessionUser,
  opts: { now: number; locale: string; partial: boolean },
): Promise<string> {
  const { mark, winds } = await boardMark(db)
  const hours = winds
    .flat()
    .map((w) =>
      w.tropicalStormWindsAt == null
        ? '-'
        : Math.max(0, Math.round((w.tropicalStormWindsAt - opts.now) / HOUR)),
    )
    .join(',')
  const clock = opts.partial ? '' : Math.floor(opts.now / 60_000)
  return `W/"hrc-${fnv(`${mark}|${hours}|${actor.role}|${opts.locale}|${opts.partial}|${clock}`)}"`
}

/** Capacity needs count as requested from submission until the request ends. */
const ASKING = ['submitted', 'acknowledged', 'in_progress'] as const
/** Needs shown per island on the board; the rest are counted ("and 12 more"). */
export const NEEDS_PER_ISLAND = 5

export async function boardData(db: Db, actor: SessionUser): Promise<BoardData> {
  const [units, active, orders, threats, needs] = await Promise.all([
    listUnits(db, actor),
    activeDispatches(db),
    listDispatches(db, actor, { active: true }),
    listThreats(db, actor, 'open'),
    unfilledByIsland(db, ASKING, NEEDS_PER_ISLAND),
  ])
  const islandOf = new Map(orders.map((d) => [d.id, d.island]))
  return {
    units: units.map((unit) => {
      const ref = active.get(unit.id)
      const island = ref && islandOf.get(ref.id)
      return { unit, dispatch: ref && island ? { ...ref, island } : null }
    }),
    threats: threats.map((th) => ({
      id: th.id,
      name: th.name,
      category: th.category,
      winds: th.outlook.map((o) => ({ island: o.island, at: o.tropicalStormWindsAt })),
    })),
    needs: needs.needs,
    moreNeeds: Object.fromEntries(needs.more),
    canDispatch: can(actor, 'hrc:manage'),
  }
}
