/**
 * Generated product pictures for the demo store: an SVG with the product's initials on a colour
 * derived from its SKU, so every product looks different without shipping any image files.
 */
import { fnv1a32 } from '../../shared/hash.ts'

const PALETTE = [
  '#2f6f8f',
  '#8f4a2f',
  '#4a7f3a',
  '#6b4a8f',
  '#8f2f5a',
  '#3a6b6b',
  '#8f7a2f',
  '#44508f',
]

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export function placeholderSvg(sku: string, title: string): string {
  const hash = fnv1a32(sku)
  const background = PALETTE[hash % PALETTE.length] ?? '#2f6f8f'
  const initials = title
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('')
  const angle = hash % 360
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${escapeXml(title)}">
<defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)"><stop offset="0" stop-color="${background}"/><stop offset="1" stop-color="#f4efe6"/></linearGradient></defs>
<rect width="400" height="400" fill="url(#g)"/>
<circle cx="200" cy="185" r="110" fill="#ffffff" fill-opacity=".85"/>
<text x="200" y="215" font-family="Georgia, serif" font-size="96" text-anchor="middle" fill="${background}">${escapeXml(initials || '?')}</text>
<text x="200" y="360" font-family="Helvetica, Arial, sans-serif" font-size="18" text-anchor="middle" fill="#222">${escapeXml(sku)}</text>
</svg>`
}
