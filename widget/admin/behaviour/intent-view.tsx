/**
 * How well the purchase-intent model does on the store's recent sessions: its AUC in words, a
 * calibration chart (predicted chance against the share that bought, per score range; on the
 * diagonal is honest), the features it leans on most, each band's share of sessions and
 * conversion rate, and how many ended sessions the online layer has learnt from since training
 * with its weight in each score.
 */
import type { BehaviourAnswer, CalibrationBin } from '../../../shared/behaviour.ts'
import { AUDIENCE_LABELS } from '../form/visitor-audience-fields.tsx'
import { formatCount, formatPercent } from '../lib/format.ts'
import { linearScale } from '../lib/scale.ts'

type Intent = BehaviourAnswer['intent']

/** AUC in words: 0.5 is a coin toss, the public data set's reference models reach about 0.87. */
function aucWords(auc: number): string {
  if (auc >= 0.85) return 'tells buyers from browsers very well'
  if (auc >= 0.75) return 'tells buyers from browsers well'
  if (auc >= 0.65) return 'tells buyers from browsers somewhat'
  return 'hardly tells buyers from browsers yet'
}

export function IntentView({ intent }: { intent: Intent }) {
  return (
    <>
      {intent.model === 'starter' && (
        <p class="notice" data-state="starter-model">
          The starter model is in use: it was trained on a public data set of another store’s
          sessions. edgelift trains a model on your own sessions once your store has 50 purchases,
          and keeps learning from every session that ends meanwhile.
        </p>
      )}
      {intent.lastError && (
        <p class="error-inline" data-state="intent-error">
          <span aria-hidden="true">⚠ </span>The model is not up to date: {intent.lastError}
        </p>
      )}
      {intent.sessions === 0 ? (
        <p class="empty" data-state="no-outcomes">
          No scored sessions have ended in this period yet. Each session is scored while it runs and
          checked against whether it bought once it ends (30 minutes after its last event), so the
          model’s quality appears here as visitors come and go.
        </p>
      ) : (
        <>
          <dl class="facts">
            <div>
              <dt>Sessions checked</dt>
              <dd data-fact="sessions">{formatCount(intent.sessions)}</dd>
            </div>
            <div>
              <dt>Of which bought</dt>
              <dd>{formatCount(intent.purchases)}</dd>
            </div>
            <div>
              <dt>AUC</dt>
              <dd data-fact="auc">
                {intent.auc === null ? (
                  'needs both buyers and browsers'
                ) : (
                  <>
                    {intent.auc.toFixed(3)} <span class="muted">· {aucWords(intent.auc)}</span>
                  </>
                )}
              </dd>
            </div>
          </dl>
          <div class="behaviour-pair">
            <CalibrationChart bins={intent.calibration} />
            <BandBars bands={intent.bands} />
          </div>
        </>
      )}
      <p class="muted" data-fact="online">
        {intent.online.updates === 0
          ? 'The model has not learnt from any ended session since it was trained.'
          : `Learnt from ${formatCount(intent.online.updates)} ended ${intent.online.updates === 1 ? 'session' : 'sessions'} since it was trained: the part that keeps learning carries ${formatPercent(intent.online.trust)} of each score, the trained model the rest, by how well each has forecast those sessions.`}
      </p>
      {intent.features.length > 0 && <FeatureBars features={intent.features} />}
    </>
  )
}

const SIZE = 240
const PAD = 36

