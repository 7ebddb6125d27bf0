/**
 * The recommendations list: a heading and a `ul` of product cards, each a link with its image
 * (lazy, with width and height so the layout does not jump), title and price. Pure: it renders
 * what it is given; fetching and tracking live in the custom element.
 */
import type { RecItem, Recs } from './fetch-recs.ts'
import { formatPrice } from './format-price.ts'

type Props = {
  recs: Recs
  title?: string
  /** A recommended item was opened (click, middle click, keyboard). */
  onOpen(item: RecItem, position: number): void
}

export function RecsList({ recs, title, onOpen }: Props) {
  return (
    <section class="recs" aria-label={title ?? 'Recommended products'}>
      {title && <h2 class="title">{title}</h2>}
      {/* role=list: Safari drops list semantics from a list-style:none list. */}
      <ul class="list" role="list">
        {recs.items.map((item, position) => (
          <li class="item" key={item.itemId}>
            <Card item={item} onOpen={() => onOpen(item, position)} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function Card({ item, onOpen }: { item: RecItem; onOpen(): void }) {
  const price = formatPrice(item.price, item.currency)
  const content = (
    <>
      <span class="media">
        {item.image && (
          <img
            src={item.image}
            alt={item.title}
            width={300}
            height={300}
            loading="lazy"
            decoding="async"
          />
        )}
      </span>
      {/* With an image, its alt text already names the link; the name is not read twice. */}
      <span class="name" aria-hidden={item.image ? 'true' : undefined}>
        {item.title}
      </span>
      {price && <span class="price">{price}</span>}
    </>
  )
  return item.url ? (
    <a
      class="card"
      href={item.url}
      onClick={onOpen}
      // A middle click opens a tab; a right click only opens a menu, and is no click on the item.
      onAuxClick={(e) => e.button === 1 && onOpen()}
    >
      {content}
    </a>
  ) : (
    <div class="card">{content}</div>
  )
}
