/**
 * The site's name, the browser origins allowed to call the public routes, and the origins product
 * images may come from besides them (`PATCH /v1/admin/site`).
 */
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { asFailure, request, type ApiFailure } from '../api/client.ts'
import type { SiteInfo } from '../api/types.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { readableFailure, type FieldLabels } from '../lib/field-messages.ts'
import { parseOrigins } from '../lib/install-snippet.ts'

type Props = { site: SiteInfo; onSaved: (site: SiteInfo) => void }

/**
 * The settings form's words for the fields `PATCH /v1/admin/site` names. An origin is named by
 * what was sent, not a line number: the list sent is the textarea split, de-duplicated and
 * without blank lines, so its positions are not the textarea's lines.
 */
export const siteLabels =
  (sentOrigins: readonly string[], sentImageOrigins: readonly string[] = []): FieldLabels =>
  ([field, index]) => {
    if (field === 'name') return 'The name'
    const at = (list: readonly string[]) => (index === undefined ? undefined : list[Number(index)])
    const origin = at(sentOrigins)
    if (field === 'allowedOrigins' && origin !== undefined) return `The allowed origin “${origin}”`
    const image = at(sentImageOrigins)
    if (field === 'imageOrigins' && image !== undefined) return `The image origin “${image}”`
    return undefined
  }

type OriginListFieldProps = {
  /** The textarea's id; its hint is `<id>-hint`. */
  id: string
  label: string
  rows: number
  value: string
  onInput: (value: string) => void
  hint: ComponentChildren
  /** What follows the hint. */
  children?: ComponentChildren
}

/** A list of origins, one per line, with its hint. */
function OriginListField({
  id,
  label,
  rows,
  value,
  onInput,
  hint,
  children,
}: OriginListFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        spellcheck={false}
        aria-describedby={`${id}-hint`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {children}
    </div>
  )
}

/** The site's proxied origins, allowed whatever the list says. */
function OwnOrigins({ origins }: { origins: string[] }) {
  if (origins.length === 0) return null
  return (
    <p class="hint" data-own-origins>
      Always allowed, as this site’s own proxied pages:{' '}
      {origins.map((o, i) => (
        <>
          {i > 0 && ', '}
          <code>{o}</code>
        </>
      ))}
      .
    </p>
  )
}

/** The form's fields and saving them; the saved lists replace what was typed. */
function useSiteForm(site: SiteInfo, onSaved: (site: SiteInfo) => void) {
  const [name, setName] = useState(site.name)
  const [origins, setOrigins] = useState(site.allowedOrigins.join('\n'))
  const [images, setImages] = useState(site.imageOrigins.join('\n'))
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [saved, setSaved] = useState('')
  const [busy, setBusy] = useState(false)

  const save = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    setSaved('')
    const allowedOrigins = parseOrigins(origins)
    const imageOrigins = parseOrigins(images)
    try {
      const next = await request<SiteInfo>('/v1/admin/site', {
        method: 'PATCH',
        body: { name: name.trim(), allowedOrigins, imageOrigins },
      })
      setOrigins(next.allowedOrigins.join('\n'))
      setImages(next.imageOrigins.join('\n'))
      setSaved('Saved.')
      onSaved(next)
    } catch (err) {
      setFailure(readableFailure(asFailure(err), siteLabels(allowedOrigins, imageOrigins)))
    } finally {
      setBusy(false)
    }
  }
  return { name, setName, origins, setOrigins, images, setImages, failure, saved, busy, save }
}

export function SiteForm({ site, onSaved }: Props) {
  const form = useSiteForm(site, onSaved)
  return (
    <form class="card" onSubmit={(e) => void form.save(e)} aria-labelledby="site-title" noValidate>
      <h2 id="site-title">Site</h2>
      <div class="field">
        <label for="site-name">Name</label>
        <input
          id="site-name"
          value={form.name}
          maxLength={200}
          onInput={(e) => form.setName(e.currentTarget.value)}
        />
      </div>
      <OriginListField
        id="site-origins"
        label="Allowed origins"
        rows={4}
        value={form.origins}
        onInput={form.setOrigins}
        hint={
          <>
            One per line, like <code>https://shop.example</code> (scheme and host, no path). Empty:
            every origin may call the public routes.
          </>
        }
      >
        <OwnOrigins origins={site.ownOrigins} />
      </OriginListField>
      <OriginListField
        id="site-images"
        label="Image origins"
        rows={2}
        value={form.images}
        onInput={form.setImages}
        hint="Where product pages’ images may come from besides the allowed origins, such as an image CDN; any other image is left out of recommendations. Checked only while allowed origins are set."
      />
      <ErrorDisplay failure={form.failure} />
      <div class="form-actions">
        <button type="submit" class="button" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Save site'}
        </button>
        <span role="status">{form.saved}</span>
      </div>
    </form>
  )
}
