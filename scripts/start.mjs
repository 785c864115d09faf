// `npm start`. In production (NODE_ENV=production): the bundle dist/server.js on plain node, in
// this very process (package.json's `exec` makes it npm's direct child, so npm's SIGTERM reaches
// it). It writes nothing at start outside its data folder: public/ and dist/ are built by
// `npm ci` (the prepare script) or `npm run build`. Anywhere else: the TypeScript sources through
// tsx, also in this process, so that a change needs no build.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const missing = (file) => !existsSync(join(root, file))

if (process.env.NODE_ENV === 'production') {
  for (const file of ['dist/server.js', 'public/manifest.json']) {
    if (missing(file)) {
      console.error(`${file} is missing: run \`npm run build\` first (\`npm ci\` does it).`)
      process.exit(1)
    }
  }
  await import(pathToFileURL(join(root, 'dist/server.js')).href)
} else {
  if (missing('public/manifest.json')) await import('./assets.mjs')
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(join(root, 'server/node.ts')).href)
}
