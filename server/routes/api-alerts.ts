/** JSON API v1 for availability alerts. */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'

export const apiAlerts = new Hono<AppEnv>()
