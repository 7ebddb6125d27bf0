/**
 * Turns raw interactions into the weighted visitor × item matrix the SVD factorises.
 *
 * A cell is the sum of the visitor's interactions with the item, each weighted by its type
 * (a purchase says more than a view) and optionally decayed by age, then damped (log1p by default)
 * so that a wholesaler buying the same item forty times does not outweigh forty shoppers. Rows can
 * be scaled by a power of their norm, which keeps heavy users from dominating the factors, and
 * columns can be compensated for how long the item has been around (see `exposureExponent`).
 */

import { toColumns } from './interaction-columns.ts'
import type { InteractionColumns } from './interaction-columns.ts'
import { itemAgeScales, firstSeenTimes } from './item-age.ts'
import type { SparseMatrix } from './sparse-matrix.ts'
import { INTERACTION_TYPES } from '../types.ts'
import type { Interaction, InteractionType } from '../types.ts'
import { DAY_MS } from '../../../shared/durations.ts'

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
 * Builds the sparse visitor × item matrix from interaction objects or, without copying them,
 * from typed columns (interaction-columns.ts).
 *
 * @example
 * const m = buildInteractionMatrix(events, { halfLifeDays: 60, rowNormExponent: 0.5 })
 * m.visitorIndex.get('c13313') // that visitor's row
 */
export function buildInteractionMatrix(
  interactions: Iterable<Interaction> | InteractionColumns,
  options: MatrixOptions = {},
): InteractionMatrix {
  const columns = toColumns(interactions)
  const weights = resolveWeights(options.weights)
  const typeWeights = Float64Array.from(INTERACTION_TYPES, (type) => weights[type])
  const usable = usableInteractions(columns, typeWeights)
  const visitors = sortedIds(columns.visitors, columns.visitor, usable.keep)
  const items = sortedIds(columns.items, columns.item, usable.keep)
  const halfLife = (options.halfLifeDays ?? 0) * DAY_MS
  const reference = options.referenceTime ?? usable.latest
  const firstSeen = firstSeenTimes(
    items.ids.length,
    columns.item,
    columns.at,
    items.remap,
    usable.keep,
  )
  const columnScale = itemAgeScales(firstSeen, {
    reference,
    halfLife,
    power: options.exposureExponent ?? 0,
    minDays: options.minExposureDays,
  })
  const cells = mergeCells(columns, usable.keep, visitors, items, {
    typeWeights,
    decay: (at) => (halfLife > 0 ? Math.pow(2, -Math.max(0, reference - at) / halfLife) : 1),
    transform: options.transform ?? 'log1p',
  })
  const rowScales = scaleRows(cells, columnScale, options.rowNormExponent ?? 0)
  return {
    ...cells,
    visitors: visitors.ids,
    items: items.ids,
    visitorIndex: visitors.index,
    itemIndex: items.index,
    rowScales,
    firstSeen,
    referenceTime: reference,
    used: usable.used,
    ignored: columns.unknownTypes + columns.length - usable.used,
  }
}

/** Which interactions enter the matrix (a positive finite weight, a finite time), and the latest. */
function usableInteractions(columns: InteractionColumns, typeWeights: Float64Array) {
  const keep = new Uint8Array(columns.length)
  let used = 0
  let latest = -Infinity
  for (let i = 0; i < columns.length; i++) {
    const weight = typeWeights[columns.type[i] ?? 0] ?? 0
    const at = columns.at[i] ?? Number.NaN
    if (!(weight > 0) || !Number.isFinite(weight) || !Number.isFinite(at)) continue
    keep[i] = 1
    used++
    if (at > latest) latest = at
  }
  return { keep, used, latest }
}

type SortedIds = {
  ids: string[]
  index: Map<string, number>
  /** Interned index → sorted index, -1 for an id no kept interaction uses. */
  remap: Int32Array
}

