/**
 * A slot as a shopper would see it: pick the slot and a visitor or product, and the list comes
 * from `GET /v1/admin/recs/preview` with the rules applied, with names, pictures and prices, and
 * which rule placed an item. Previews count no impression.
 */
import { useEffect, useState } from 'preact/hooks'
import { asFailure, request, type ApiFailure } from '../api/client.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { formatMoney } from '../lib/format.ts'
import { ProductPicker } from './product-picker.tsx'
import { SLOT_NAMES, SLOTS, type Preview, type PreviewItem, type Slot } from './steering-types.ts'
import { SelectField } from '../components/select-field.tsx'

const SIZE = 8

const SOURCES: Record<string, string> = {
  svd: 'the visitor’s list from the model',
  online: 'the visitor’s list, refined by what they did since the model was trained',
  similar: 'what is bought with the product',
  trending: 'trending products',
}

const FALLBACKS: Record<string, string> = {
  no_model_yet: 'No model is trained yet',
  no_visitor: 'No visitor was given',
  visitor_unknown: 'The model does not know this visitor yet',
  no_item: 'No product was given',
  item_not_in_model: 'The model does not know this product yet',
  item_not_in_catalog: 'This product is not in the catalog',
  no_candidates_in_stock: 'None of the slot’s own products is in stock',
}

function previewPath(slot: Slot, visitorId: string, itemId: string): string {
  const query = new URLSearchParams({ slot, n: String(SIZE) })
  if (slot === 'personal' && visitorId) query.set('visitorId', visitorId)
  if ((slot === 'similar' || slot === 'cart') && itemId) query.set('item', itemId)
  return `/v1/admin/recs/preview?${query}`
}

/** `rulesVersion` changes after every saved rule change: a shown preview is asked again. */
export function RecsPreview({ rulesVersion }: { rulesVersion: number }) {
  const [slot, setSlot] = useState<Slot>('personal')
  const [visitorId, setVisitorId] = useState('')
  const [itemId, setItemId] = useState('')
  const [asked, setAsked] = useState<string | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [failure, setFailure] = useState<ApiFailure | null>(null)

  useEffect(() => {
    if (asked === null) return
    const controller = new AbortController()
    request<Preview>(asked, { signal: controller.signal })
      .then((answer) => {
        setPreview(answer)
        setFailure(null)
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setFailure(asFailure(err))
      })
    return () => controller.abort()
  }, [asked, rulesVersion])

  const show = (event: Event) => {
    event.preventDefault()
    setAsked(previewPath(slot, visitorId, itemId))
  }

  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      <form class="steer-form" onSubmit={show} aria-label="Preview a slot">
        <SelectField
          id="preview-slot"
          label="Slot"
          value={slot}
          options={SLOTS}
          optionLabel={(s) => SLOT_NAMES[s]}
          onChange={setSlot}
        />
        {slot === 'personal' && (
          <div class="field">
            <label for="preview-visitor">Visitor id</label>
            <input
              id="preview-visitor"
              value={visitorId}
              placeholder="e.g. the el_vid cookie"
              onInput={(e) => setVisitorId(e.currentTarget.value.trim())}
            />
          </div>
        )}
        {(slot === 'similar' || slot === 'cart') && (
          <ProductPicker id="preview-item" label="Product" value={itemId} onChange={setItemId} />
        )}
        <button type="submit" class="button">
          Show
        </button>
      </form>
      <ErrorDisplay failure={failure} />
      {preview && <PreviewList preview={preview} />}
    </section>
  )
}

function PreviewList({ preview }: { preview: Preview }) {
  const why = preview.fallback ? (FALLBACKS[preview.fallback] ?? preview.fallback) : null
  return (
    <div data-preview={preview.slot}>
      <p role="status">
        {preview.items.length} products from {SOURCES[preview.source] ?? preview.source}
        {why ? `. ${why}, so trending and the catalog fill in.` : '.'}
      </p>
      {preview.items.length === 0 ? (
        <p class="empty">Nothing to show: the catalog has no product in stock for this slot.</p>
      ) : (
        <ol class="preview-list">
          {preview.items.map((item) => (
            <PreviewCard key={item.itemId} item={item} />
          ))}
        </ol>
      )}
    </div>
  )
}

function PreviewCard({ item }: { item: PreviewItem }) {
  return (
    <li data-item={item.itemId}>
      {item.image ? <img src={item.image} alt="" loading="lazy" /> : null}
      <p class="title">
        {item.url ? (
          <a href={item.url} target="_blank" rel="noopener noreferrer">
            {item.title}
          </a>
        ) : (
          item.title
        )}
      </p>
      <p class="hint">
        {item.price !== null && item.currency ? formatMoney(item.price, item.currency) : ''}{' '}
        {item.itemId}
      </p>
      {item.rule && <span class="badge">{item.rule === 'pin' ? 'Pinned' : 'Boosted'}</span>}
    </li>
  )
}
