// `npm run build` (also run by `npm ci`, the prepare script): the Node server as plain JavaScript,
// one esbuild bundle of server/node.ts in dist/server.js, so that production runs `node` alone
// (no tsx, no compiling at start). Packages stay in node_modules (libSQL is native). esbuild is
// the one tsx brings, so a production install (`npm ci --omit=dev`) can build too.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

export async function buildServer(outfile = join(root, 'dist', 'server.js')) {
  const require = createRequire(import.meta.url)
  const esbuild = createRequire(require.resolve('tsx'))('esbuild')
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['server/node.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // JSON data of a package (the common-password list) is bundled: Node would need an import
    // attribute for it at run time, which esbuild does not keep on an external import.
    plugins: [
      {
        name: 'bundle-package-json',
        setup(build) {
          build.onResolve({ filter: /^[@\w][^:]*\.json$/ }, (args) => ({
            path: createRequire(join(args.resolveDir, 'x.js')).resolve(args.path),
          }))
        },
      },
    ],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  })
  return outfile
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildServer()
  console.log(`build: ${out.slice(root.length + 1)}`)
}
