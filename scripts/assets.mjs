// Prepares the static files under public/: htmx from node_modules and the stylesheet, both under
// versioned names, plus the manifest the app reads and Cloudflare's _headers. Runs on `npm ci`
// (the prepare script) and before start and test, so a clean clone needs nothing else.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'public')
const assets = join(out, 'assets')
rmSync(out, { recursive: true, force: true })
mkdirSync(assets, { recursive: true })

const htmxPkg = JSON.parse(readFileSync(join(root, 'node_modules/htmx.org/package.json'), 'utf8'))
const htmx = readFileSync(join(root, 'node_modules/htmx.org/dist/htmx.min.js'))
const css = readFileSync(join(root, 'views/app.css'))
const hash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 10)

const manifest = {
  htmx: `/assets/htmx-${htmxPkg.version}-${hash(htmx)}.min.js`,
  css: `/assets/app-${hash(css)}.css`,
}
writeFileSync(join(out, manifest.htmx), htmx)
writeFileSync(join(out, manifest.css), css)
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
writeFileSync(join(out, '_headers'), '/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n')
console.log(`assets: ${manifest.htmx} ${manifest.css}`)
