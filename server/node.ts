/** `npm start`: the Node entry. Configuration from the environment (README: Configuration). */
import { parseConfig } from './config.ts'
import { jsonLog, startServer } from './serve.ts'

const config = parseConfig(process.env)
const server = await startServer(config)
jsonLog({
  level: 'info',
  event: 'listening',
  url: config.baseUrl,
  port: server.port,
  database: config.databaseUrl,
  smtp: config.smtpUrl != null,
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await server.close()
    process.exit(0)
  })
}
