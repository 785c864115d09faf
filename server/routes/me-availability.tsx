/** Self-service: a functionary's unavailability periods and the alerts they received. */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'

export const myAvailabilityPages = new Hono<AppEnv>()
