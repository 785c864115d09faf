/**
 * The composition root: one Hono app for both runtimes. The entries (node.ts, worker.ts) only
 * wire the database, the clock, the config and the static files into `createApp(deps)`.
 */
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { etag } from 'hono/etag'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv, Deps } from './env.ts'
import { notFound, onError } from './errors.tsx'
import { crossOriginProtection } from './middleware/csrf.ts'
import { idempotency } from './middleware/idempotency.ts'
import { requestLog } from './middleware/request-log.ts'
import { session } from './middleware/session.ts'
import { admin } from './routes/admin.tsx'
import { alertPages } from './routes/alerts.tsx'
import { api } from './routes/api.ts'
import { apiAlerts } from './routes/api-alerts.ts'
import { apiAvailability } from './routes/api-availability.ts'
import { apiFunctionaries } from './routes/api-functionaries.ts'
import { apiRequests } from './routes/api-requests.ts'
import { auth } from './routes/auth.tsx'
import { availabilityPages } from './routes/availability.tsx'
import { health } from './routes/health.ts'
import { incidentPages } from './routes/incidents.tsx'
import { myAvailabilityPages } from './routes/me-availability.tsx'
import { profilePages } from './routes/me-profile.tsx'
import { pages } from './routes/pages.tsx'
import { poolPages } from './routes/pool.tsx'
import { requestPages } from './routes/requests.tsx'

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use(async function inject(c, next) {
    c.set('deps', deps)
    await next()
  })
  app.use(requestLog())
  app.use(compress())
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: deps.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'same-origin',
    }),
  )
  if (deps.staticFiles) app.use('/assets/*', deps.staticFiles)
  app.use(etag())
  app.use(crossOriginProtection())
  app.use(session())
  app.use(idempotency())

  app.route('/', health)
  app.route('/', auth)
  app.route('/', pages)
  app.route('/requests', requestPages)
  app.route('/incidents', incidentPages)
  app.route('/pool/availability', availabilityPages) // before /pool, whose /:id would take it
  app.route('/pool', poolPages)
  app.route('/me', profilePages)
  app.route('/me', myAvailabilityPages)
  app.route('/', alertPages)
  app.route('/admin', admin)
  app.route('/api/v1', api)
  app.route('/api/v1', apiRequests)
  app.route('/api/v1', apiFunctionaries)
  app.route('/api/v1', apiAvailability)
  app.route('/api/v1', apiAlerts)

  app.notFound(notFound)
  app.onError(onError)
  return app
}

export type App = ReturnType<typeof createApp>
