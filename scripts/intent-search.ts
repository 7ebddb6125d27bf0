/**
 * `npm run search:intent [-- --file F]`: the hyper-parameter search behind the intent model's
 * defaults, by rolling origin inside Feb-Jul only (Aug-Oct is never read), as recorded in
 * docs/intent-search.md. Every fit goes through `trainIntentModel`, the path `npm run
 * train:intent` and the nightly cron take, and is seeded, so a re-run prints the same numbers.
 *
 * The later months differ from the earlier ones (a new month, a higher purchase rate), so the
 * settings are judged the way they are used: trained on earlier months, scored on later ones.
 * Two origins, train Feb-Mar and validate May, train Feb-May and validate June-Jul, averaged.
 *
 * - Boosted trees: feature set (which features the trees may not split on) x learning rate x
 *   depth x smallest leaf, each fit scored at several tree counts (prefixes of the same trees).
 *   Rule: among the settings whose mean validation log loss and Brier score are no worse than the
 *   reference's (shuffled CV's pick: every feature, rate 0.1, depth 3, leaf 40, 50 trees), the
 *   highest mean validation AUC wins (a tie goes to the lower log loss).
 * - Online layer: the same origins, the trees of the chosen setting, each validation session
 *   scored and then learnt from; the lowest mean streamed log loss of the served score (the
 *   layer mixed with the frozen trees by its evidence) wins. Then, for the chosen settings, the
 *   mixture against the layer alone and against a guard that serves the frozen score while the
 *   layer's recent loss is worse.
 * Prints the tables (Markdown) and the chosen settings on stdout, progress on stderr, and a JSON
 * summary as the last stdout line.
 */
import type { IntentFeature } from '../worker/intent/features.ts'
import { DEFAULT_BOOSTING, type BoostingOptions } from '../worker/intent/gradient-boosting.ts'
import { forecastQuality } from '../worker/intent/metrics.ts'
import type { OnlineOptions } from '../worker/intent/online-layer.ts'
import { compileEnsemble } from '../worker/intent/tree-ensemble.ts'
import { failWith, parseFlags } from './lib/cli.ts'
import { guardedScores, streamOnline } from './lib/intent-evaluation.ts'
import {
  chooseSetting,
  fitOrigin,
  rollingOrigins,
  validateSetting,
  type Quality,
} from './lib/intent-rolling-origin.ts'
import { readOnlineShoppers } from './lib/online-shoppers-file.ts'

const fail = failWith(
  'usage: npm run search:intent -- [--file data/online-shoppers-intention-feb-oct.csv.gz]',
)
const { values } = parseFlags(
  {
    options: { file: { type: 'string', default: 'data/online-shoppers-intention-feb-oct.csv.gz' } },
  },
  fail,
)
const ORIGINS = rollingOrigins(readOnlineShoppers(values.file))
const log = (message: string) => process.stderr.write(`${message}\n`)

/**
 * The feature sets tried: `Month` takes values in later months that training never saw;
 * `SpecialDay` is the part of the calendar that does recur; the device and region codes are
 * opaque categories whose numbers trees split on as if ordered.
 */
const FEATURE_SETS: { name: string; ignored: IntentFeature[] }[] = [
  { name: 'all', ignored: [] },
  { name: 'no Month', ignored: ['Month'] },
  { name: 'no Month, SpecialDay', ignored: ['Month', 'SpecialDay'] },
  {
    name: 'no Month, OS/Browser/Region',
    ignored: ['Month', 'OperatingSystems', 'Browser', 'Region'],
  },
]
const RATES = [0.05, 0.1]
const DEPTHS = [2, 3, 4]
const LEAVES = [20, 40, 100]
const CHECKPOINTS = [25, 50, 100, 150, 200, 300]
/** The grid's budget of trees per learning rate (validation log loss grows at every checkpoint). */
const MAX_TREES: Record<number, number> = { 0.05: 300, 0.1: 200 }
/**
 * The calibration reference: what shuffled 5-fold CV inside Feb-Jul picks, which cannot tell the
 * candidates apart (CV AUC 0.972-0.975 for all) because every fold holds every month.
 */
