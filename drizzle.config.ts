/** drizzle-kit: one SQL folder, read by the Node migrator and by `wrangler d1 migrations`. */
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
})
