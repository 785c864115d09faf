/** JSON API v1 for unavailability periods. */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'

export const apiAvailability = new Hono<AppEnv>()
