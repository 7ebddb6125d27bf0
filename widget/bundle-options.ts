/**
 * The esbuild options of every bundle `npm run build` makes, and the widget's three bundles. The
 * size gate (test/widget/support/bundle-sizes.ts) builds with the same objects, so what it
 * measures is what ships.
 */
export const BUNDLE_OPTIONS = {
  bundle: true,
  minify: true,
  target: 'es2021',
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
} as const

/** The widget's files and what each is built from: the loader, the UI chunk, the product chunk. */
export const WIDGET_BUNDLES = {
  'widget.js': { entry: 'widget/loader/index.ts', format: 'iife' },
  'widget-ui.js': { entry: 'widget/recs/index.tsx', format: 'esm' },
  'widget-product.js': { entry: 'widget/product/index.ts', format: 'esm' },
} as const

/**
 * The dashboard's Settings team section (named keys, audit log): a separate bundle with its own
 * Preact, fetched only when Settings opens, so the dashboard's first load does not pay for it.
 * A chunk split by esbuild would share Preact with app.js instead, but moving the shared code to
 * a third file costs app.js more gzipped bytes (about 1 KB, measured) than the section itself.
 */
export const ADMIN_TEAM_BUNDLE = {
  entry: 'widget/admin/settings/team-island.tsx',
  path: '/admin/team.js',
} as const
