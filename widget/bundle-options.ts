/**
 * The esbuild options of every bundle `npm run build` makes. The size gate
 * (test/widget/support/bundle-sizes.ts) builds with the same object, so what it measures is what
 * ships.
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
