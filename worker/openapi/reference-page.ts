/**
 * `/docs`: the OpenAPI document as one plain HTML page, rendered by the Worker: every operation
 * with its parameters, request body and answers. No script and no stylesheet from elsewhere, so
 * it needs no CDN and its Content-Security-Policy allows nothing but its own inline style.
 */
import { escapeHtml, markdownToHtml } from './markdown-html.ts'
import type { OpenApiDocument } from './document.ts'

type Json = Record<string, unknown>

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
code,pre{font:13px/1.4 ui-monospace,monospace;background:#f4f4f6;border-radius:4px}
code{padding:0 .2em}pre{padding:.6rem;overflow:auto}
section.op{border-top:1px solid #ddd;padding:.5rem 0}
.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
nav li{list-style:none}
`

function schemaBlock(schema: unknown): string {
  return `<details><summary>Schema</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`
}

function parametersTable(parameters: Json[]): string {
  const rows = parameters.map(
    (p) =>
      `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td>` +
      `<td>${p.required ? 'yes' : 'no'}</td><td>${escapeHtml(String(p.description ?? ''))}</td>` +
      `<td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
  )
  return `<table><tr><th>Name</th><th>In</th><th>Required</th><th>Description</th><th>Schema</th></tr>${rows.join('')}</table>`
}

function contentBlocks(content: Json): string {
  return Object.entries(content)
    .map(([type, media]) => {
      const schema = (media as Json).schema
      return `<p><code>${escapeHtml(type)}</code></p>${schema === undefined ? '' : schemaBlock(schema)}`
    })
    .join('')
}

function operationSection(method: string, path: string, op: Json): string {
  const id = String(op.operationId)
  const parts = [
    `<section class="op" id="${escapeHtml(id)}">`,
    `<h3><span class="m">${escapeHtml(method)}</span> <code>${escapeHtml(path)}</code></h3>`,
    `<p><strong>${escapeHtml(String(op.summary))}</strong></p>`,
  ]
  if (typeof op.description === 'string') parts.push(markdownToHtml(op.description))
  const security = op.security as Json[]
  const keys = security.map((s) => Object.keys(s).join(' + ')).join(' or ')
  parts.push(`<p>Auth: ${keys ? escapeHtml(keys) : 'none'}</p>`)
  const parameters = op.parameters as Json[] | undefined
  if (parameters) parts.push('<h4>Parameters</h4>', parametersTable(parameters))
  const body = op.requestBody as Json | undefined
  if (body) {
    parts.push('<h4>Request body</h4>')
    if (typeof body.description === 'string') parts.push(markdownToHtml(body.description))
    parts.push(contentBlocks(body.content as Json))
  }
  parts.push('<h4>Responses</h4>')
  for (const [status, answer] of Object.entries(op.responses as Record<string, Json>)) {
    parts.push(
      `<p><strong>${escapeHtml(status)}</strong> ${escapeHtml(String(answer.description))}</p>`,
      contentBlocks(answer.content as Json),
    )
  }
  parts.push('</section>')
  return parts.join('\n')
}

export function referencePage(doc: OpenApiDocument): string {
  const entries = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as unknown as Json })),
  )
  const toc = entries
    .map(
      (e) =>
        `<li><a href="#${escapeHtml(String(e.op.operationId))}"><span class="m">${escapeHtml(e.method)}</span> ${escapeHtml(e.path)}</a></li>`,
    )
    .join('')
  const sections = doc.tags.map((tag) => {
    const ops = entries.filter((e) => (e.op.tags as string[]).includes(tag.name))
    return `<h2>${escapeHtml(tag.name)}</h2>\n${ops.map((e) => operationSection(e.method, e.path, e.op)).join('\n')}`
  })
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(doc.info.title)}</h1>
<p>The machine-readable document: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}).</p>
${markdownToHtml(doc.info.description)}
<h2>Operations</h2><nav><ul>${toc}</ul></nav>
${sections.join('\n')}
</body></html>
`
}
