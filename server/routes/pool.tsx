/** The pool register: list, search, create, edit, deactivate, CSV import and export. */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'

export const poolPages = new Hono<AppEnv>()
