/**
 * `npm run api:docs`: writes what is generated from the OpenAPI document into the repository:
 * docs/api.md (the human reference) and the typed client's types
 * (clients/js/). test/unit/api-docs.test.ts fails while any of them is stale. It loads the
 * routes, so tsconfig.json (the Worker's types) checks it, not scripts/tsconfig.json.
 */
import { writeFileSync } from 'node:fs'
import { generatedApiFiles } from './lib/api-files.ts'

for (const [path, text] of Object.entries(await generatedApiFiles())) {
  writeFileSync(new URL(`../${path}`, import.meta.url), text)
  console.log(`▸ wrote ${path}`)
}
