/** Self-service: a functionary keeps their own profile. */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'

export const profilePages = new Hono<AppEnv>()
