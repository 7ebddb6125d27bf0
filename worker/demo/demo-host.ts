/**
 * The demo catalog links to the demo's pages and images at the address `npm start` seeded it with
 * (http://localhost:PORT). Opened on another host (127.0.0.1, a LAN address), those links would
 * be another origin: the demo's CSP (`img-src 'self'`) blocks their images, and a click leaves
 * for a host without the basket cookie. So the demo's recommendations point at the host the demo
 * is opened on. A merchant's catalog is never rewritten.
 */
import type { RecsAnswer } from '../recs/serve/recommend.ts'
import { DEMO_SITE_ID } from './demo-catalog.ts'

/** The answer with the demo's own links moved to `origin`, for the demo site; else as it is. */
export function onDemoHost(answer: RecsAnswer, siteId: string, origin: string): RecsAnswer {
  if (siteId !== DEMO_SITE_ID) return answer
  return {
    ...answer,
    items: answer.items.map((item) => ({
      ...item,
      url: moved(item.url, origin),
      image: moved(item.image, origin),
    })),
  }
}

function moved(link: string | null, origin: string): string | null {
  if (link === null) return null
  const url = new URL(link)
  return url.pathname.startsWith('/demo/') ? `${origin}${url.pathname}${url.search}` : link
}
