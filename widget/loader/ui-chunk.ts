/**
 * Finding and loading the recommendations UI chunk (Preact, ESM) next to the loader. Served from
 * its versioned, immutable path `/widget/<version>/widget.js`, the loader imports `ui.js` beside
 * itself: the same build, no extra request. Served from the short-cached `/widget.js` alias it
 * cannot know the version (its own bytes are hashed into it), so it reads `/widget/manifest.json`
 * on the script's origin, whose `ui.path` names the current chunk. Either way the chunk comes
 * from where the loader came from, never from `data-api`.
 */
import type { UiModule, WidgetBridge } from './bridge.ts'

/** Imports the UI chunk that belongs with a loader served from `src`, and mounts it. */
export async function loadUi(src: string, bridge: WidgetBridge): Promise<void> {
  // A missing or broken manifest throws, and the caller logs it: no recommendations.
  const url = /\/[0-9a-f]{8,}\/widget\.js$/.test(src)
    ? new URL('ui.js', src)
    : new URL(
        ((await (await fetch(new URL('/widget/manifest.json', src))).json()) as UiManifest).ui.path,
        src,
      )
  const ui = (await import(/* @vite-ignore */ url.href)) as UiModule
  ui.mount(bridge)
}

/** The part of the build's `widget/manifest.json` the loader reads. */
type UiManifest = { ui: { path: string } }
