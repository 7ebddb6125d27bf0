// The widget's three bundles built in memory with the options `npm run build` uses, measured
// gzipped at level 9: what the size test gates and `npm run bench` reports.
import { build } from 'esbuild'
import { BUNDLE_OPTIONS, WIDGET_BUNDLES } from '../../../widget/bundle-options.ts'

/**
 * The budgets of the brief, in gzipped bytes. The loader's is 2.5 KB because it sends a page
 * view on every page (path, title, kind, arrival referrer and UTM, the `page` command): about
 * 380 bytes that every page needs, which a chunk would make a request.
 */
export const LOADER_BUDGET = 2.5 * 1024
export const UI_BUDGET = 10 * 1024
/** The product chunk's: it reads JSON-LD and nothing else. */
export const PRODUCT_BUDGET = 1024

export type BundleSize = { bytes: number; gzipped: number }

async function measure({
  entry,
  format,
}: {
  entry: string
  format: 'iife' | 'esm'
}): Promise<BundleSize> {
  const result = await build({
    ...BUNDLE_OPTIONS,
    write: false,
    entryPoints: [new URL(`../../../${entry}`, import.meta.url).pathname],
    format,
  })
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array()
  // node:zlib is loaded by a computed name: the widget's tsconfig has no Node types on purpose
  // (browser code must not reach for Node APIs), and this file is part of that project.
  const zlib = (await import(/* @vite-ignore */ ['node', 'zlib'].join(':'))) as {
    gzipSync(data: Uint8Array, options: { level: number }): Uint8Array
  }
  return { bytes: bytes.length, gzipped: zlib.gzipSync(bytes, { level: 9 }).length }
}

export type WidgetBundleSizes = { loader: BundleSize; ui: BundleSize; product: BundleSize }

/** The loader (IIFE), the recommendations UI chunk (ESM, Preact included) and the product chunk. */
export async function widgetBundleSizes(): Promise<WidgetBundleSizes> {
  return {
    loader: await measure(WIDGET_BUNDLES['widget.js']),
    ui: await measure(WIDGET_BUNDLES['widget-ui.js']),
    product: await measure(WIDGET_BUNDLES['widget-product.js']),
  }
}
