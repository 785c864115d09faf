/** JSON API v1 for the pool register. */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'

export const apiFunctionaries = new Hono<AppEnv>()
