/**
 * A product id field that suggests the catalog's items by name or id as the admin types
 * (`GET /v1/admin/catalog/items?q=`), so nobody has to know SKUs by heart.
 */
import { useEffect, useState } from 'preact/hooks'
import { isAbort, request } from '../api/client.ts'
import type { CatalogEntry } from './steering-types.ts'

const TYPING_PAUSE_MS = 200

type Props = {
  id: string
  label: string
  value: string
  onChange: (itemId: string) => void
  required?: boolean
}

export function ProductPicker({ id, label, value, onChange, required }: Props) {
  const [options, setOptions] = useState<CatalogEntry[]>([])
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      request<{ items: CatalogEntry[] }>(
        `/v1/admin/catalog/items?q=${encodeURIComponent(value.trim())}&limit=20`,
        { signal: controller.signal },
      )
        .then((found) => setOptions(found.items))
        .catch((err: unknown) => {
          // Suggestions are a convenience: without them the field still takes an id.
          if (!isAbort(err)) setOptions([])
        })
    }, TYPING_PAUSE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [value])
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        list={`${id}-options`}
        value={value}
        required={required}
        autocomplete="off"
        placeholder="Name or product id"
        onInput={(e) => onChange(e.currentTarget.value.trim())}
      />
      <datalist id={`${id}-options`}>
        {options.map((item) => (
          <option key={item.itemId} value={item.itemId}>
            {item.title}
            {item.inStock ? '' : ' (out of stock)'}
          </option>
        ))}
      </datalist>
    </div>
  )
}
