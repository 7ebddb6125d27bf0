/**
 * A small, bounded reader for the one XML shape Google Merchant Center's RSS feeds have:
 * `<rss><channel><item><g:id>…</g:id>…</item>…</channel></rss>`. The Worker has no DOM parser,
 * and a general one is more than this needs and more to defend. This reads each `<item>`'s child
 * elements as text and nothing else:
 * - a DOCTYPE (and with it every entity definition) is refused outright, so no entity can expand
 *   (the "billion laughs") or reach a file or URL (XXE); only the five predefined entities and
 *   numeric character references are decoded;
 * - it scans forward with `indexOf` only, never a backtracking pattern over the whole text, so
 *   time is linear in the input, whose size the caller caps;
 * - it stops at `maxItems` items, so a feed cannot make it build an unbounded list.
 */

/** An item's fields by local name (`g:price` → `price`), text decoded. */
export type FeedXmlItem = Record<string, string>

export class FeedFormatError extends Error {}

/** Fields longer than this are cut (the schema then refuses them); bounds the strings kept. */
const MAX_FIELD_CHARS = 10_000

/**
 * The items of an RSS feed, or FeedFormatError for XML this reader refuses.
 *
 * @example
 * readFeedItems('<rss><channel><item><g:id>A1</g:id></item></channel></rss>', 10)
 * // [{ id: 'A1' }]
 */
export function readFeedItems(xml: string, maxItems: number): FeedXmlItem[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new FeedFormatError('The feed declares a DOCTYPE or entities; edgelift refuses those.')
  }
  const items: FeedXmlItem[] = []
  let at = 0
  for (;;) {
    const start = nextItemStart(xml, at)
    if (start === -1) break
    if (items.length === maxItems) {
      throw new FeedFormatError(`The feed has more than ${maxItems} items.`)
    }
    const open = xml.indexOf('>', start)
    const close = xml.indexOf('</item>', open)
    if (open === -1 || close === -1) throw new FeedFormatError('An <item> is never closed.')
    items.push(readFields(xml.slice(open + 1, close)))
    at = close + '</item>'.length
  }
  if (items.length === 0 && !/<rss[\s>]/.test(xml)) {
    throw new FeedFormatError('This is not an RSS feed: no <rss> element and no <item>.')
  }
  return items
}

/** The next `<item>` or `<item …>` (not `<items>`), from `from`. */
function nextItemStart(xml: string, from: number): number {
  let at = from
  for (;;) {
    const found = xml.indexOf('<item', at)
    if (found === -1) return -1
    const after = xml[found + 5]
    if (after === '>' || after === ' ' || after === '\t' || after === '\n' || after === '\r') {
      return found
    }
    at = found + 5
  }
}

/** The child elements of one item: `<name …>text</name>`; self-closing ones are empty. */
function readFields(body: string): FeedXmlItem {
  const fields: FeedXmlItem = {}
  let at = 0
  for (;;) {
    const lt = body.indexOf('<', at)
    if (lt === -1) return fields
    if (body.startsWith('<!--', lt)) {
      const end = body.indexOf('-->', lt + 4)
      if (end === -1) throw new FeedFormatError('A comment is never closed.')
      at = end + 3
      continue
    }
    const gt = body.indexOf('>', lt)
    if (gt === -1) throw new FeedFormatError('A tag is never closed.')
    const tag = body.slice(lt + 1, gt)
    const name = /^([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/.exec(tag)?.[1]
    if (!name) throw new FeedFormatError(`Unexpected markup: <${tag.slice(0, 40)}>.`)
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name
    if (tag.endsWith('/')) {
      at = gt + 1
      continue
    }
    const closing = `</${name}>`
    const end = body.indexOf(closing, gt + 1)
    if (end === -1) throw new FeedFormatError(`<${name}> is never closed.`)
    const text = decodeText(body.slice(gt + 1, end))
      .trim()
      .slice(0, MAX_FIELD_CHARS)
    // `g:title` wins over RSS's own `title`, whichever comes first.
    if (!(local in fields) || name.startsWith('g:')) fields[local] = text
    at = end + closing.length
  }
}

/** Text content: CDATA kept as is, entities decoded, nested markup dropped. */
function decodeText(raw: string): string {
  let out = ''
  let at = 0
  for (;;) {
    const cdata = raw.indexOf('<![CDATA[', at)
    const plainEnd = cdata === -1 ? raw.length : cdata
    out += decodeEntities(raw.slice(at, plainEnd).replace(/<[^<>]*>/g, ''))
    if (cdata === -1) return out
    const end = raw.indexOf(']]>', cdata + 9)
    if (end === -1) throw new FeedFormatError('A CDATA section is never closed.')
    out += raw.slice(cdata + 9, end)
    at = end + 3
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole
    }
    return NAMED[ref] ?? whole
  })
}
