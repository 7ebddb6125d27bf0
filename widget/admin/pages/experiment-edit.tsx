/** `/admin/experiments/new` and `/admin/experiments/:key/edit`: the experiment form's two pages. */
import { experimentApi } from '../api/client.ts'
import { useApi } from '../api/use-api.ts'
import type { ExperimentDetail } from '../api/types.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { Loading, Page } from '../components/page.tsx'
import { ExperimentForm } from '../form/experiment-form.tsx'

export function NewExperimentPage() {
  return (
    <Page title="New experiment">
      <ExperimentForm />
    </Page>
  )
}

export function ExperimentEditPage({ experimentKey }: { experimentKey: string }) {
  const exp = useApi<ExperimentDetail>(experimentApi(experimentKey))
  return (
    <Page title={exp.data ? `Edit ${exp.data.name}` : 'Edit experiment'}>
      <ErrorDisplay failure={exp.error} />
      {exp.loading && !exp.data && <Loading what="the experiment" />}
      {exp.data && <ExperimentForm existing={exp.data} />}
    </Page>
  )
}