function CalibrationChart({ bins }: { bins: CalibrationBin[] }) {
  const scale = linearScale([0, 1], [PAD, SIZE - 12])
  const flip = linearScale([0, 1], [SIZE - PAD, 12])
  const most = Math.max(1, ...bins.map((b) => b.sessions))
  return (
    <figure class="rate-chart calibration">
      <svg
        width={SIZE}
        height={SIZE}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-labelledby="calibration-title calibration-desc"
      >
        <title id="calibration-title">
          Calibration: predicted chance against the share that bought
        </title>
        <desc id="calibration-desc">
          {bins
            .map(
              (b) =>
                `Scores ${formatPercent(b.from, 0)}-${formatPercent(b.to, 0)}: predicted ${formatPercent(b.meanScore)}, bought ${formatPercent(b.buyRate)} of ${b.sessions}`,
            )
            .join('. ')}
        </desc>
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line class="grid" x1={scale(0)} x2={scale(1)} y1={flip(t)} y2={flip(t)} />
            <text class="tick-label" x={PAD - 6} y={flip(t) + 4} text-anchor="end">
              {formatPercent(t, 0)}
            </text>
            <text class="tick-label" x={scale(t)} y={SIZE - PAD + 16} text-anchor="middle">
              {formatPercent(t, 0)}
            </text>
          </g>
        ))}
        <line
          x1={scale(0)}
          y1={flip(0)}
          x2={scale(1)}
          y2={flip(1)}
          stroke="#52606d"
          stroke-dasharray="4 4"
        />
        {bins.map((b) => (
          <circle
            key={b.from}
            data-bin={b.from}
            cx={scale(b.meanScore)}
            cy={flip(b.buyRate)}
            r={3 + 6 * Math.sqrt(b.sessions / most)}
            fill="#1d4ed8"
            fill-opacity={0.75}
          >
            <title>{`${formatCount(b.sessions)} sessions: predicted ${formatPercent(b.meanScore)}, bought ${formatPercent(b.buyRate)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption class="muted">
        Predicted chance (across) against the share that bought (up); dots on the dashed line mean
        the scores can be read as chances. Bigger dots hold more sessions.
      </figcaption>
    </figure>
  )
}

function BandBars({ bands }: { bands: Intent['bands'] }) {
  return (
    <div class="band-bars">
      <h3>Intent bands</h3>
      <table class="data" data-table="bands">
        <thead>
          <tr>
            <th scope="col">Band</th>
            <th scope="col">Share of sessions</th>
            <th scope="col">Conversion rate</th>
          </tr>
        </thead>
        <tbody>
          {bands.map((b) => (
            <tr key={b.band} data-band={b.band}>
              <th scope="row">{AUDIENCE_LABELS[b.band] ?? b.band}</th>
              <td>
                <Meter value={b.share} /> <span data-col="share">{formatPercent(b.share)}</span>
              </td>
              <td>
                <Meter value={b.conversionRate} />{' '}
                <span data-col="conversion">{formatPercent(b.conversionRate)}</span>
                <span class="muted">
                  {' '}
                  ({formatCount(b.purchases)} of {formatCount(b.sessions)})
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function Meter({ value }: { value: number }) {
  return (
    <span class="meter" aria-hidden="true">
      <span style={{ width: `${Math.min(100, value * 100)}%` }} />
    </span>
  )
}

/** The data set's feature names in the merchant's words. */
const FEATURE_WORDS: Record<string, string> = {
  PageValues: 'Value of the pages viewed',
  ProductRelated: 'Product pages viewed',
  ProductRelated_Duration: 'Time on product pages',
  ExitRates: 'Exit rate of the pages viewed',
  BounceRates: 'Bounce rate of the pages viewed',
  Administrative: 'Account and cart pages viewed',
  Administrative_Duration: 'Time on account and cart pages',
  Informational: 'Content pages viewed',
  Informational_Duration: 'Time on content pages',
  Month: 'Month',
  SpecialDay: 'Closeness to a gift day',
  VisitorType: 'New or returning',
  TrafficType: 'Traffic source',
  Region: 'Region',
  Browser: 'Browser',
  OperatingSystems: 'Operating system',
  Weekend: 'Weekend',
  AddToCarts: 'Add-to-carts',
  DistinctItems: 'Different products viewed',
  RecClicks: 'Recommendation clicks',
  PastPurchases: 'Past purchases',
  DaysSinceLastPurchase: 'Days since the last purchase',
}

function FeatureBars({ features }: { features: Intent['features'] }) {
  const top = Math.max(...features.map((f) => f.importance))
  return (
    <div class="feature-bars">
      <h3>What the model looks at most</h3>
      <ol class="funnel" aria-label="Features by importance">
        {features.map((f) => (
          <li key={f.feature} data-feature={f.feature}>
            <span class="funnel-label">{FEATURE_WORDS[f.feature] ?? f.feature}</span>
            <span class="funnel-track">
              <span class="funnel-bar" style={{ width: `${(f.importance / top) * 100}%` }} />
            </span>
            <span class="funnel-figures">{formatPercent(f.importance)}</span>
          </li>
        ))}
      </ol>
      <p class="hint">Each feature’s share of what the model’s trees gained by splitting on it.</p>
    </div>
  )
}
