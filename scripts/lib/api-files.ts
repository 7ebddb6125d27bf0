/**
 * The files generated from the OpenAPI document, by repository path: the human reference and
 * the typed client's types (openapi-typescript). Formatted as Prettier would, so `npm run check`
 * takes them as written.
 */
import openapiTS, { astToString } from 'openapi-typescript'
import { format, resolveConfig } from 'prettier'
import { openApiDocument } from '../../worker/openapi/document.ts'
import { apiMarkdown } from '../../worker/openapi/markdown.ts'

const TYPES_HEADER = `/**
 * The edgelift API's paths and shapes, generated from its OpenAPI document by openapi-typescript
 * (\`npm run api:docs\`); do not edit. test/unit/api-docs.test.ts fails while it is stale.
 */
`

async function pretty(path: string, text: string): Promise<string> {
  const options = await resolveConfig(path)
  return format(text, { ...options, filepath: path })
}

export async function generatedApiFiles(): Promise<Record<string, string>> {
  const doc = openApiDocument()
  // openapi-typescript reads a plain OpenAPI object; the document is one, typed more narrowly.
  const types = astToString(await openapiTS(JSON.parse(JSON.stringify(doc))))
  return {
    'docs/api.md': await pretty('docs/api.md', apiMarkdown(doc)),
    'clients/js/src/schema.d.ts': await pretty('clients/js/src/schema.d.ts', TYPES_HEADER + types),
  }
}
