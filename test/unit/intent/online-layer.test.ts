import { afterEach, describe, expect, it, vi } from 'vitest'
import { FEATURE_INDEX, INTENT_FEATURES } from '../../../worker/intent/features.ts'
import { parseOnlineLayer } from '../../../worker/intent/model.ts'
import { intentSgdOptions } from '../../../worker/intent/online-config.ts'
import {
  DEFAULT_ONLINE,
  onlineLogit,
  PRIOR_EVIDENCE,
  PRIOR_TRUST,
  servedProbability,
  startOnlineLayer,
  updateOnlineLayer,
} from '../../../worker/intent/online-layer.ts'

const vector = (values: Partial<Record<(typeof INTENT_FEATURES)[number], number>>) => {
  const x = new Float64Array(INTENT_FEATURES.length).fill(Number.NaN)
  for (const [name, v] of Object.entries(values)) x[FEATURE_INDEX[name as 'PageValues']] = v
  return x
}
const training = [
  vector({ PageValues: 0 }),
  vector({ PageValues: 10 }),
  vector({ PageValues: 100 }),
]
const options = { learningRate: 0.1, l2: 0, clip: 100 }

afterEach(() => vi.restoreAllMocks())

describe('the online logistic layer', () => {
  it('starts as the ensemble alone', () => {
    const layer = startOnlineLayer(training)
    expect(onlineLogit(layer, 1.7, vector({ PageValues: 42, AddToCarts: 3 }))).toBe(1.7)
  })

  it('takes the textbook SGD step on the log loss', () => {
    const layer = startOnlineLayer(training)
    const x = vector({ PageValues: 10 })
    const { layer: next, updated } = updateOnlineLayer(layer, 0, x, 1, options)
    expect(updated).toBe(true)
    // p = 0.5, error -0.5: the intercept and each weight move by 0.1 * 0.5 * input.
    const z = (Math.log1p(10) - (layer.mean[0] ?? 0)) / (layer.scale[0] ?? 1)
    expect(next.bias).toBeCloseTo(0.05, 12)
    expect(next.weights[0]).toBe(1)
    expect(next.weights[1]).toBeCloseTo(0.05 * z, 12)
    expect(next.updates).toBe(1)
    expect(layer.bias).toBe(0)
  })

  it('follows a rising purchase rate between trainings', () => {
    let layer = startOnlineLayer(training)
    const x = vector({ PageValues: 10 })
    for (let i = 0; i < 300; i++)
      layer = updateOnlineLayer(layer, -2, x, i % 2 === 0 ? 1 : 0, DEFAULT_ONLINE).layer
    expect(onlineLogit(layer, -2, x)).toBeGreaterThan(-1)
  })

  it('pulls weights back toward the start with L2 and clips long gradients', () => {
    const layer = { ...startOnlineLayer(training), weights: [3, 0, 0, 0, 0, 0, 0, 0, 0, 0] }
    const x = vector({})
    const pulled = updateOnlineLayer(layer, 0, x, 0, { ...options, l2: 1, learningRate: 0.1 }).layer
    // Error 0.5 on input 0 plus L2 (3 - 1): the logit weight moves by 0.1 * (0.5 * 0 + 2).
    expect(pulled.weights[0]).toBeCloseTo(2.8, 12)
    const clipped = updateOnlineLayer(layer, 1000, x, 0, { ...options, clip: 1, l2: 0 }).layer
    // The gradient (1, 1000) is scaled to length 1, so the step is at most the learning rate.
    expect(Math.hypot(clipped.bias, (clipped.weights[0] ?? 0) - 3)).toBeCloseTo(0.1, 9)
  })

  it('skips and logs a non-finite step, leaving the layer as it was', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const layer = startOnlineLayer(training)
    const outcome = updateOnlineLayer(layer, Number.POSITIVE_INFINITY, vector({}), 0, options)
    expect(outcome).toEqual({ layer, updated: false, skipped: 'non_finite_step' })
    expect(warn).toHaveBeenCalledOnce()
    const nan = updateOnlineLayer(layer, Number.NaN, vector({}), 1, options)
    expect(nan.updated).toBe(false)
  })

  it('reads its settings from the Worker variables, falling back when out of range', () => {
    expect(
      intentSgdOptions({
        INTENT_SGD_LEARNING_RATE: '0.2',
        INTENT_SGD_L2: '0.5',
        INTENT_SGD_CLIP: '3',
      }),
    ).toEqual({ learningRate: 0.2, l2: 0.5, clip: 3 })
    expect(
      intentSgdOptions({
        INTENT_SGD_LEARNING_RATE: 'x',
        INTENT_SGD_L2: '-1',
        INTENT_SGD_CLIP: '0',
      }),
    ).toEqual(DEFAULT_ONLINE)
  })
})

