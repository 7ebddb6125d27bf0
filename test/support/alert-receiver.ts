// A loopback receiver for alert tests: records every POST by path and answers as the path asks —
// `/ok/…` 200, `/fail-once/…` 500 the first time then 200, `/slow/…` never within the tests'
// timeouts, `/redirect/…` a 302 to `/ok/…`. `GET /received/<path>` lists what arrived there.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedAlert = { path: string; body: unknown; at: number }

export async function startAlertReceiver(): Promise<{ server: Server; url: string }> {
  const received: ReceivedAlert[] = []
  const failed = new Set<string>()
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/'
    if (req.method === 'GET' && path.startsWith('/received/')) {
      const wanted = path.slice('/received'.length)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(received.filter((r) => r.path === wanted)))
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      let body: unknown = null
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch {
        body = Buffer.concat(chunks).toString('utf8')
      }
      received.push({ path, body, at: Date.now() })
      if (path.startsWith('/slow/')) {
        setTimeout(() => res.writeHead(200).end(), 30_000).unref()
        return
      }
      if (path.startsWith('/redirect/')) {
        res.writeHead(302, { location: path.replace('/redirect/', '/ok/') }).end()
        return
      }
      if (path.startsWith('/fail-once/') && !failed.has(path)) {
        failed.add(path)
        res.writeHead(500).end()
        return
      }
      res.writeHead(path.startsWith('/ok/') || path.startsWith('/fail-once/') ? 200 : 404).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}
