/** Who is free when: the 8-week overview per role. */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'

export const availabilityPages = new Hono<AppEnv>()
