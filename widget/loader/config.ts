/**
 * The loader's configuration, read from its own `<script>` tag:
 * `<script async src="https://EDGE/widget.js" data-site="pk_..." data-api? data-consent?>`.
 */

export type LoaderConfig = {
  /** The site's public key. */
  site: string
  /** The API's origin (no trailing slash): `data-api`'s, else the script's own. */
  api: string
  /** The script's absolute URL; the UI chunk is found next to it. */
  src: string
  /** `data-consent="required"`: store and send nothing until `edgelift.push(['consent', true])`. */
  consentRequired: boolean
}

/**
 * The configuration; undefined when the tag carries no site key. `document.currentScript` exists
 * only while the script first runs, so the entry calls this at top level.
 */
export function readConfig(script: HTMLOrSVGScriptElement | null): LoaderConfig | undefined {
  const data = script?.dataset
  if (script instanceof HTMLScriptElement && data?.site) {
    return {
      site: data.site,
      // The API answers at the root of its origin: a trailing slash or path in data-api is dropped.
      api: new URL(data.api ?? script.src).origin,
      src: script.src,
      consentRequired: data.consent === 'required',
    }
  }
}
