/**
 * The D1 options of the admin scripts: `--d1 [--remote] [--env NAME] [--persist-to DIR]
 * [--base-url URL]`. --remote means the deployed database of [env.production] unless --env
 * names another section; without --remote, wrangler's local state of the top-level config.
 */
import type { D1Target } from '../db/wrangler-d1.ts'

export interface D1Args {
  email: string | undefined
  d1: (D1Target & { baseUrl: string }) | null
}

export function parseD1Args(argv: readonly string[], env: Record<string, string | undefined>): D1Args {
  const value = (flag: string) => {
    const at = argv.indexOf(flag)
    return at >= 0 ? argv[at + 1] : undefined
  }
  const takesValue = new Set(['--env', '--persist-to', '--base-url'])
  const email = argv.find((a, i) => !a.startsWith('--') && !takesValue.has(argv[i - 1] ?? ''))
  if (!argv.includes('--d1')) return { email, d1: null }
  const remote = argv.includes('--remote')
  const baseUrl = value('--base-url') ?? env.BASE_URL ?? (remote ? undefined : 'http://localhost:8787')
  // The deployed BASE_URL is a secret and cannot be read back: the link needs it given here.
  if (!baseUrl)
    throw new Error('--remote needs the public address: BASE_URL=https://… or --base-url https://…')
  if (!/^https?:\/\//.test(baseUrl))
    throw new Error(`the base URL must start with http:// or https://, not ${baseUrl}`)
  return {
    email,
    d1: {
      binding: 'DB',
      remote,
      env: value('--env') ?? (remote ? 'production' : undefined),
      persistTo: value('--persist-to'),
      baseUrl: baseUrl.replace(/\/$/, ''),
    },
  }
}

/** The admin scripts' arguments from the command line, or their usage and exit code 2. */
export function readAdminArgs(usage: string): { email: string; d1: D1Args['d1'] } {
  try {
    const { email, d1 } = parseD1Args(process.argv.slice(2), process.env)
    if (email) return { email, d1 }
    console.error(usage)
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`)
  }
  process.exit(2)
}
