/**
 * The storefront loader, built as an IIFE to /widget.js and /widget/<version>/widget.js:
 *
 *   <script async src="https://EDGE/widget.js" data-site="pk_..."></script>
 *
 * No framework and at most 2.5 KB gzipped; what only some pages need comes in separate chunks it
 * imports there: the Preact UI where the page has a recommendations slot, the schema.org Product
 * reader where it has JSON-LD. The configuration is read here, at top level, because
 * `document.currentScript` is gone once this first run ends.
 */
import { boot } from './boot.ts'
import { readConfig } from './config.ts'
import { warn } from './log.ts'

try {
  const config = readConfig(document.currentScript)
  if (config) boot(config)
  else warn('no data-site')
} catch (problem) {
  warn(problem)
}
