// Merchant pages for the widget's browser tests and benchmark: a tiny static server on another
// origin (127.0.0.1:<port>) than the Worker, as a real storefront is, whose pages may carry their
// own headers (a strict Content-Security-Policy); and what those tests need from the running
// Worker besides the page: the demo site's admin API and the local D1 behind it.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSite } from '../../../scripts/lib/sites.ts'
import { localSql, sqlText } from '../../../scripts/lib/wrangler.ts'
import { untilAdminKeyWorks } from './traffic.ts'

export { sqlText }

export type TestPage = { html: string; headers?: Record<string, string> }

export type TestPages = {
  /** e.g. http://127.0.0.1:8798 */
  url: string
  /** Adds or replaces the page served at `path` (query strings are ignored). */
  set(path: string, page: TestPage): void
  close(): Promise<void>
}

/** Serves the pages on 127.0.0.1:`port`; unknown paths answer a small 404 page. */
export async function startTestPages(port: number): Promise<TestPages> {
  const pages = new Map<string, TestPage>()
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const page = pages.get(path)
    res.writeHead(page ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...page?.headers,
    })
    res.end(page?.html ?? '<!doctype html><title>Not found</title><h1>Not found</h1>')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    set: (path, page) => pages.set(path, page),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type StorePageOptions = {
  /** The Worker's URL; the widget script is loaded from it. */
  baseUrl: string
  /** Extra attributes on the script tag, e.g. `data-api="..."`; none to leave the widget out. */
  script?: string | null
  /** `/widget.js` (the alias) or a versioned path such as `/widget/<version>/widget.js`. */
  scriptPath?: string
  head?: string
  body: string
}

/** A merchant page: heading, content, and the widget's script tag as merchants paste it. */
export function storePage(options: StorePageOptions): string {
  const { baseUrl, script = 'data-site="pk_demo"', scriptPath = '/widget.js' } = options
  const tag =
    script === null ? '' : `<script async src="${baseUrl}${scriptPath}" ${script}></script>`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test store</title>
${options.head ?? ''}
${tag}
</head>
<body>
<h1 id="page-title">Test store</h1>
${options.body}
</body>
</html>`
}

/** A schema.org Product block for a product page. */
export function productJsonLd(product: {
  sku: string
  name: string
  url: string
  image?: string
  price?: number
  currency?: string
}): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    sku: product.sku,
    name: product.name,
    url: product.url,
    image: product.image,
    offers: {
      '@type': 'Offer',
      price: product.price?.toFixed(2),
      priceCurrency: product.currency,
      availability: 'https://schema.org/InStock',
    },
  }
  return `<script type="application/ld+json">${JSON.stringify(data)}</script>`
}

/** The strict policy of the brief: scripts and connections only to the page and the Worker. */
export function strictCsp(baseUrl: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'none'",
      `script-src 'self' ${baseUrl}`,
      "style-src 'self'",
      `connect-src 'self' ${baseUrl}`,
      'img-src * data:',
    ].join('; '),
  }
}

// The Worker side.

/** An admin call, as the demo site unless another site's key is given. */
export async function admin(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  adminKey = 'sk_demo',
) {
  const res = await fetch(`${baseUrl}/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<unknown>
}

export type CatalogItem = {
  itemId: string
  title: string
  url: string
  image?: string
  price?: number
  currency?: string
  inStock?: boolean
}

/**
 * The versioned loader path of the running build (`/widget/<version>/widget.js`), read from the
 * manifest. The suites load the widget from it, as the dashboard's pinned snippet does; the
 * `/widget.js` alias has its own suite (widget-alias.test.ts).
 */
export async function loaderPath(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/widget/manifest.json`)
  const manifest = (await res.json()) as { loader: { path: string } }
  return manifest.loader.path
}

/**
 * A site of the suite's own, open to any origin, for suites that fill a catalog or send events
 * the demo store would otherwise recommend (its pages allow only their own images).
 */
export async function suiteSite(baseUrl: string, persistTo: string, name: string) {
  const site = await createSite({ name, origins: [], persistTo })
  await untilAdminKeyWorks(baseUrl, site.adminKey)
  return { ...site, script: `data-site="${site.publicKey}"` }
}

/** A small catalog whose links and images point at the test page server. */
export function demoCatalog(pagesUrl: string, prefix: string): CatalogItem[] {
  const names = ['Blue mug', 'Teapot', 'Coffee beans', 'Milk jug', 'Espresso cups', 'Tea towel']
  return names.map((title, i) => ({
    itemId: `${prefix}-${i + 1}`,
    title,
    url: `${pagesUrl}/p/${prefix}-${i + 1}`,
    image: `${pagesUrl}/img/${prefix}-${i + 1}.svg`,
    price: 4 + i * 3.5,
    currency: 'USD',
  }))
}

/** A square SVG placeholder, served by the page server for catalog images. */
export function placeholderSvg(label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300"><rect width="300" height="300" fill="#dbeafe"/><text x="150" y="160" font-size="28" text-anchor="middle" fill="#1e3a8a">${label}</text></svg>`
}

/** Creates and starts a 50/50 experiment between `control` and `b`. */
export async function startExperiment(baseUrl: string, key: string): Promise<void> {
  await admin(baseUrl, 'POST', '/experiments', {
    key,
    name: key,
    variations: [
      { key: 'control', weight: 0.5 },
      { key: 'b', weight: 0.5 },
    ],
    coverage: 1,
    goal: { event: 'purchase' },
  })
  await admin(baseUrl, 'POST', `/experiments/${key}/start`)
}

/** Rows of `sql` on the local D1, polled until `ready(rows)` or the timeout. */
export async function waitForRows<T>(
  persistTo: string,
  sql: string,
  ready: (rows: T[]) => boolean = (rows) => rows.length > 0,
  timeoutMs = 20_000,
): Promise<T[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const rows = localSql<T>(sql, persistTo)
    if (ready(rows) || Date.now() > deadline) return rows
    await new Promise((r) => setTimeout(r, 500))
  }
}
