/** Named fixtures for request tests: a valid request body as the API takes it. */
import { eq, sql } from 'drizzle-orm'
import { requests } from '../../db/schema/index.ts'
import type { Db } from '../../db/types.ts'

export const sabaRequest = (over: Record<string, unknown> = {}) => ({
  title: 'Back-up for the EOT after Hurricane Erin',
  situation: 'Roofs gone at The Bottom and Windwardside; our EOT has worked 40 hours without relief.',
  phase: 'warm',
  priority: 'urgent',
  periodStart: '2026-09-06',
  periodEnd: '2026-09-20',
  needs: [
    { kind: 'functionary', role: 'information_manager', count: 2, minLevel: 'qualified', languages: ['en'] },
    {
      kind: 'functionary',
      role: 'crisis_communication_adviser',
      count: 1,
      minLevel: 'qualified',
      languages: ['en', 'nl'],
    },
    { kind: 'capacity', unitType: 'reconnaissance', count: 1 },
  ],
  ...over,
})

/**
 * Puts an acknowledged request in progress as the first arrival will once assignments exist (the
 * matching issue): until then nothing is ever filled, and a coordinator may not take the step.
 */
export async function putInProgress(db: Db, id: string) {
  await db
    .update(requests)
    .set({ status: 'in_progress', version: sql`${requests.version} + 1` })
    .where(eq(requests.id, id))
}
