/**
 * Finding and importing the loader's lazily loaded chunks (ESM) next to it: `ui.js`, the
 * recommendations UI, and `product.js`, the JSON-LD product reader. Served from its versioned,
 * immutable path `/widget/<version>/widget.js`, the loader imports a chunk beside itself: the same
 * build, no extra request. Served from the short-cached `/widget.js` alias it cannot know the
 * version (its own bytes are hashed into it), so it reads `/widget/manifest.json` on the script's
 * origin, whose `ui.path` and `product.path` name the current chunks. Either way the chunks come
 * from where the loader came from, never from `data-api`.
 */

/** The chunks of a build, by their name in `widget/manifest.json`. */
export type ChunkName = 'ui' | 'product'

/** The part of the build's `widget/manifest.json` the loader reads. */
type ChunkManifest = Record<ChunkName, { path: string }>

/**
 * Imports the chunk `name` that belongs with a loader served from `src`. A missing or broken
 * manifest or chunk rejects, and the caller logs it: that feature is left out of the page. The
 * manifest is not kept between imports: a page's second one is answered by the HTTP cache.
 *
 * @example const ui = await importChunk<UiModule>(config.src, 'ui')
 */
export async function importChunk<T>(src: string, name: ChunkName): Promise<T> {
  const url = /\/[0-9a-f]{8,}\/widget\.js$/.test(src)
    ? new URL(`${name}.js`, src)
    : new URL(
        ((await (await fetch(new URL('/widget/manifest.json', src))).json()) as ChunkManifest)[name]
          .path,
        src,
      )
  return import(/* @vite-ignore */ url.href) as Promise<T>
}
