// The yardstick of bench/http.ts: a bare Hono "hello" on the same @hono/node-server as the app,
// in its own process, so that a page's figure reads as a share of what the stack itself costs.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono().get('/', (c) => c.text('Hello Hono!'))
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
process.on('SIGTERM', () => process.exit(0))
