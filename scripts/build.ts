/**
 * `npm run build`: bundles the storefront widget (a small loader, its Preact UI chunk and its
 * JSON-LD product chunk) and the admin dashboard into public/, which the Worker serves as static
 * assets. The widget goes to a versioned, immutable path (/widget/<version>/, beside every earlier
 * release, see lib/widget-release.ts) and, short-cached, to /widget.js, /widget-ui.js and
 * /widget-product.js: the loader imports its chunks from beside itself (widget/loader/chunks.ts),
 * so the alias and the pinned copy need no look-up.
 */
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN_TEAM_BUNDLE, BUNDLE_OPTIONS } from '../widget/bundle-options.ts'
import { STEERING_CHUNK } from '../widget/admin/steering/chunk.ts'
import { syncDir } from './lib/sync-dir.ts'
import { buildWidgetRelease, RELEASE_FILES, RELEASES_DIR } from './lib/widget-release.ts'

// Built aside, then synced into public/ (lib/sync-dir.ts): a Worker already serving public/
// keeps serving while this runs.
const PUBLIC = 'public'
const OUT = mkdtempSync(join(tmpdir(), 'edgelift-public-'))
const started = performance.now()

/** Bundles one entry to a file; answers its bytes. */
async function bundle(
  entry: string,
  outfile: string,
  format: 'iife' | 'esm',
  target: string = BUNDLE_OPTIONS.target,
): Promise<Buffer> {
  await build({ ...BUNDLE_OPTIONS, entryPoints: [entry], outfile, format, target })
  return readFileSync(outfile)
}

const release = await buildWidgetRelease()
const { version } = release
const { 'widget.js': loader, 'widget-ui.js': ui, 'widget-product.js': product } = release.files
const recorded = `${RELEASES_DIR}/${version}`
if (!existsSync(recorded)) {
  mkdirSync(recorded, { recursive: true })
  for (const name of RELEASE_FILES) writeFileSync(`${recorded}/${name}`, release.files[name])
  console.log(`▸ new widget release ${version}: commit ${recorded}/ so later deploys keep it`)
}
// Every recorded release is deployed, the newest also under the short-cached alias.
cpSync(RELEASES_DIR, `${OUT}/widget`, { recursive: true })
for (const name of RELEASE_FILES) writeFileSync(`${OUT}/${name}`, release.files[name])

if (existsSync('widget/admin/index.tsx')) {
  // ES2022 where the shop's widget keeps ES2021: admins' browsers already need <dialog> (Safari
  // 15.4, Firefox 98), which support it, and it is 86 bytes lighter gzipped than ES2021.
  // Pages are chunks of their own (widget/admin/lazy-page.tsx): app.js is the shell and the
  // experiments list, with the code they share with the pages.
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: { app: 'widget/admin/index.tsx' },
    outdir: `${OUT}/admin`,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    target: 'es2022',
  })
  await bundle(ADMIN_TEAM_BUNDLE.entry, `${OUT}${ADMIN_TEAM_BUNDLE.path}`, 'esm')
  // The recommendations page's steering tools: a chunk of their own, fetched when that page shows.
  await bundle(STEERING_CHUNK.entry, `${OUT}${STEERING_CHUNK.path}`, 'esm')
  cpSync('widget/admin/index.html', `${OUT}/admin/index.html`)
  // Minified like the script: the dashboard's budget counts both (bench/dashboard.ts).
  await build({
    entryPoints: ['widget/admin/app.css'],
    outfile: `${OUT}/admin/app.css`,
    minify: true,
  })
}

// The demo store's own script and style (what a merchant's store already has).
await bundle('widget/demo/store.ts', `${OUT}/demo-assets/store.js`, 'iife')
cpSync('widget/demo/store.css', `${OUT}/demo-assets/store.css`)

const sri = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`
const manifest = {
  version,
  loader: { path: `/widget/${version}/widget.js`, integrity: sri(loader), bytes: loader.length },
  ui: { path: `/widget/${version}/widget-ui.js`, integrity: sri(ui), bytes: ui.length },
  product: {
    path: `/widget/${version}/widget-product.js`,
    integrity: sri(product),
    bytes: product.length,
  },
}
writeFileSync(`${OUT}/widget/manifest.json`, JSON.stringify(manifest, null, 2))
writeFileSync(
  `${OUT}/_headers`,
  `/widget/:version/*
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=31536000, immutable
/widget.js
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300
/widget-ui.js
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300
/widget-product.js
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300
/widget/manifest.json
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=60
`,
)
syncDir(OUT, PUBLIC)
rmSync(OUT, { recursive: true, force: true })
console.log(
  `▸ built widget ${version} (loader ${loader.length} B, ui ${ui.length} B, product ${product.length} B) in ${Math.round(performance.now() - started)} ms`,
)
