/** Why a need stays short in a plan, as messages the catalogues render ("all 4 qualified are busy"). */
import type { Msg } from '../shared/index.ts'
import type { ShortfallCode } from './types.ts'

export type AllocationMessage = Msg<
  `allocation.shortfall.${ShortfallCode}`,
  { count: number; qualified: number }
>
