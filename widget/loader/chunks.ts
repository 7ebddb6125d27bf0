/**
 * Importing the loader's lazily loaded chunks (ESM) from beside it: `widget-ui.js`, the
 * recommendations UI, and `widget-product.js`, the JSON-LD product reader. The build writes the
 * three files together twice: to the versioned, immutable `/widget/<version>/` and, short-cached,
 * to the site root beside the `/widget.js` alias. So the pinned loader finds the chunks of its own
 * build, and the alias those of the current build, with no look-up first (all three alias files
 * are cached for 5 minutes, so for a few minutes after a deploy a page may pair a loader with the
 * next build's chunks). The chunks come from where the loader came from, never from `data-api`.
 */

/** The chunks of a build, by their name in `/widget/manifest.json`. */
export type ChunkName = 'ui' | 'product'

/**
 * Imports `widget-<name>.js` from the directory of the loader's own URL `src`. A chunk that
 * cannot load rejects, and the caller logs it: that feature is left out of the page.
 *
 * @example const ui = await importChunk<UiModule>(config.src, 'ui')
 */
export function importChunk<T>(src: string, name: ChunkName): Promise<T> {
  return import(/* @vite-ignore */ new URL(`widget-${name}.js`, src).href) as Promise<T>
}
