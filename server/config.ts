/** Configuration, parsed once from the environment into a typed object (both entries use this). */

export interface Config {
  port: number
  databaseUrl: string
  smtpUrl: string | null
  baseUrl: string
  production: boolean
  /** Secure cookies when the public address is https. */
  secureCookies: boolean
  /** Mail sender address. */
  mailFrom: string
  /** How often an open board asks for news, in seconds (tests shorten it). */
  pollSeconds: number
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`)
  const baseUrl = (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, '')
  if (!/^https?:\/\//.test(baseUrl))
    throw new Error(`BASE_URL must start with http:// or https://, not ${baseUrl}`)
  return {
    port,
    databaseUrl: env.DATABASE_URL ?? 'file:data/ccpm.db',
    smtpUrl: env.SMTP_URL || null,
    baseUrl,
    production: env.NODE_ENV === 'production',
    secureCookies: baseUrl.startsWith('https://'),
    mailFrom: env.MAIL_FROM ?? 'CCPM <noreply@ccpm.invalid>',
    pollSeconds: 20,
  }
}
