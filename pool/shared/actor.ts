/** Who acts: the signed-in user as the rules see them (role, island, own pool record), and a name for events. */
import type { Role } from '../reference/roles.ts'

export type { Role }

export interface Actor {
  id: string
  role: Role
  island: string | null
  functionaryId: string | null
}

/** The acting user with the name that events show ("who did it" in a timeline). */
export type NamedActor = Actor & { name: string }

/** Whatever a record says about whose it is. */
export interface Scoped {
  island?: string | null
  functionaryId?: string | null
}
