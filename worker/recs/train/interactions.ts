/**
 * Turns raw interactions into the weighted visitor × item matrix the SVD factorises.
 *
 * A cell is the sum of the visitor's interactions with the item, each weighted by its type
 * (a purchase says more than a view) and optionally decayed by age, then damped (log1p by default)
 * so that a wholesaler buying the same item forty times does not outweigh forty shoppers. Rows can
 * be scaled by a power of their norm, which keeps heavy users from dominating the factors, and
 * columns can be compensated for how long the item has been around (see `exposureExponent`).
 */

import { itemAgeScales, firstSeenTimes } from './item-age.ts'
import type { SparseMatrix } from './sparse-matrix.ts'
import type { Interaction, InteractionType } from '../types.ts'

/** Weight of one interaction of each type. */
export type InteractionWeights = Record<InteractionType, number>

/** Default type weights: each step down the funnel doubles the signal. */
export const DEFAULT_WEIGHTS: Readonly<InteractionWeights> = {
  view: 1,
  click: 2,
  add_to_cart: 4,
  purchase: 8,
}

/** How a cell's summed weight becomes the matrix value. */
export type CellTransform = 'log1p' | 'linear' | 'binary'

/** Options of `buildInteractionMatrix`. */
export type MatrixOptions = {
  /** Per-type weights; missing types use `DEFAULT_WEIGHTS`. */
  weights?: Partial<InteractionWeights>
  /** Half-life of the exponential time decay, in days; 0 or absent disables decay. */
  halfLifeDays?: number
  /** Time the decay is measured from (epoch ms); defaults to the latest interaction. */
  referenceTime?: number
  /** Cell damping; default `log1p`. */
  transform?: CellTransform
  /** Each row is divided by its L2 norm to this power: 0 keeps rows, 1 makes them unit length. */
  rowNormExponent?: number
  /**
   * Columns are multiplied by (full exposure / item exposure) to this power, so recently
   * launched items are not penalised for their short history (see item-age.ts). 0 disables it.
   */
  exposureExponent?: number
  /** Exposure is floored at this many days, so a day-old item is not boosted without bound. */
  minExposureDays?: number
}

/** The matrix plus the maps between ids and row/column indices. Ids are sorted, so the layout
 * does not depend on the order interactions arrive in. */
export type InteractionMatrix = SparseMatrix & {
  visitors: string[]
  items: string[]
  visitorIndex: Map<string, number>
  itemIndex: Map<string, number>
  /** The factor each row was scaled by (1 unless `rowNormExponent` is set). */
  rowScales: Float64Array
  /** Each column's first interaction time: how long the item has been on sale. */
  firstSeen: Float64Array
  /** The time decay and exposure are measured from (epoch ms). */
  referenceTime: number
  /** Interactions that entered the matrix. */
  used: number
  /** Interactions ignored for an unknown type, a non-finite time or a non-positive weight. */
  ignored: number
}

const DAY_MS = 86_400_000

/** Resolves partial weights against the defaults. */
export function resolveWeights(weights?: Partial<InteractionWeights>): InteractionWeights {
  return { ...DEFAULT_WEIGHTS, ...weights }
}

/** Applies the cell damping to a summed weight. */
export function transformCell(sum: number, transform: CellTransform): number {
  if (transform === 'binary') return sum > 0 ? 1 : 0
  return transform === 'log1p' ? Math.log1p(sum) : sum
}

/**
 * Builds the sparse visitor × item matrix.
 *
 * @example
 * const m = buildInteractionMatrix(events, { halfLifeDays: 60, rowNormExponent: 0.5 })
 * m.visitorIndex.get('c13313') // that visitor's row
 */
