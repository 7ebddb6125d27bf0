/**
 * Named admin keys (`/v1/admin/keys`): the list with each key's role, a form to create one (its
 * secret shown once, with a copy button) and revoking, asked for first. The site key is listed
 * but cannot be revoked: it is rotated in the Admin key section.
 */
import { useState } from 'preact/hooks'
import { asFailure, request, type ApiFailure } from '../api/client.ts'
import type { CreatedKey, TeamKey, TeamKeys as KeyList } from '../api/types.ts'
import { useApi } from '../api/use-api.ts'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { CopyButton } from '../components/copy-button.tsx'
import { ErrorDisplay } from '../components/error-display.tsx'

type NewKey = { name: string; role: TeamKey['role'] }

/**
 * The key list and the two changes to it, each of which reloads the list and tells the page. A new
 * key's secret stays on screen until another key is created or one is revoked.
 */
function useTeamKeys(onChanged: () => void) {
  const [round, setRound] = useState(0)
  const list = useApi<KeyList>('/v1/admin/keys', round)
  const [created, setCreated] = useState<CreatedKey | null>(null)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [busy, setBusy] = useState(false)
  const [dialog, ask] = useConfirm()

  /** Runs `action`; true when it succeeded. */
  const change = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true)
    setFailure(null)
    try {
      await action()
      setRound((n) => n + 1)
      onChanged()
      return true
    } catch (err) {
      setFailure(asFailure(err))
      return false
    } finally {
      setBusy(false)
    }
  }
  const create = (body: NewKey) =>
    change(async () => {
      setCreated(await request<CreatedKey>('/v1/admin/keys', { method: 'POST', body }))
    })
  const revoke = async (key: TeamKey) => {
    const go = await ask({
      title: `Revoke “${key.name}”?`,
      body: <p>Whoever uses this key is refused from their next request on.</p>,
      confirmLabel: 'Revoke key',
      tone: 'danger',
    })
    if (!go) return
    setCreated(null)
    await change(() => request(`/v1/admin/keys/${key.id}`, { method: 'DELETE' }))
  }
  return { list, created, failure, busy, dialog, create, revoke }
}

type KeysTableProps = {
  keys: KeyList
  busy: boolean
  onRevoke: (key: TeamKey) => void
}

function KeysTable({ keys, busy, onRevoke }: KeysTableProps) {
  return (
    <table class="data compact team-keys">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">
            <span class="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.keys.map((key) => (
          <tr key={key.id}>
            <th scope="row">
              {key.name}
              {key.id === keys.you ? ' (this session)' : ''}
            </th>
            <td>{key.role}</td>
            <td>
              {!key.site && (
                <button
                  type="button"
                  class="button small danger"
                  disabled={busy}
                  aria-label={`Revoke ${key.name}`}
                  onClick={() => onRevoke(key)}
                >
                  Revoke
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function CreatedKeyBanner({ created }: { created: CreatedKey }) {
  return (
    <div class="banner good new-key" role="status">
      <p class="banner-title">
        Key “{created.name}” ({created.role}) — {created.message}
      </p>
      <pre class="snippet" id="team-new-key">
        <code data-new-key>{created.adminKey}</code>
      </pre>
      <CopyButton text={created.adminKey} label="Copy key" fallbackId="team-new-key" />
    </div>
  )
}

type NewKeyFormProps = {
  busy: boolean
  /** Resolves true once the key exists, which empties the name field. */
  onCreate: (key: NewKey) => Promise<boolean>
}

function NewKeyForm({ busy, onCreate }: NewKeyFormProps) {
  const [name, setName] = useState('')
  const [role, setRole] = useState<TeamKey['role']>('viewer')
  const create = async (event: Event) => {
    event.preventDefault()
    if (await onCreate({ name: name.trim(), role })) setName('')
  }
  return (
    <form class="row-actions" onSubmit={(e) => void create(e)} aria-label="New key">
      <input
        aria-label="Key name"
        placeholder="Name, e.g. Ana or CI"
        value={name}
        maxLength={40}
        required
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <select
        aria-label="Role"
        value={role}
        onChange={(e) => setRole(e.currentTarget.value === 'editor' ? 'editor' : 'viewer')}
      >
        <option value="viewer">viewer</option>
        <option value="editor">editor</option>
      </select>
      <button type="submit" class="button" disabled={busy}>
        Create key
      </button>
    </form>
  )
}

export function TeamKeys({ onChanged }: { onChanged: () => void }) {
  const { list, created, failure, busy, dialog, create, revoke } = useTeamKeys(onChanged)
  return (
    <section class="card" aria-labelledby="team-title">
      {dialog}
      <h2 id="team-title">Team keys</h2>
      <p>A viewer key reads; an editor key also changes things. Each change is logged below.</p>
      <ErrorDisplay failure={list.error ?? failure} />
      {list.data && <KeysTable keys={list.data} busy={busy} onRevoke={(key) => void revoke(key)} />}
      {created && <CreatedKeyBanner created={created} />}
      <NewKeyForm busy={busy} onCreate={create} />
    </section>
  )
}