describe('the served score: the layer mixed with the frozen trees by evidence', () => {
  const logLoss = (p: number, bought: 0 | 1) => -Math.log(bought === 1 ? p : 1 - p)
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

  it("gives the layer its prior weight before any evidence, so a fresh layer serves the trees' score", () => {
    expect(PRIOR_TRUST).toBeGreaterThan(0)
    expect(PRIOR_TRUST).toBeLessThan(0.5)
    expect(sigmoid(PRIOR_EVIDENCE)).toBeCloseTo(PRIOR_TRUST, 12)
    const layer = {
      ...startOnlineLayer(training),
      bias: 2,
      weights: [0.5, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    }
    expect(layer.evidence).toBe(0)
    expect(servedProbability(layer, -1.3, vector({ PageValues: 10 }))).toBeCloseTo(
      sigmoid(-1.3) * (1 - PRIOR_TRUST) +
        sigmoid(onlineLogit(layer, -1.3, vector({ PageValues: 10 }))) * PRIOR_TRUST,
      14,
    )
    // Evidence that cancels the prior weighs the two evenly.
    expect(
      servedProbability({ ...layer, evidence: -PRIOR_EVIDENCE }, -1.3, vector({ PageValues: 10 })),
    ).toBe(
      sigmoid(-1.3) * 0.5 + sigmoid(onlineLogit(layer, -1.3, vector({ PageValues: 10 }))) * 0.5,
    )
    expect(servedProbability(startOnlineLayer(training), -1.3, vector({ PageValues: 10 }))).toBe(
      sigmoid(-1.3),
    )
  })

  it("adds the layer's log-likelihood ratio over the frozen trees to its evidence", () => {
    const layer = { ...startOnlineLayer(training), bias: 1 }
    const x = vector({})
    const next = updateOnlineLayer(layer, 0, x, 1, options).layer
    // The layer said sigmoid(1) where the trees said 0.5, and the session bought.
    expect(next.evidence).toBeCloseTo(Math.log(sigmoid(1) / 0.5), 12)
    const after = updateOnlineLayer(next, 0, x, 0, options).layer
    const said = sigmoid(onlineLogit(next, 0, x))
    expect(after.evidence).toBeCloseTo(next.evidence + Math.log((1 - said) / 0.5), 12)
  })

  it('loses at most -ln(1 - prior) in total to the trees and -ln(prior) to the layer, whatever happens', () => {
    let seed = 7
    const layers: number[] = []
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let world = 0; world < 40; world++) {
      // In half the worlds the trees are right and the layer, learning fast, chases noise; in
      // the other half purchases rise past the trees' forecast, which the layer follows.
      const contrary = world % 2 === 1
      let layer = startOnlineLayer(training)
      let served = 0
      let frozen = 0
      let alone = 0
      for (let i = 0; i < 300; i++) {
        const x = vector({ PageValues: Math.floor(random() * 100), AddToCarts: i % 3 })
        const logit = random() * 4 - 2
        const rate = sigmoid(contrary ? logit : logit + 1.5)
        const bought = random() < rate ? 1 : 0
        served += logLoss(servedProbability(layer, logit, x), bought)
        frozen += logLoss(sigmoid(logit), bought)
        alone += logLoss(sigmoid(onlineLogit(layer, logit, x)), bought)
        layer = updateOnlineLayer(layer, logit, x, bought, {
          learningRate: 0.5,
          l2: 0,
          clip: 20,
        }).layer
      }
      expect(served).toBeLessThanOrEqual(frozen - Math.log(1 - PRIOR_TRUST) + 1e-9)
      expect(served).toBeLessThanOrEqual(alone - Math.log(PRIOR_TRUST) + 1e-9)
      if (contrary) layers.push(alone - frozen)
      else layers.push(frozen - alone)
    }
    // The worlds test both sides: the layer loses clearly where it chases noise and wins clearly
    // where purchases rise.
    expect(Math.min(...layers)).toBeGreaterThan(1)
  })

  it('comes to trust a layer that follows a rising purchase rate', () => {
    let layer = startOnlineLayer(training)
    const x = vector({ PageValues: 10 })
    for (let i = 0; i < 300; i++)
      layer = updateOnlineLayer(layer, -2, x, i % 2 === 0 ? 1 : 0, DEFAULT_ONLINE).layer
    expect(sigmoid(PRIOR_EVIDENCE + layer.evidence)).toBeGreaterThan(0.99)
    expect(servedProbability(layer, -2, x)).toBeGreaterThan(sigmoid(-1))
  })

  it('reads a stored layer without evidence as weighed by the prior alone', () => {
    const layer = { ...startOnlineLayer(training), evidence: 3 }
    const model = { online: startOnlineLayer(training) } as Parameters<typeof parseOnlineLayer>[1]
    expect(parseOnlineLayer(JSON.stringify(layer), model)?.evidence).toBe(3)
    const { evidence: _, ...stored } = layer
    expect(parseOnlineLayer(JSON.stringify(stored), model)?.evidence).toBe(0)
    expect(parseOnlineLayer(JSON.stringify({ ...stored, evidence: 'x' }), model)).toBeNull()
  })

  it('charges a confident miss its full loss, from the log-odds', () => {
    // The trees say log-odds 40 and the session did not buy: 1 - sigmoid(40) rounds to 0, so
    // only the log-odds give the trees their loss of about 40 nats against the layer's.
    const layer = { ...startOnlineLayer(training), bias: -40 }
    const next = updateOnlineLayer(layer, 40, vector({}), 0, options).layer
    expect(next.evidence).toBeCloseTo(40 - Math.log1p(Math.exp(0)), 9)
  })
})
