// Monte-Carlo check of the statistics module (worker/stats), run with `node scripts/simulate-stats.ts`
// (Node 22 strips the types). Two questions, each answered through computeResults exactly as
// the dashboard computes its figures:
//  1. A/A experiments looked at every day for 30 days: how often does the naive p-value dip
//     below 0.05 at least once (inflated by peeking), and the sequential one (must stay <= 5%)?
//  2. A true +10% relative lift on a 5% baseline with the sample size calculator's visitors:
//     is the power about the planned 80%?
// Visitors are simulated as aggregated daily binomial counts, not one by one. Fixed seeds:
// the printed table is reproducible. `--write` also writes it to docs/stats-simulation.md.
import { mkdirSync, writeFileSync } from 'node:fs'
import { computeResults } from '../worker/stats/results.ts'
import { sampleSizePerVariation } from '../worker/stats/sample-size.ts'
import type { ExperimentResults, VariationInput } from '../shared/results-types.ts'

const AA_EXPERIMENTS = 2000
const POWER_EXPERIMENTS = 10_000
const DAYS = 30
const BASELINE = 0.05
const LIFT = 0.1
const AA_DAILY_VISITORS = 1000
const ALPHA = 0.05

/** sfc32 (Chris Doty-Humphrey's small fast counter), seeded through splitmix32. */
function createRandom(seed: number): () => number {
  let s = seed >>> 0
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix()
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return (t + 0.5) / 4294967296
  }
}

/** Binomial(n, p) by summing geometric waiting times between successes (exact, O(np)). */
function binomial(random: () => number, n: number, p: number): number {
  const logQ = Math.log1p(-p)
  let position = 0
  let successes = 0
  for (;;) {
    position += Math.floor(Math.log(random()) / logQ) + 1
    if (position > n) return successes
    successes++
  }
}

function arm(key: string, visitors: number, conversions: number): VariationInput {
  return { key, weight: 1, visitors, conversions, revenueSum: 0, revenueSumSquares: 0 }
}

function analyse(control: [number, number], treatment: [number, number]): ExperimentResults {
  return computeResults({
    experiment: 'simulation',
    phase: 1,
    status: 'running',
    variations: [arm('control', ...control), arm('treatment', ...treatment)],
  })
}

function progress(label: string, done: number, total: number): void {
  if (done % 100 === 0 || done === total) {
    process.stderr.write(`\r${label}: ${done}/${total}${done === total ? '\n' : ''}`)
  }
}

type Row = { scenario: string; experiments: number; rule: string; hits: number }

/** Runs `experiments` experiments of DAYS daily peeks; `perDay` visitors per arm per day. */
function peekingRun(
  label: string,
  seed: number,
  experiments: number,
  perDay: number,
  treatmentRate: number,
) {
  const random = createRandom(seed)
  const counts = { naiveEver: 0, sequentialEver: 0, naiveFinal: 0, sequentialFinal: 0 }
  for (let e = 1; e <= experiments; e++) {
    const control: [number, number] = [0, 0]
    const treatment: [number, number] = [0, 0]
    let naiveEver = false
    let sequentialEver = false
    for (let day = 1; day <= DAYS; day++) {
      control[0] += perDay
      control[1] += binomial(random, perDay, BASELINE)
      treatment[0] += perDay
      treatment[1] += binomial(random, perDay, treatmentRate)
      const vs = analyse(control, treatment).variations[1]?.vsControl
      const naive = vs?.pValue ?? 1
      const sequential = vs?.sequentialPValue ?? 1
      if (naive < ALPHA) naiveEver = true
      if (sequential < ALPHA) sequentialEver = true
      if (day === DAYS) {
        if (naive < ALPHA) counts.naiveFinal++
        if (sequential < ALPHA) counts.sequentialFinal++
      }
    }
    if (naiveEver) counts.naiveEver++
    if (sequentialEver) counts.sequentialEver++
    progress(label, e, experiments)
  }
  return counts
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`
}

function table(rows: Row[]): string {
  const lines = [
    '| scenario | experiments | rule | share | ± 2 s.e. |',
    '| --- | ---: | --- | ---: | ---: |',
  ]
  for (const r of rows) {
    const share = r.hits / r.experiments
    const margin = 2 * Math.sqrt((share * (1 - share)) / r.experiments)
    lines.push(
      `| ${r.scenario} | ${r.experiments} | ${r.rule} | ${percent(share)} | ${percent(margin)} |`,
    )
  }
  return lines.join('\n')
}

const started = performance.now()
const aa = peekingRun('A/A', 1, AA_EXPERIMENTS, AA_DAILY_VISITORS, BASELINE)

const planned = sampleSizePerVariation({ baselineRate: BASELINE, minimumDetectableEffect: LIFT })
// Spread the planned sample over the 30 days (rounded up, so the end has >= planned visitors).
const powerDaily = Math.ceil(planned / DAYS)
const power = peekingRun('power', 2, POWER_EXPERIMENTS, powerDaily, BASELINE * (1 + LIFT))

const aaScenario = `A/A, ${BASELINE * 100}% baseline, ${AA_DAILY_VISITORS} visitors/arm/day, ${DAYS} daily peeks`
const powerScenario = `+${LIFT * 100}% lift on ${BASELINE * 100}%, ${powerDaily * DAYS} visitors/arm (calculator: ${planned})`
const output = table([
  {
    scenario: aaScenario,
    experiments: AA_EXPERIMENTS,
    rule: 'naive p < 0.05 at any peek',
    hits: aa.naiveEver,
  },
  {
    scenario: aaScenario,
    experiments: AA_EXPERIMENTS,
    rule: 'sequential p < 0.05 at any peek',
    hits: aa.sequentialEver,
  },
  {
    scenario: aaScenario,
    experiments: AA_EXPERIMENTS,
    rule: 'naive p < 0.05 on day 30 only',
    hits: aa.naiveFinal,
  },
  {
    scenario: powerScenario,
    experiments: POWER_EXPERIMENTS,
    rule: 'naive p < 0.05 at the end (power)',
    hits: power.naiveFinal,
  },
  {
    scenario: powerScenario,
    experiments: POWER_EXPERIMENTS,
    rule: 'sequential p < 0.05 at any peek',
    hits: power.sequentialEver,
  },
])
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(output)
console.log(`\n${seconds} s`)

if (process.argv.includes('--write')) {
  const doc = `# Statistics simulation

Produced by \`node scripts/simulate-stats.ts --write\` (fixed seeds; every figure goes through
\`computeResults\`, the function behind the results endpoint).

${output}

Looking at an A/A test every day and stopping at the first naive p < 0.05 declares a winner
far more often than 5% of the time, while the sequential p-value (Waudby-Smith et al. 2023
confidence sequences, N* = 5000) stays at or below the promised 5% however often one looks;
and the sample size calculator's figure gives the fixed-horizon test at least the planned 80%
power, which the always-valid sequential test trades for its protection against peeking.
"± 2 s.e." is the Monte-Carlo margin of each share.

The calculator uses the textbook Wald-test formula, n = (z(1-alpha/2) + z(power))² ·
V / MDE², which treats the test statistic as having unit spread under the alternative. Our
statistic divides by an *estimated* standard error that grows with the observed lift, so under
the alternative its spread is about 0.91 instead of 1 (delta method), and the achieved power
comes out about two points above plan: the calculator errs on the safe side.
`
  mkdirSync(new URL('../docs/', import.meta.url), { recursive: true })
  writeFileSync(new URL('../docs/stats-simulation.md', import.meta.url), doc)
}
