/** Benchmark results and the table `npm run bench` prints. */

export type Row = {
  name: string
  value: number
  unit: string
  /** The same figure for the baseline measured in the same run. */
  baseline?: { name: string; value: number }
  /** value / baseline (or the inverse, for lower-is-better figures). */
  ratio?: number
  /** The target, stated as text, and whether this run met it. */
  target?: { text: string; met: boolean }
  note?: string
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US')
  if (Math.abs(n) >= 10) return n.toFixed(1)
  return n.toPrecision(3)
}

/** A Markdown table, readable in a terminal and pasteable into the README. */
export function table(rows: Row[]): string {
  const header = ['benchmark', 'figure', 'baseline (same run)', 'ratio', 'target', 'met']
  const lines = rows.map((r) => [
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}` : '',
    r.ratio !== undefined ? `${r.ratio.toFixed(2)}x` : '',
    r.target?.text ?? '',
    r.target ? (r.target.met ? 'yes' : 'NO') : '',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)))
  const row = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n')
}

/** The middle of the finite values (the upper middle for an even count); NaN when there are none. */
export function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** Progress for long runs, on stderr so the table on stdout stays clean. */
export function progress(message: string): void {
  process.stderr.write(`  … ${message}\n`)
}
