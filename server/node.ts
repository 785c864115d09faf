/**
 * The Node entry (`npm start`; in production bundled to dist/server.js by `npm run build`).
 * Configuration from the environment (README: Configuration). SIGTERM or SIGINT stop it cleanly
 * within 10 s: no new work, requests and the mail in flight finish, the database closes.
 */
import { parseConfig } from './config.ts'
import { jsonLog, startServer } from './serve.ts'

const STOP_WITHIN_MS = 10_000

let config: ReturnType<typeof parseConfig>
try {
  config = parseConfig(process.env)
} catch (err) {
  jsonLog({ level: 'error', event: 'config', error: (err as Error).message })
  process.exit(1)
}

// Listening for the signals before starting: a stop that comes while the server starts waits for
// it, then stops it as cleanly as any other.
const starting = startServer(config)
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return
    stopping = true
    const started = Date.now()
    jsonLog({ level: 'info', event: 'stopping', signal })
    const hard = setTimeout(() => {
      jsonLog({ level: 'error', event: 'stop-timeout', ms: STOP_WITHIN_MS })
      process.exit(1)
    }, STOP_WITHIN_MS)
    hard.unref()
    try {
      await (await starting).close(STOP_WITHIN_MS - 2000)
      jsonLog({ level: 'info', event: 'stopped', ms: Date.now() - started })
      process.exit(0)
    } catch (err) {
      jsonLog({ level: 'error', event: 'stop-failed', error: (err as Error).message })
      process.exit(1)
    }
  })
}

const server = await starting
jsonLog({
  level: 'info',
  event: 'listening',
  url: config.baseUrl,
  port: server.port,
  database: config.databaseUrl.startsWith('file:') ? config.databaseUrl : 'libsql server',
  smtp: config.smtpUrl != null,
})
