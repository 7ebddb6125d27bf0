/**
 * docs/api.md: the OpenAPI document as Markdown for people reading the repository. Generated
 * (`npm run api:docs`) and kept current by test/unit/api-docs.test.ts, so it cannot drift from
 * the document; each schema's fields are listed one level deep, the full schema is in
 * /v1/openapi.json.
 */
import type { OpenApiDocument } from './document.ts'

type Json = Record<string, unknown>

/** A schema as one short type label: `string`, `integer | null`, `array of object`, ... */
export function typeLabel(schema: Json | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return 'any'
  if ('const' in schema) return JSON.stringify(schema.const)
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' \\| ')
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined
  if (union) return union.map(typeLabel).join(' \\| ')
  const type = schema.type
  if (Array.isArray(type)) return type.join(' \\| ')
  if (type === 'array') return `array of ${typeLabel(schema.items as Json | undefined)}`
  if (type === 'object' && schema.additionalProperties && !schema.properties) {
    return `map of ${typeLabel(schema.additionalProperties as Json)}`
  }
  return typeof type === 'string' ? type : 'any'
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** The fields of an object schema (or of each object of a union), one table row each. */
function fields(schema: Json | undefined): string[] {
  if (!schema) return []
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined
  if (union) {
    return union.flatMap((option, i) => {
      const rows = fields(option)
      return rows.length > 0 ? [`One of (${i + 1}):`, '', ...rows, ''] : []
    })
  }
  const properties = schema.properties as Record<string, Json> | undefined
  if (!properties) return []
  const required = new Set((schema.required ?? []) as string[])
  return [
    '| Field | Type | Required | Description |',
    '| --- | --- | --- | --- |',
    ...Object.entries(properties).map(
      ([name, property]) =>
        `| \`${name}\` | ${typeLabel(property)} | ${required.has(name) ? 'yes' : 'no'} | ${cell(String(property.description ?? ''))} |`,
    ),
  ]
}

function operation(method: string, path: string, op: Json): string[] {
  const lines = [`### ${method.toUpperCase()} \`${path}\``, '', `**${String(op.summary)}**`, '']
  if (typeof op.description === 'string') lines.push(op.description, '')
  const security = (op.security as Json[]).map((s) => Object.keys(s).join(' + ')).join(' or ')
  lines.push(`Auth: ${security || 'none'}`, '')
  const parameters = op.parameters as Json[] | undefined
  if (parameters) {
    lines.push(
      '| Parameter | In | Type | Required | Description |',
      '| --- | --- | --- | --- | --- |',
      ...parameters.map(
        (p) =>
          `| \`${String(p.name)}\` | ${String(p.in)} | ${typeLabel(p.schema as Json)} | ${p.required ? 'yes' : 'no'} | ${cell(String(p.description ?? ''))} |`,
      ),
      '',
    )
  }
  const body = op.requestBody as Json | undefined
  if (body) {
    const content = body.content as Record<string, Json>
    lines.push(
      `Request body: ${Object.keys(content)
        .map((t) => `\`${t}\``)
        .join(', ')}`,
      '',
    )
    if (typeof body.description === 'string') lines.push(body.description, '')
    const first = Object.values(content).find((media) => media.schema)
    const rows = fields(first?.schema as Json | undefined)
    if (rows.length > 0) lines.push(...rows, '')
  }
  lines.push('Responses:', '')
  for (const [status, answer] of Object.entries(op.responses as Record<string, Json>)) {
    const content = answer.content as Record<string, Json>
    const [type, media] = Object.entries(content)[0] ?? ['', {}]
    lines.push(`- **${status}** (\`${type}\`): ${String(answer.description)}`)
    if (Number(status) < 400) {
      const rows = fields(media.schema as Json | undefined)
      if (rows.length > 0) lines.push('', ...rows.map((row) => (row ? `  ${row}` : row)), '')
    }
  }
  lines.push('')
  return lines
}

export function apiMarkdown(doc: OpenApiDocument): string {
  const entries = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as unknown as Json })),
  )
  const lines = [
    `# ${doc.info.title}`,
    '',
    '<!-- Generated from the OpenAPI document by `npm run api:docs`; edit worker/openapi/, not this file. -->',
    '',
    doc.info.description,
    '',
    '## Operations',
    '',
    ...entries.map((e) => `- ${e.method.toUpperCase()} \`${e.path}\`: ${String(e.op.summary)}`),
    '',
  ]
  for (const tag of doc.tags) {
    lines.push(`## ${tag.name}`, '')
    for (const e of entries.filter((e) => (e.op.tags as string[]).includes(tag.name))) {
      lines.push(...operation(e.method, e.path, e.op))
    }
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`
}
