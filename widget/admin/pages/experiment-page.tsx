/**
 * `/admin/experiments/:key`: an experiment's setup, its lifecycle buttons and its results. Another
 * site's key answers 404 from the API, which shows here as "not found", like a missing one.
 */
import { useState } from 'preact/hooks'
import { experimentApi } from '../api/client.ts'
import { useApi } from '../api/use-api.ts'
import type { ExperimentDetail } from '../api/types.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { Loading, Page } from '../components/page.tsx'
import { ExperimentFacts } from '../experiment/experiment-facts.tsx'
import { LifecycleActions } from '../experiment/lifecycle-actions.tsx'
import { HealthCard } from '../health/health-card.tsx'
import { SetupGuide } from '../experiment/setup-guide.tsx'
import { ResultsSection } from '../results/results-section.tsx'
import { BASE, type Location } from '../router.ts'

type Props = { experimentKey: string; location: Location }

export function ExperimentPage({ experimentKey, location }: Props) {
  const loaded = useApi<ExperimentDetail>(experimentApi(experimentKey))
  const [changed, setChanged] = useState<ExperimentDetail | null>(null)
  const [refresh, setRefresh] = useState(0)
  const exp = changed ?? loaded.data

  return (
    <Page
      title={exp?.name ?? (loaded.error ? 'Experiment not found' : 'Experiment')}
      subtitle={
        <>
          <a href={BASE}>Experiments</a> / <code>{experimentKey}</code>
        </>
      }
    >
      <ErrorDisplay failure={loaded.error} />
      {loaded.error?.status === 404 && (
        <p>
          No experiment of this site has the key <code>{experimentKey}</code>.{' '}
          <a href={BASE}>See all experiments</a>.
        </p>
      )}
      {loaded.loading && !exp && <Loading what="the experiment" />}
      {exp && (
        <>
          <LifecycleActions
            experiment={exp}
            onChanged={(next) => {
              setChanged(next)
              setRefresh((r) => r + 1)
            }}
          />
          <ExperimentFacts experiment={exp} />
          <HealthCard experimentKey={exp.key} refresh={refresh} />
          <SetupGuide experiment={exp} />
          <ResultsSection
            experiment={exp}
            location={location}
            refresh={refresh}
            onChanged={(next) => {
              if (next) setChanged(next)
              setRefresh((r) => r + 1)
            }}
          />
        </>
      )}
    </Page>
  )
}
