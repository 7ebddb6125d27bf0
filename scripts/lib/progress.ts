/**
 * A one-line progress bar on stderr for long CLI jobs; plain lines when stderr is not a terminal
 * (CI logs), so output stays readable either way.
 */

export type ProgressBar = {
  update(done: number, detail?: string): void
  finish(detail?: string): void
}

export function progressBar(label: string, total: number): ProgressBar {
  const tty = process.stderr.isTTY === true
  const started = Date.now()
  let lastPrinted = -1
  const render = (done: number, detail = '') => {
    const share = total > 0 ? Math.min(1, done / total) : 1
    const percent = Math.floor(share * 100)
    const elapsed = ((Date.now() - started) / 1000).toFixed(1)
    if (tty) {
      const width = 28
      const filled = Math.round(share * width)
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
      process.stderr.write(
        `\r${label} ${bar} ${percent}% ${done}/${total} ${elapsed}s ${detail}\x1b[K`,
      )
    } else if (percent >= lastPrinted + 10 || done === total) {
      lastPrinted = percent
      process.stderr.write(`${label} ${percent}% (${done}/${total}, ${elapsed}s) ${detail}\n`)
    }
  }
  return {
    update: render,
    finish(detail) {
      render(total, detail)
      if (tty) process.stderr.write('\n')
    },
  }
}
