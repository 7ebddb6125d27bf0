// @vitest-environment node
// (esbuild refuses to run under a DOM environment's typed arrays.)
import { describe, expect, it } from 'vitest'
import {
  LOADER_BUDGET,
  PRODUCT_BUDGET,
  UI_BUDGET,
  widgetBundleSizes,
} from './support/bundle-sizes.ts'

describe('widget bundle sizes, gzipped at level 9', async () => {
  const sizes = await widgetBundleSizes()

  it(`keeps the loader within ${LOADER_BUDGET} bytes`, () => {
    expect(sizes.loader.gzipped).toBeLessThanOrEqual(LOADER_BUDGET)
  })

  it(`keeps the UI chunk, Preact included, within ${UI_BUDGET} bytes`, () => {
    expect(sizes.ui.gzipped).toBeLessThanOrEqual(UI_BUDGET)
  })

  it(`keeps the product chunk (JSON-LD reading) within ${PRODUCT_BUDGET} bytes`, () => {
    expect(sizes.product.gzipped).toBeLessThanOrEqual(PRODUCT_BUDGET)
  })
})
