/**
 * The real server as its own process, the way production runs it: the esbuild bundle of
 * scripts/build.mjs on plain node. Each test file builds into a fresh install folder of its own
 * (dist/, copies of public/ and db/migrations, package.json and scripts/start.mjs; node_modules
 * linked), so that parallel test files never read a bundle another one is writing.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
// @ts-expect-error: a plain .mjs script without types
import { buildServer } from '../../scripts/build.mjs'

export const ROOT = join(import.meta.dirname, '../..')

export interface Install {
  dir: string
  entry: string
  close: () => void
}

/** A production-like install in a temporary folder, with a fresh bundle. */
export async function install(): Promise<Install> {
  const dir = mkdtempSync(join(tmpdir(), 'ccpm-install-'))
  await (buildServer as (outfile: string) => Promise<string>)(join(dir, 'dist', 'server.js'))
  cpSync(join(ROOT, 'public'), join(dir, 'public'), { recursive: true })
  mkdirSync(join(dir, 'db'))
  cpSync(join(ROOT, 'db', 'migrations'), join(dir, 'db', 'migrations'), { recursive: true })
  mkdirSync(join(dir, 'scripts'))
  cpSync(join(ROOT, 'scripts', 'start.mjs'), join(dir, 'scripts', 'start.mjs'))
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'))
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  return {
    dir,
    entry: join(dir, 'dist', 'server.js'),
    close: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** Every file under `dir` (but node_modules and `skip`) with its size and mtime: what a start may not touch. */
export function snapshot(dir: string, skip: string[] = []): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      const rel = relative(dir, path)
      if (name === 'node_modules' || skip.some((s) => rel === s || rel.startsWith(`${s}/`))) continue
      const st = statSync(path)
      if (st.isDirectory()) walk(path)
      else out[rel] = `${st.size}:${st.mtimeMs}`
    }
  }
  walk(dir)
  return out
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface Running {
  proc: ChildProcess
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string
  /** Resolves with the exit code (null when killed by a signal) and the time from `since`. */
  exited: Promise<{ code: number | null; signal: string | null; at: number }>
}

/**
 * Starts `command` (default: node on the bundle) and resolves when it logs that it listens.
 * `env` is the whole environment the server gets besides PATH and HOME.
 */
export function run(
  args: string[],
  env: Record<string, string>,
  opts: { cwd?: string; command?: string; waitFor?: string } = {},
): Promise<Running> {
  const proc = spawn(opts.command ?? process.execPath, args, {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  )
  return new Promise((resolve, reject) => {
    const wanted = opts.waitFor ?? '"event":"listening"'
    const seen = () => {
      if (out.includes(wanted)) resolve({ proc, output: () => out, exited })
    }
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk
      seen()
    })
    proc.stderr!.on('data', (chunk: Buffer) => {
      out += chunk
      seen()
    })
    exited.then(({ code }) => reject(new Error(`exited (${code}) before "${wanted}":\n${out}`)))
  })
}

/** The log lines (JSON) a server wrote. */
export const logLines = (output: string): Record<string, unknown>[] =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l))

export const fileUrl = (path: string) => `file:${path}`
export const readText = (path: string) => readFileSync(path, 'utf8')
