/**
 * The production configuration of wrangler.toml, run as deployed but locally: wrangler bundles
 * server/worker.ts and runs it in workerd with [env.production] on a local D1 kept in a temp dir
 * (`--persist-to`). The migrations go in with `wrangler d1 migrations apply`, the first admin
 * with `npm run admin:create -- EMAIL --d1` (the same query code as on libSQL, through
 * `wrangler d1 execute`); the Worker refuses to serve without BASE_URL, and with it the admin
 * sets a password through the printed link and signs in. No demo data anywhere.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unstable_readConfig, unstable_startWorker } from 'wrangler'

const run = promisify(execFile)
// no fetch of Request.cf from the network (there is none here)
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'
// wrangler takes required secrets from process.env in local dev, and vite sets BASE_URL=/ there
delete process.env.BASE_URL
const dir = mkdtempSync(join(tmpdir(), 'ccpm-d1-'))
const ORIGIN = 'https://ccpm.example'
/** The one-time link admin:create printed. */
let link = ''

const wrangler = (...args: string[]) =>
  run('npx', ['wrangler', ...args, '--env', 'production', '--persist-to', dir], {
    env: { ...process.env, CI: '1' },
  })
const sql = async (command: string) => {
  const { stdout } = await wrangler('d1', 'execute', 'DB', '--local', '--json', '--command', command)
  return (JSON.parse(stdout) as { results: Record<string, unknown>[] }[])[0]!.results
}
const adminCreate = (email: string) =>
  run('npx', ['tsx', 'scripts/admin-create.ts', email, '--d1', '--env', 'production', '--persist-to', dir], {
    env: { ...process.env, BASE_URL: ORIGIN },
  })

async function startProduction(vars: Record<string, string>) {
  const worker = await unstable_startWorker({
    config: 'wrangler.toml',
    env: 'production',
    bindings: Object.fromEntries(
      Object.entries(vars).map(([k, value]) => [k, { type: 'plain_text' as const, value }]),
    ),
    dev: { server: { port: 0 }, inspector: false, persist: dir, watch: false, logLevel: 'error' },
  })
  await worker.ready
  return worker
}

beforeAll(async () => {
  await wrangler('d1', 'migrations', 'apply', 'DB', '--local')
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('wrangler.toml', () => {
  it('deploys production with NODE_ENV=production, BASE_URL as a required secret, its own D1 and the cron', () => {
    const production = unstable_readConfig({ config: 'wrangler.toml', env: 'production' })
    expect(production.name).toBe('ccpm-production')
    expect(production.vars).toEqual({ NODE_ENV: 'production', MAIL_FROM: 'CCPM <noreply@ccpm.example.org>' })
    expect(production.secrets).toEqual({ required: ['BASE_URL'] })
    expect(production.d1_databases).toEqual([
      expect.objectContaining({ binding: 'DB', database_name: 'ccpm' }),
    ])
    expect(production.triggers.crons).toEqual(['* * * * *'])
    // local development only: development mode, and a database id no deploy can use
    const local = unstable_readConfig({ config: 'wrangler.toml' })
    expect(local.vars).toEqual({ NODE_ENV: 'development' })
    expect(local.d1_databases[0]!.database_id).toBe('00000000-0000-0000-0000-000000000000')
  })
})

describe('production on a local D1', () => {
  it('creates the first admin with admin:create --d1 and prints the one-time link, once', async () => {
    const { stdout } = await adminCreate('Ops@Example.org')
    expect(stdout).toMatch(/^Admin Ops@Example.org created\. Set the password within 72 hours at:\n/)
    expect(stdout).toMatch(/https:\/\/ccpm\.example\/password\/[a-z0-9]{16}\.[a-z0-9]{32}\n$/)
    expect(await sql('select email, role, password_hash from users')).toEqual([
      { email: 'ops@example.org', role: 'admin', password_hash: null },
    ])
    expect(await sql('select action, actor_label from audit_events')).toEqual([
      { action: 'user.created', actor_label: 'admin:create' },
    ])
    const again = await adminCreate('ops@example.org').catch((e: { code: number; stderr: string }) => e)
    expect(again).toMatchObject({ code: 1, stderr: 'an account with ops@example.org exists already\n' })
    link = /https:\S+/.exec(stdout)![0]
  }, 60_000)

  it('refuses to serve without BASE_URL (500 page), and seeds nothing', async () => {
    const worker = await startProduction({})
    try {
      const res = await worker.fetch(`${ORIGIN}/login`)
      expect(res.status).toBe(500)
      expect(await res.text()).toContain('BASE_URL must be set in production')
      expect(await sql('select count(*) as n from islands')).toEqual([{ n: 0 }])
    } finally {
      await worker.dispose()
    }
  }, 60_000)

  it('with BASE_URL: the admin sets a password through the link and signs in; no demo accounts', async () => {
    const worker = await startProduction({ BASE_URL: ORIGIN })
    try {
      const path = new URL(link).pathname
      const form = (to: string, body: Record<string, string>) =>
        worker.fetch(`${ORIGIN}${to}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(body),
        })
      expect((await worker.fetch(`${ORIGIN}${path}`)).status).toBe(200)
      const set = await form(path, { password: 'correct horse battery' })
      expect(set.status).toBe(200)
      expect(await set.text()).toContain('Your password is set.')
      const signIn = await form('/login', { email: 'ops@example.org', password: 'correct horse battery' })
      expect(signIn.status).toBe(303)
      expect(signIn.headers.get('set-cookie')).toMatch(/; Secure/)
      expect((await form('/login', { email: 'saba@demo.ccpm', password: 'demo' })).status).toBe(401)
      expect(await sql('select count(*) as n from islands')).toEqual([{ n: 7 }])
      expect(await sql('select count(*) as n from users')).toEqual([{ n: 1 }])
      expect((await sql('select password_hash as h from users'))[0]!.h).toMatch(
        /^pbkdf2-sha256-chain\$100000x6\$/,
      )
    } finally {
      await worker.dispose()
    }
  }, 60_000)
})
