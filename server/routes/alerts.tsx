/** Availability alerts: the need page that sends them and the public answer link. */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'

export const alertPages = new Hono<AppEnv>()
