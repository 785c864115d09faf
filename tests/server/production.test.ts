/**
 * The production start: `npm run build` makes plain JavaScript; `npm start` with
 * NODE_ENV=production runs one node process on it (no tsx), writes nothing outside its data
 * folder, refuses to start without BASE_URL, and stops cleanly on SIGTERM within 10 s, finishing
 * the mail it is delivering (so that it is not sent again after the restart).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, type Install, install, logLines, run, snapshot } from '../helpers/server-process.ts'
import { startSmtp } from '../helpers/smtp.ts'

let inst: Install
beforeAll(async () => {
  inst = await install()
}, 60_000)
afterAll(() => inst?.close())

/** The pids of `root` and all its descendants, with their command lines. */
function tree(root: number): { pid: number; cmd: string }[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
  const rows = out
    .trim()
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)!)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), cmd: m[3]! }))
  const found = rows.filter((r) => r.pid === root)
  for (let i = 0; i < found.length; i++) for (const r of rows) if (r.ppid === found[i]!.pid) found.push(r)
  return found.map(({ pid, cmd }) => ({ pid, cmd }))
}

describe('npm run build', () => {
  it('bundles the server into plain JavaScript that node runs without tsx', () => {
    const js = readFileSync(inst.entry, 'utf8')
    expect(js).not.toMatch(/^import .* from ['"]\.\.?\/.*\.tsx?['"]/m) // no source file left to compile
    expect(js).toContain('// server/node.ts')
  })
})

describe('npm start in production', () => {
  it('is one node process on the bundle, writes nothing outside its data folder, and stops on SIGTERM', async () => {
    const port = await freePort()
    const before = snapshot(inst.dir, ['data'])
    const started = await run(
      ['start'],
      {
        NODE_ENV: 'production',
        PORT: String(port),
        BASE_URL: `http://localhost:${port}`,
        DATABASE_URL: `file:${join(inst.dir, 'data', 'ccpm.db')}`,
      },
      { cwd: inst.dir, command: 'npm' },
    )
    const procs = tree(started.proc.pid!)
    const nodes = procs.filter((p) => /(^|\/)node /.test(p.cmd))
    expect(nodes.map((p) => p.cmd)).toEqual([expect.stringMatching(/node scripts\/start\.mjs$/)])
    expect(procs.some((p) => /tsx|esbuild/.test(p.cmd))).toBe(false)
    expect(procs.length).toBeLessThanOrEqual(2) // npm and the server
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
    expect(snapshot(inst.dir, ['data'])).toEqual(before)

    const t0 = performance.now()
    started.proc.kill('SIGTERM')
    const exit = await started.exited
    expect(exit.at - t0).toBeLessThan(10_000)
    for (const p of procs) expect(() => process.kill(p.pid, 0)).toThrow() // nothing left behind
    const events = logLines(started.output()).map((l) => l.event)
    expect(events).toContain('stopping')
    expect(events).toContain('stopped')
  }, 60_000)

  it('refuses to start without BASE_URL', async () => {
    const port = await freePort()
    await expect(
      run([inst.entry], {
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: `file:${join(inst.dir, 'data', 'x.db')}`,
      }),
    ).rejects.toThrow(/exited \(1\)[\s\S]*BASE_URL must be set in production/)
  })
})

describe('SIGTERM during a delivery', () => {
  it('finishes the mail in flight, marks it sent, and the restarted server does not send it again', async () => {
    const port = await freePort()
    const db = `file:${join(inst.dir, 'data', 'mail.db')}`
    const env = {
      PORT: String(port),
      BASE_URL: `http://localhost:${port}`,
      DATABASE_URL: db,
      NODE_ENV: 'production',
    }
    // a database with the schema, then one mail waiting in the outbox
    const first = await run([inst.entry], env)
    first.proc.kill('SIGTERM')
    await first.exited
    const client = createClient({ url: db })
    await client.execute(
      "insert into outbox (id, created_at, \"to\", subject, text, status, attempts, next_attempt_at) values ('m1', 0, 'eva@example.org', 'Slow one', 'text', 'pending', 0, 0)",
    )

    const slow = await startSmtp({ delayMs: 1500 })
    try {
      const arriving = slow.nextData()
      const server = await run([inst.entry], { ...env, SMTP_URL: slow.url })
      await arriving // the message is on its way to the SMTP server
      const t0 = performance.now()
      server.proc.kill('SIGTERM')
      const exit = await server.exited
      expect(exit.code).toBe(0)
      expect(exit.at - t0).toBeLessThan(10_000)
      expect(slow.received.map((m) => m.subject)).toEqual(['Slow one'])
      const row = (await client.execute("select status, text from outbox where id = 'm1'")).rows[0]!
      expect(row.status).toBe('sent')

      // restarted, with the server quick now: its first pass runs at once and finds nothing to send
      const again = await run([inst.entry], { ...env, SMTP_URL: slow.url })
      again.proc.kill('SIGTERM')
      const againExit = await again.exited
      expect(againExit, again.output()).toMatchObject({ code: 0 })
      expect(slow.received).toHaveLength(1)
    } finally {
      client.close()
      await slow.close()
    }
  }, 60_000)
})