const REFERENCE = {
  featureSet: 'all',
  learningRate: 0.1,
  maxDepth: 3,
  minSamplesLeaf: 40,
  trees: 50,
}

type Cell = { featureSet: string; ignored: IntentFeature[]; settings: BoostingOptions } & Quality

const cells: Cell[] = []
for (const { name, ignored } of FEATURE_SETS)
  for (const learningRate of RATES)
    for (const maxDepth of DEPTHS)
      for (const minSamplesLeaf of LEAVES) {
        const maxTrees = MAX_TREES[learningRate] ?? 200
        const settings = { ...DEFAULT_BOOSTING, learningRate, maxDepth, minSamplesLeaf }
        const byTrees = validateSetting(
          ORIGINS,
          { ...settings, trees: maxTrees },
          CHECKPOINTS,
          ignored,
        )
        for (const [trees, q] of byTrees) {
          cells.push({ featureSet: name, ignored, settings: { ...settings, trees }, ...q })
          log(
            `${name} | lr ${learningRate} depth ${maxDepth} leaf ${minSamplesLeaf} trees ${trees}: AUC ${q.auc.toFixed(4)}, log loss ${q.logloss.toFixed(4)}, Brier ${q.brier.toFixed(4)}`,
          )
        }
      }

const isReference = (c: Cell) =>
  c.featureSet === REFERENCE.featureSet &&
  c.settings.learningRate === REFERENCE.learningRate &&
  c.settings.maxDepth === REFERENCE.maxDepth &&
  c.settings.minSamplesLeaf === REFERENCE.minSamplesLeaf &&
  c.settings.trees === REFERENCE.trees
const reference = cells.find(isReference)
if (!reference) throw new Error('the reference setting is not in the grid')
const chosen = chooseSetting(cells, reference)

const f4 = (v: number) => v.toFixed(4)
const describe = (c: Cell) =>
  `${c.featureSet}; learning rate ${c.settings.learningRate}, depth ${c.settings.maxDepth}, leaf ${c.settings.minSamplesLeaf}, ${c.settings.trees} trees: AUC ${f4(c.auc)}, log loss ${f4(c.logloss)}, Brier ${f4(c.brier)}`

console.log('Boosted trees: mean validation AUC / log loss over the two origins\n')
console.log(
  `| features | learning rate | depth | min leaf | ${CHECKPOINTS.map((t) => `${t} trees`).join(' | ')} |`,
)
console.log(`|---|---|---|---|${CHECKPOINTS.map(() => '---|').join('')}`)
for (const { name } of FEATURE_SETS)
  for (const learningRate of RATES)
    for (const maxDepth of DEPTHS)
      for (const minSamplesLeaf of LEAVES) {
        const row = CHECKPOINTS.map((trees) => {
          const c = cells.find(
            (c) =>
              c.featureSet === name &&
              c.settings.learningRate === learningRate &&
              c.settings.maxDepth === maxDepth &&
              c.settings.minSamplesLeaf === minSamplesLeaf &&
              c.settings.trees === trees,
          )
          if (!c) return ''
          const text = `${f4(c.auc)} / ${f4(c.logloss)}`
          return c === chosen || c === reference ? `**${text}**` : text
        })
        console.log(
          `| ${name} | ${learningRate} | ${maxDepth} | ${minSamplesLeaf} | ${row.join(' | ')} |`,
        )
      }
console.log(`\nreference (shuffled CV's pick): ${describe(reference)}`)
console.log(`chosen: ${describe(chosen)}\n`)