/** The ids kept interactions use, sorted (code-unit order, locale-free), and the re-indexing. */
function sortedIds(interned: string[], of: Uint32Array, keep: Uint8Array): SortedIds {
  const usedIds = new Uint8Array(interned.length)
  for (let i = 0; i < keep.length; i++) if (keep[i]) usedIds[of[i] ?? 0] = 1
  const order: number[] = []
  for (let n = 0; n < interned.length; n++) if (usedIds[n]) order.push(n)
  order.sort((a, b) => {
    const x = interned[a] ?? ''
    const y = interned[b] ?? ''
    return x < y ? -1 : x > y ? 1 : 0
  })
  const remap = new Int32Array(interned.length).fill(-1)
  const index = new Map<string, number>()
  const ids = order.map((n, sorted) => {
    const id = interned[n] ?? ''
    remap[n] = sorted
    index.set(id, sorted)
    return id
  })
  return { ids, index, remap }
}

type CellRule = {
  typeWeights: Float64Array
  decay: (at: number) => number
  transform: CellTransform
}

/**
 * CSR of the transformed cells: a counting sort of the kept interactions by row, then each row's
 * equal columns summed in a dense accumulator over the catalog (cols doubles, reused per row).
 */
function mergeCells(
  columns: InteractionColumns,
  keep: Uint8Array,
  visitors: SortedIds,
  items: SortedIds,
  rule: CellRule,
): SparseMatrix {
  const rows = visitors.ids.length
  const cols = items.ids.length
  const rowOf = (i: number): number => visitors.remap[columns.visitor[i] ?? 0] ?? 0
  const rowPtr = new Uint32Array(rows + 1)
  for (let i = 0; i < keep.length; i++) if (keep[i]) rowPtr[rowOf(i) + 1]!++
  for (let r = 0; r < rows; r++) rowPtr[r + 1]! += rowPtr[r]!
  const fill = rowPtr.slice(0, rows)
  const order = new Uint32Array(rowPtr[rows] ?? 0)
  for (let i = 0; i < keep.length; i++) if (keep[i]) order[fill[rowOf(i)]!++] = i

  const sums = new Float64Array(cols)
  const touchedBy = new Int32Array(cols).fill(-1)
  const colIdx = new Uint32Array(order.length)
  const values = new Float32Array(order.length)
  let nnz = 0
  for (let r = 0; r < rows; r++) {
    const touched: number[] = []
    for (let p = rowPtr[r] ?? 0; p < (rowPtr[r + 1] ?? 0); p++) {
      const i = order[p] ?? 0
      const c = items.remap[columns.item[i] ?? 0] ?? 0
      if (touchedBy[c] !== r) {
        touchedBy[c] = r
        touched.push(c)
      }
      sums[c]! += (rule.typeWeights[columns.type[i] ?? 0] ?? 0) * rule.decay(columns.at[i] ?? 0)
    }
    rowPtr[r] = nnz
    for (const c of touched.sort((a, b) => a - b)) {
      colIdx[nnz] = c
      values[nnz++] = transformCell(sums[c] ?? 0, rule.transform)
      sums[c] = 0
    }
  }
  rowPtr[rows] = nnz
  return { rows, cols, rowPtr, colIdx: colIdx.slice(0, nnz), values: values.slice(0, nnz) }
}

/** Scales each row by its norm to `-exponent` and each column by its age scale, in place. */
function scaleRows(a: SparseMatrix, columnScale: Float64Array, exponent: number): Float64Array {
  const rowScales = new Float64Array(a.rows).fill(1)
  for (let r = 0; r < a.rows; r++) {
    const start = a.rowPtr[r] ?? 0
    const end = a.rowPtr[r + 1] ?? 0
    let norm = 0
    for (let p = start; p < end; p++) norm += a.values[p]! ** 2
    if (exponent !== 0 && norm > 0) rowScales[r] = Math.pow(norm, -exponent / 2)
    const scale = rowScales[r] ?? 1
    for (let p = start; p < end; p++) a.values[p]! *= scale * (columnScale[a.colIdx[p] ?? 0] ?? 1)
  }
  return rowScales
}
