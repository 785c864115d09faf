// The yardstick of bench/workerd.ts: a bare Hono "hello" Worker under the same `wrangler dev`, so
// that a page's CPU on workerd reads next to what the local runtime itself costs per request.
import { Hono } from 'hono'

export default new Hono().get('/', (c) => c.text('Hello Hono!'))