/** Online settings: the chosen trees per origin, each validation session scored then learnt. */
const fitted = ORIGINS.map((origin) => ({
  origin,
  model: fitOrigin(origin, chosen.settings, chosen.ignored),
}))
const online: { options: OnlineOptions; frozen: number; online: number; layer: number }[] = []
for (const learningRate of [0.002, 0.005, 0.01, 0.02, 0.05, 0.1])
  for (const l2 of [0, 0.01, 0.1])
    for (const clip of [1, 5, 20]) {
      const options = { learningRate, l2, clip }
      let frozen = 0
      let served = 0
      let layer = 0
      for (const { origin, model } of fitted) {
        const ensemble = compileEnsemble(model.ensemble)
        const outcome = streamOnline(ensemble, model.online, origin.validate, options)
        const y = origin.validate.map((r) => r.bought)
        frozen += forecastQuality(y, outcome.frozen).logloss / fitted.length
        served += forecastQuality(y, outcome.online).logloss / fitted.length
        layer += forecastQuality(y, outcome.layerOnly).logloss / fitted.length
      }
      online.push({ options, frozen, online: served, layer })
      log(
        `online lr ${learningRate} l2 ${l2} clip ${clip}: log loss ${f4(served)} served, ${f4(layer)} layer alone (frozen ${f4(frozen)})`,
      )
    }
const bestOnline = [...online].sort((a, b) => a.online - b.online)[0]
console.log('Online layer: mean streamed log loss over the two origins\n')
console.log('| learning rate | L2 | clip | served (mixture) | layer alone | frozen |')
console.log('|---|---|---|---|---|---|')
for (const o of online)
  console.log(
    `| ${o.options.learningRate} | ${o.options.l2} | ${o.options.clip} | ${f4(o.online)} | ${f4(o.layer)} | ${f4(o.frozen)} |`,
  )
console.log(`\nchosen online: ${JSON.stringify(bestOnline)}`)

// What to serve from the chosen layer: itself, the mixture, or whichever of it and the frozen
// trees did better over recent sessions.
const HALF_LIVES = [25, 100, 400]
const guarded = HALF_LIVES.map(() => 0)
let layerAlways = 0
let mixture = 0
for (const { origin, model } of fitted) {
  const ensemble = compileEnsemble(model.ensemble)
  const outcome = streamOnline(ensemble, model.online, origin.validate, bestOnline!.options)
  const y = origin.validate.map((r) => r.bought)
  const alone = forecastQuality(y, outcome.layerOnly).logloss
  const frozen = forecastQuality(y, outcome.frozen).logloss
  const rate = y.reduce((sum: number, v) => sum + v, 0) / y.length
  const constant = forecastQuality(
    y,
    y.map(() => rate),
  ).logloss
  console.log(
    `origin validating ${origin.validate.length} sessions: frozen ${f4(frozen)}, layer alone ${f4(alone)}, the month's purchase rate as a constant forecast ${f4(constant)}`,
  )
  layerAlways += alone / fitted.length
  mixture += forecastQuality(y, outcome.online).logloss / fitted.length
  HALF_LIVES.forEach((half, i) => {
    guarded[i]! += forecastQuality(y, guardedScores(outcome, y, half)).logloss / fitted.length
  })
}
console.log('\nWhat is served from the chosen layer: mean streamed log loss over the two origins\n')
console.log('| served | streamed log loss |')
console.log('|---|---|')
console.log(`| the layer alone, always | ${f4(layerAlways)} |`)
console.log(`| the mixture of the layer and the frozen trees, by evidence | ${f4(mixture)} |`)
HALF_LIVES.forEach((half, i) =>
  console.log(
    `| the better of the layer and the frozen trees over recent sessions (half-life ${half}) | ${f4(guarded[i]!)} |`,
  ),
)

const summary = (c: Cell) => ({
  featureSet: c.featureSet,
  ignoredFeatures: c.ignored,
  settings: c.settings,
  auc: Number(f4(c.auc)),
  logloss: Number(f4(c.logloss)),
  brier: Number(f4(c.brier)),
})
console.log(
  JSON.stringify({ chosen: summary(chosen), reference: summary(reference), online: bestOnline }),
)
