/**
 * Importing the loader's lazily loaded chunks (ESM) from beside it: `widget-ui.js`, the
 * recommendations UI, and `widget-product.js`, the JSON-LD product reader. The build writes the
 * three files together twice: to the versioned, immutable `/widget/<version>/` and, short-cached,
 * to the site root beside the `/widget.js` alias. So a loader always finds the chunks of its own
 * build, or, for the alias, the current build (the alias and its chunks expire together), with no
 * look-up first; and the chunks come from where the loader came from, never from `data-api`.
 */

/** The chunks of a build, by their name in `/widget/manifest.json`. */
export type ChunkName = 'ui' | 'product'

/** Imports `widget-<name>.js` from the directory of the loader's own URL `src`. */
export function importChunk<T>(src: string, name: ChunkName): Promise<T> {
  return import(/* @vite-ignore */ new URL(`widget-${name}.js`, src).href) as Promise<T>
}