export function buildInteractionMatrix(
  interactions: Iterable<Interaction>,
  options: MatrixOptions = {},
): InteractionMatrix {
  const weights = resolveWeights(options.weights)
  const transform = options.transform ?? 'log1p'
  const visitorSeen = new Map<string, number>()
  const itemSeen = new Map<string, number>()
  const rowList: number[] = []
  const colList: number[] = []
  const weightList: number[] = []
  const atList: number[] = []
  let latest = -Infinity
  let ignored = 0
  for (const interaction of interactions) {
    const weight = weights[interaction.type]
    if (!(weight > 0) || !Number.isFinite(weight) || !Number.isFinite(interaction.at)) {
      ignored++
      continue
    }
    rowList.push(indexOf(visitorSeen, interaction.visitorId))
    colList.push(indexOf(itemSeen, interaction.itemId))
    weightList.push(weight)
    atList.push(interaction.at)
    if (interaction.at > latest) latest = interaction.at
  }

  const { ids: visitors, index: visitorIndex, remap: rowRemap } = sortIds(visitorSeen)
  const { ids: items, index: itemIndex, remap: colRemap } = sortIds(itemSeen)
  const halfLife = (options.halfLifeDays ?? 0) * DAY_MS
  const reference = options.referenceTime ?? latest
  const decay = (at: number): number =>
    halfLife > 0 ? Math.pow(2, -Math.max(0, reference - at) / halfLife) : 1
  const firstSeen = firstSeenTimes(
    items.length,
    colList.map((c) => colRemap[c] ?? 0),
    atList,
  )
  const columnScale = itemAgeScales(firstSeen, {
    reference,
    halfLife,
    power: options.exposureExponent ?? 0,
    minDays: options.minExposureDays,
  })

  // Counting sort by row, then merge equal columns within each row.
  const rows = visitors.length
  const starts = new Uint32Array(rows + 1)
  for (const r of rowList) starts[(rowRemap[r] ?? 0) + 1]!++
  for (let r = 0; r < rows; r++) starts[r + 1]! += starts[r]!
  const fill = starts.slice(0, rows)
  const order = new Uint32Array(rowList.length)
  for (let i = 0; i < rowList.length; i++) order[fill[rowRemap[rowList[i] ?? 0] ?? 0]!++] = i

  const rowPtr = new Uint32Array(rows + 1)
  const rowScales = new Float64Array(rows).fill(1)
  const colIdx: number[] = []
  const values: number[] = []
  const exponent = options.rowNormExponent ?? 0
  for (let r = 0; r < rows; r++) {
    const cells = new Map<number, number>()
    for (let p = starts[r] ?? 0; p < (starts[r + 1] ?? 0); p++) {
      const i = order[p] ?? 0
      const c = colRemap[colList[i] ?? 0] ?? 0
      cells.set(c, (cells.get(c) ?? 0) + (weightList[i] ?? 0) * decay(atList[i] ?? reference))
    }
    const cols = [...cells.keys()].sort((a, b) => a - b)
    const start = values.length
    let norm = 0
    for (const c of cols) {
      const value = transformCell(cells.get(c) ?? 0, transform)
      colIdx.push(c)
      values.push(value)
      norm += value * value
    }
    if (exponent !== 0 && norm > 0) rowScales[r] = Math.pow(norm, -exponent / 2)
    for (let p = start; p < values.length; p++) {
      values[p] = (values[p] ?? 0) * (rowScales[r] ?? 1) * (columnScale[colIdx[p] ?? 0] ?? 1)
    }
    rowPtr[r + 1] = values.length
  }

  return {
    rows,
    cols: items.length,
    rowPtr,
    colIdx: Uint32Array.from(colIdx),
    values: Float64Array.from(values),
    visitors,
    items,
    visitorIndex,
    itemIndex,
    rowScales,
    firstSeen,
    referenceTime: reference,
    used: rowList.length,
    ignored,
  }
}

function indexOf(seen: Map<string, number>, id: string): number {
  let index = seen.get(id)
  if (index === undefined) {
    index = seen.size
    seen.set(id, index)
  }
  return index
}

/** Sorts ids (code-unit order, locale-free) and maps first-seen indices to sorted ones. */
function sortIds(seen: Map<string, number>): {
  ids: string[]
  index: Map<string, number>
  remap: Uint32Array
} {
  const ids = [...seen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const index = new Map<string, number>()
  const remap = new Uint32Array(ids.length)
  ids.forEach((id, sorted) => {
    index.set(id, sorted)
    remap[seen.get(id) ?? 0] = sorted
  })
  return { ids, index, remap }
}
