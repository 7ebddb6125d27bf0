// A DNS-over-HTTPS resolver on loopback, answering the JSON API public resolvers answer
// (`GET /dns-query?name=…&type=TXT`, application/dns-json), for a zone the tests write:
// `PUT /records/<name>` with a JSON array of TXT texts (an empty array removes the name).
// Hostname proofs go through the product's real DoH client against it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const TXT = 16

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/dns-json' })
  res.end(JSON.stringify(body))
}

function quoted(text: string): string {
  // Long texts are split into 255-byte character-strings, as DNS stores them.
  const parts = text.match(/.{1,255}/gs) ?? ['']
  return parts.map((p) => `"${p.replace(/(["\\])/g, '\\$1')}"`).join(' ')
}

export async function startDohServer(port = 0): Promise<{ url: string; server: Server }> {
  const zone = new Map<string, string[]>()
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://doh')
    if (req.method === 'PUT' && url.pathname.startsWith('/records/')) {
      const name = decodeURIComponent(url.pathname.slice('/records/'.length)).toLowerCase()
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        const texts = JSON.parse(body) as string[]
        if (texts.length === 0) zone.delete(name)
        else zone.set(name, texts)
        send(res, 200, { name, texts })
      })
      return
    }
    if (url.pathname !== '/dns-query') return send(res, 404, { error: 'not found' })
    if (req.headers.accept !== 'application/dns-json') return send(res, 415, {})
    const name = (url.searchParams.get('name') ?? '').toLowerCase().replace(/\.$/, '')
    if (name === 'servfail.test' || name.endsWith('.servfail.test')) {
      return send(res, 200, { Status: 2, Question: [{ name, type: TXT }] })
    }
    const texts = zone.get(name)
    if (!texts) return send(res, 200, { Status: 3, Question: [{ name, type: TXT }] })
    send(res, 200, {
      Status: 0,
      Question: [{ name: `${name}.`, type: TXT }],
      Answer: texts.map((t) => ({ name: `${name}.`, type: TXT, TTL: 300, data: quoted(t) })),
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}
