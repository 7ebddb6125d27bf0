// Benchmark of purchase-intent scoring: microseconds to score one session with the committed
// starter model (feature vector, tree ensemble and online layer), against a logistic regression
// over the same feature vector measured in the same run, and the serialised model's size.
import { readFileSync } from 'node:fs'
import { readOnlineShoppers } from '../scripts/lib/online-shoppers-file.ts'
import { featureVector, type IntentSession } from '../worker/intent/features.ts'
import { parseIntentModel } from '../worker/intent/model.ts'
import { compileIntentModel, scoreIntent } from '../worker/intent/score.ts'
import { sigmoid } from '../worker/intent/sigmoid.ts'
import type { Row } from './lib/report.ts'

const MODEL = 'worker/intent/starter-model.json'
const DATA = 'data/online-shoppers-intention-feb-oct.csv.gz'

/** Mean microseconds per call of `score` over `sessions`, after a warm-up, for at least `minMs`. */
function timePerSession(
  sessions: IntentSession[],
  score: (s: IntentSession) => number,
  minMs = 1000,
): number {
  let sink = 0
  for (let i = 0; i < 2000; i++) sink += score(sessions[i % sessions.length] as IntentSession)
  let calls = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < minMs) {
    for (let i = 0; i < 500; i++)
      sink += score(sessions[(calls + i) % sessions.length] as IntentSession)
    calls += 500
    elapsed = performance.now() - start
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the calls from being optimised away')
  return (elapsed * 1000) / calls
}

/** Figures for bench/run.ts. */
export async function benchIntent(): Promise<Row[]> {
  const text = readFileSync(MODEL, 'utf8').trim()
  const parsed = parseIntentModel(text)
  if ('problem' in parsed) throw new Error(`${MODEL}: ${parsed.problem}`)
  const scorer = compileIntentModel(parsed.model)
  const sessions = readOnlineShoppers(DATA).map((r) => r.session)
  // A fixed logistic regression over the same vector: the cheapest model worth comparing with.
  const weights = Float64Array.from({ length: 22 }, (_, i) => ((i % 5) - 2) / 10)
  const logistic = (s: IntentSession) => {
    const x = featureVector(s)
    let z = -1
    for (let j = 0; j < x.length; j++) {
      const v = x[j] as number
      if (v === v) z += (weights[j] as number) * v
    }
    return sigmoid(z)
  }
  const baseline = timePerSession(sessions, logistic)
  const model = timePerSession(sessions, (s) => scoreIntent(scorer, featureVector(s)).probability)
  const parse = timePerSession(
    sessions.slice(0, 1),
    () => {
      const p = parseIntentModel(text)
      return 'model' in p ? compileIntentModel(p.model).ensemble.roots.length : 0
    },
    500,
  )
  return [
    {
      name: 'intent score one session (starter model)',
      value: Number(model.toFixed(2)),
      unit: 'µs/session',
      baseline: { name: 'logistic regression', value: Number(baseline.toFixed(2)) },
      ratio: model / baseline,
      target: { text: 'microseconds (< 50 µs)', met: model < 50 },
    },
    {
      name: 'intent model size (starter)',
      value: text.length,
      unit: 'bytes',
      target: { text: '< 256 KB', met: text.length < 256 * 1024 },
      note: `${parsed.model.ensemble.roots.length} trees, ${parsed.model.ensemble.feature.length} nodes; parsing and compiling it takes ${parse.toFixed(0)} µs`,
    },
  ]
}
