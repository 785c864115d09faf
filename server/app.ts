/**
 * The composition root: one Hono app for both runtimes. The entries (node.ts, worker.ts) only
 * wire the database, the clock, the config and the static files into `createApp(deps)`.
 */
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv, Deps } from './env.ts'
import { notFound, onError } from './errors.tsx'
import { bodies } from './middleware/body.ts'
import { crossOriginProtection } from './middleware/csrf.ts'
import { idempotency } from './middleware/idempotency.ts'
import { pageCache } from './middleware/page-cache.ts'
import { requestLog } from './middleware/request-log.ts'
import { respond } from './middleware/respond.ts'
import { session } from './middleware/session.ts'
import { accountPages } from './routes/accounts/account.tsx'
import { apiAccounts } from './routes/accounts/api.ts'
import { invitePages } from './routes/accounts/invite.tsx'
import { userPages } from './routes/accounts/pages.tsx'
import { passwordPages } from './routes/accounts/password.tsx'
import { apiAlerts } from './routes/alerts/api.ts'
import { myAlertPages } from './routes/alerts/mine.tsx'
import { alertPages } from './routes/alerts/pages.tsx'
import { apiAssignments } from './routes/assignments/api.ts'
import { assignmentPages } from './routes/assignments/pages.tsx'
import { authPages } from './routes/auth/pages.tsx'
import { apiAvailability } from './routes/availability/api.ts'
import { myAvailabilityPages } from './routes/availability/mine.tsx'
import { availabilityPages } from './routes/availability/pages.tsx'
import { apiFunctionaries } from './routes/functionaries/api.ts'
import { functionaryPages } from './routes/functionaries/pages.tsx'
import { profilePages } from './routes/functionaries/profile.tsx'
import { health } from './routes/health/index.ts'
import { apiHrc } from './routes/hrc/api.ts'
import { hrcPages } from './routes/hrc/pages.tsx'
import { apiIncidents } from './routes/incidents/api.ts'
import { incidentPages } from './routes/incidents/pages.tsx'
import { apiMatching } from './routes/matching/api.ts'
import { matchingPages } from './routes/matching/pages.tsx'
import { outboxPages } from './routes/outbox/pages.tsx'
import { overviewPages } from './routes/overview/pages.tsx'
import { apiReference } from './routes/reference/api.ts'
import { referencePages } from './routes/reference/pages.tsx'
import { apiRequests } from './routes/requests/api.ts'
import { requestPages } from './routes/requests/pages.tsx'

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use(async function inject(c, next) {
    c.set('deps', deps)
    await next()
  })
  app.use(requestLog())
  app.use(respond())
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
  app.use(crossOriginProtection())
  app.use(pageCache())
  app.use(session())
  app.use(bodies())
  app.use(idempotency())

  app.route('/', health)
  app.route('/', authPages)
  app.route('/', passwordPages)
  app.route('/account', accountPages)
  app.route('/admin/users', userPages)
  app.route('/', overviewPages)
  app.route('/', referencePages)
  app.route('/requests', requestPages)
  app.route('/incidents', incidentPages)
  app.route('/pool/availability', availabilityPages) // before /pool, whose /:id would take it
  app.route('/pool', functionaryPages)
  app.route('/pool', invitePages)
  app.route('/me', profilePages)
  app.route('/me', myAvailabilityPages)
  app.route('/me', myAlertPages)
  app.route('/', alertPages)
  app.route('/', matchingPages)
  app.route('/', assignmentPages)
  app.route('/admin', outboxPages)
  app.route('/hrc', hrcPages)
  app.route('/api/v1', apiReference)
  app.route('/api/v1', apiRequests)
  app.route('/api/v1', apiIncidents)
  app.route('/api/v1', apiFunctionaries)
  app.route('/api/v1', apiAvailability)
  app.route('/api/v1', apiAlerts)
  app.route('/api/v1', apiAccounts)
  app.route('/api/v1', apiHrc)
  app.route('/api/v1', apiMatching)
  app.route('/api/v1', apiAssignments)

  app.notFound(notFound)
  app.onError(onError)
  return app
}

export type App = ReturnType<typeof createApp>
