/**
 * For the Workers tests, in Node: the Worker as `wrangler dev` serves it, with wrangler's [assets]
 * router in front (public/ and its _headers answered before the Worker runs). The pool's
 * `exports.default.fetch` reaches the Worker alone, so a static file is asked for here.
 * Storage is not persisted: a request that falls through to the Worker finds an empty D1.
 */
import { unstable_startWorker } from 'wrangler'

export async function startAssetsServer() {
  const worker = await unstable_startWorker({
    config: './wrangler.toml',
    dev: {
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      persist: false,
      watch: false,
      logLevel: 'error',
    },
  })
  await worker.ready
  const url = await worker.url
  return { origin: url.origin, dispose: () => worker.dispose() }
}
