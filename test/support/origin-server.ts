// A real origin server on loopback for the proxy tests and benchmark: HTML pages with variation
// markup (one answered after a render delay), a binary image, gzip and brotli bodies, redirects,
// a 500, a slow streamed page, a POST form, an echo of request headers, a 5 MB streamed page and a
// service worker script; every answer says which request target it got (`x-request-target`).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { brotliCompressSync, gzipSync } from 'node:zlib'

export const IMAGE_BYTES = Buffer.from(
  Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
)

export function pageHtml(title: string, body = ''): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body>
<h1>${title}</h1>
<button data-edgelift-experiment="hero" data-edgelift-variation="control">Buy now</button>
<button data-edgelift-experiment="hero" data-edgelift-variation="b">Add to bag</button>
<p data-edgelift-experiment="unknown-exp" data-edgelift-variation="x">left for the widget</p>
${body}</body></html>`
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: string | Buffer,
) {
  res.writeHead(status, headers)
  res.end(body)
}

function handle(req: IncomingMessage, res: ServerResponse) {
  // The request target exactly as it arrived: what the proxy asked this origin for.
  res.setHeader('x-request-target', req.url ?? '')
  const url = new URL(req.url ?? '/', 'http://origin')
  const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60' }
  switch (url.pathname) {
    case '/':
    case '/page':
    case '/products/mug':
      return send(res, 200, html, pageHtml(`Page ${url.pathname}`))
    case '/landing-b':
      return send(res, 200, html, pageHtml('Landing B'))
    case '/with-widget':
      return send(
        res,
        200,
        html,
        pageHtml(
          'Has widget',
          '<script async src="https://edge.example/widget.js" data-site="pk_x"></script>',
        ),
      )
    case '/sw.js':
    case '/app/sw.js':
      // A store's service worker that asks for the whole host as its scope.
      return send(
        res,
        200,
        { 'content-type': 'text/javascript', 'service-worker-allowed': '/' },
        "self.addEventListener('fetch', (e) => e.respondWith(new Response('from the worker')))",
      )
    case '/image.png':
      return send(
        res,
        200,
        { 'content-type': 'image/png', 'cache-control': 'public, max-age=3600', etag: '"img1"' },
        IMAGE_BYTES,
      )
    case '/gzip.txt':
      return send(
        res,
        200,
        { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
        gzipSync('gzip body '.repeat(100)),
      )
    case '/brotli.txt':
      return send(
        res,
        200,
        { 'content-type': 'text/plain', 'content-encoding': 'br' },
        brotliCompressSync(Buffer.from('brotli body '.repeat(100))),
      )
    case '/redirect':
      return send(res, 301, { location: '/page' })
    case '/error':
      return send(res, 500, { 'content-type': 'text/plain', 'x-origin': 'yes' }, 'origin exploded')
    case '/echo-headers':
      return send(res, 200, { 'content-type': 'application/json' }, JSON.stringify(req.headers))
    case '/rendered': {
      // A store page that takes `ms` to render elsewhere (database, templates): waits, no CPU.
      const ms = Math.min(Number(url.searchParams.get('ms') ?? 50) || 0, 5000)
      setTimeout(() => send(res, 200, html, pageHtml('Rendered page')), ms)
      return
    }
    case '/slow': {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<!doctype html><html><body><p>first</p>')
      setTimeout(() => res.end('<p>second</p></body></html>'), 300)
      return
    }
    case '/big': {
      // 5 MB of HTML in 64 KB chunks, written as the client reads, to prove the proxy streams.
      res.writeHead(200, { 'content-type': 'text/html' })
      const chunk = `<p>${'x'.repeat(65_000)}</p>\n`
      let sent = 0
      const pump = () => {
        while (sent < 80) {
          sent++
          if (!res.write(chunk)) return res.once('drain', pump)
        }
        res.end('</body></html>')
      }
      res.write('<!doctype html><html><body>')
      return pump()
    }
    case '/form': {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () =>
        send(
          res,
          201,
          { 'content-type': 'application/json' },
          JSON.stringify({ method: req.method, body: Buffer.concat(chunks).toString() }),
        ),
      )
      return
    }
    default:
      return send(res, 404, { 'content-type': 'text/plain' }, 'no such page')
  }
}

export async function startOrigin(port = 0): Promise<{ url: string; server: Server }> {
  const server = createServer(handle)
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('origin did not bind')
  return { url: `http://127.0.0.1:${address.port}`, server }
}
