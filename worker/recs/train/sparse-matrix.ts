/**
 * Compressed sparse row (CSR) matrices and the two products randomized SVD needs, A·X and Aᵀ·X,
 * against dense row-major blocks. Neither product materialises A densely or transposes it, so
 * memory stays O(nnz + (rows + cols)·width) however large the catalog grows.
 */

/**
 * A sparse matrix in CSR form: the nonzeros of row r are `colIdx[rowPtr[r] .. rowPtr[r + 1])`
 * with `values` at the same positions, columns ascending within a row. Training's matrices hold
 * their values in single precision: the cells are damped counts, and it halves their memory.
 */
export type SparseMatrix = {
  rows: number
  cols: number
  rowPtr: Uint32Array
  colIdx: Uint32Array
  values: Float32Array | Float64Array
}

/** A dense matrix stored row-major in one typed array: element (r, c) is `data[r * cols + c]`. */
export type DenseMatrix = { rows: number; cols: number; data: Float64Array | Float32Array }

/** Number of stored nonzeros. */
export function nonZeros(a: SparseMatrix): number {
  return a.rowPtr[a.rows] ?? 0
}

/** Computes A·X for sparse A (m×n) and dense X (n×w), giving a dense m×w block. */
export function multiply(a: SparseMatrix, x: DenseMatrix): DenseMatrix {
  if (x.rows !== a.cols) throw new RangeError(`A is ${a.rows}x${a.cols}, X has ${x.rows} rows`)
  const w = x.cols
  const out = new Float64Array(a.rows * w)
  const xd = x.data
  for (let r = 0; r < a.rows; r++) {
    const end = a.rowPtr[r + 1] ?? 0
    const base = r * w
    for (let p = a.rowPtr[r] ?? 0; p < end; p++) {
      const value = a.values[p] ?? 0
      const from = (a.colIdx[p] ?? 0) * w
      for (let j = 0; j < w; j++) out[base + j]! += value * xd[from + j]!
    }
  }
  return { rows: a.rows, cols: w, data: out }
}

/** Computes Aᵀ·X for sparse A (m×n) and dense X (m×w), giving a dense n×w block. */
export function multiplyTransposed(a: SparseMatrix, x: DenseMatrix): DenseMatrix {
  if (x.rows !== a.rows) throw new RangeError(`A is ${a.rows}x${a.cols}, X has ${x.rows} rows`)
  const w = x.cols
  const out = new Float64Array(a.cols * w)
  const xd = x.data
  for (let r = 0; r < a.rows; r++) {
    const end = a.rowPtr[r + 1] ?? 0
    const from = r * w
    for (let p = a.rowPtr[r] ?? 0; p < end; p++) {
      const value = a.values[p] ?? 0
      const base = (a.colIdx[p] ?? 0) * w
      for (let j = 0; j < w; j++) out[base + j]! += value * xd[from + j]!
    }
  }
  return { rows: a.cols, cols: w, data: out }
}

/** Squared Frobenius norm, the total "energy" a truncated SVD can capture. */
export function frobeniusSquared(a: SparseMatrix): number {
  let sum = 0
  for (let p = 0; p < a.values.length; p++) sum += a.values[p]! ** 2
  return sum
}

/** Column indices of row r (a view, not a copy). */
export function rowColumns(a: SparseMatrix, r: number): Uint32Array {
  return a.colIdx.subarray(a.rowPtr[r] ?? 0, a.rowPtr[r + 1] ?? 0)
}

/** Values of row r (a view, not a copy). */
export function rowValues(a: SparseMatrix, r: number): Float32Array | Float64Array {
  return a.values.subarray(a.rowPtr[r] ?? 0, a.rowPtr[r + 1] ?? 0)
}

/** Expands A into a dense row-major block; only for tests and small reference computations. */
export function toDense(a: SparseMatrix): DenseMatrix {
  const data = new Float64Array(a.rows * a.cols)
  for (let r = 0; r < a.rows; r++) {
    const end = a.rowPtr[r + 1] ?? 0
    for (let p = a.rowPtr[r] ?? 0; p < end; p++) {
      data[r * a.cols + (a.colIdx[p] ?? 0)] = a.values[p] ?? 0
    }
  }
  return { rows: a.rows, cols: a.cols, data }
}

/** Builds CSR from a dense row-major block, dropping exact zeros; for tests and fixtures. */
export function fromDense(rows: number, cols: number, data: ArrayLike<number>): SparseMatrix {
  const rowPtr = new Uint32Array(rows + 1)
  const colList: number[] = []
  const valueList: number[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const value = data[r * cols + c] ?? 0
      if (value !== 0) {
        colList.push(c)
        valueList.push(value)
      }
    }
    rowPtr[r + 1] = colList.length
  }
  return {
    rows,
    cols,
    rowPtr,
    colIdx: Uint32Array.from(colList),
    values: Float64Array.from(valueList),
  }
}
