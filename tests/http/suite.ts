/** Every flow of the HTTP suite, registered against one runtime (node.test.ts, tests/workers/http.test.ts). */
import { alertFlows } from './flows/alerts.ts'
import { assetFlows } from './flows/assets.ts'
import { authFlows } from './flows/auth.ts'
import { hrcFlows } from './flows/hrc.ts'
import { incidentFlows } from './flows/incidents.ts'
import { mailFlows } from './flows/mail.ts'
import { matchingFlows } from './flows/matching.ts'
import { peopleFlows } from './flows/people.ts'
import { poolFlows } from './flows/pool.ts'
import { requestFlows } from './flows/requests.ts'
import type { Runtime } from './target.ts'

export function httpSuite(rt: Runtime) {
  authFlows(rt)
  requestFlows(rt)
  incidentFlows(rt)
  poolFlows(rt)
  peopleFlows(rt)
  alertFlows(rt)
  mailFlows(rt)
  matchingFlows(rt)
  hrcFlows(rt)
  assetFlows(rt)
}
