/**
 * How to put a draft or running experiment on the store, written for this experiment: the marked
 * elements of its variations, the purchase (and goal) call, and the calls for deciding on the
 * server instead.
 * Open for a draft, where it is the next step; folded away under a running one's results.
 */
import type { ExperimentDetail } from '../api/types.ts'
import { Snippet } from '../components/snippet.tsx'
import { trackingSnippet, variationMarkup } from '../lib/setup-snippets.ts'
import { BASE } from '../router.ts'
import { useSite } from '../site-context.ts'

export function SetupGuide({ experiment: exp }: { experiment: ExperimentDetail }) {
  const site = useSite().site
  if (!site || (exp.status !== 'draft' && exp.status !== 'running')) return null
  const control = exp.variations[0]?.key
  return (
    <details class="card" open={exp.status === 'draft'} data-guide="setup">
      <summary>
        <h2>Put it on your store</h2>
      </summary>
      <p>
        On pages with the widget’s tag (<a href={`${BASE}/settings`}>Settings</a>), mark each
        variation; a visitor sees one ({control} until decided):
      </p>
      <Snippet name="markup" text={variationMarkup(exp)} label="Copy markup" />
      <p>Count orders on the order confirmation page:</p>
      <Snippet name="tracking" text={trackingSnippet(exp, site.currency)} label="Copy tracking" />
      <p data-guide="server">
        Or decide on your server: <code>POST /v1/assign</code> with{' '}
        <code>{`{ "visitorId": …, "experiments": ["${exp.key}"] }`}</code>, show only the variation
        it answers, then send <code>{`{ "type": "exposure", "experiment": "${exp.key}", … }`}</code>{' '}
        to <code>POST /v1/events</code> (the README's API).
      </p>
    </details>
  )
}
