/** Every flow of the HTTP suite, registered against one runtime (node.test.ts, tests/workers/http.test.ts). */

import { authFlows } from './flows/auth.ts'
import type { Runtime } from './target.ts'

export function httpSuite(rt: Runtime) {
  authFlows(rt)
}
