/**
 * The recommendations page's steering chunk: the merchant's rules and a preview of any slot with
 * them applied. Loaded on its own (pages/lazy-steering.tsx).
 */
import { useState } from 'preact/hooks'
import { asFailure, request, type ApiFailure } from '../api/client.ts'
import { useApi } from '../api/use-api.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { Loading } from '../components/page.tsx'
import { RecsPreview } from './recs-preview.tsx'
import { RulesEditor } from './rules-editor.tsx'
import { adoptSteeringStyles } from './steering-styles.ts'
import { ruleInput, type Rule, type RuleView } from './steering-types.ts'

adoptSteeringStyles()

export function RecsSteering() {
  const loaded = useApi<{ rules: RuleView[] }>('/v1/admin/recs/rules')
  const [saved, setSaved] = useState<RuleView[] | null>(null)
  const [version, setVersion] = useState(0)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const rules = saved ?? loaded.data?.rules

  const save = async (next: Rule[]): Promise<boolean> => {
    setSaving(true)
    setFailure(null)
    try {
      const answer = await request<{ rules: RuleView[] }>('/v1/admin/recs/rules', {
        method: 'PUT',
        body: { rules: next.map(ruleInput) },
      })
      setSaved(answer.rules)
      setVersion((v) => v + 1)
      return true
    } catch (err) {
      setFailure(asFailure(err))
      return false
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      {loaded.loading && !rules && <Loading what="the steering rules" />}
      <ErrorDisplay failure={loaded.error} />
      {rules && <RulesEditor rules={rules} saving={saving} failure={failure} onSave={save} />}
      <RecsPreview rulesVersion={version} />
    </>
  )
}
