/**
 * Puts a freshly built tree in place of public/ while `wrangler dev` may be serving it: a file
 * whose bytes are unchanged is left alone, a changed one is replaced by a rename (a reader sees
 * the old file or the new, never half of one), and only then are files the build no longer makes
 * removed. public/ itself never disappears, so `npm run proxy` or `npm start` building beside a
 * running Worker does not take its assets away.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'

/** Relative paths of every file under `dir`. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(prefix, entry.name)
    return entry.isDirectory() ? filesUnder(join(dir, entry.name), path) : [path]
  })
}

/** Removes directories under `dir` that hold no file any more (deepest first). */
function removeEmptyDirectories(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    const path = join(dir, entry.name)
    removeEmptyDirectories(path)
    if (readdirSync(path).length === 0) rmSync(path, { recursive: true })
  }
}

export type SyncReport = { written: number; unchanged: number; removed: number }

/** Makes `to` hold exactly the files of `from`, touching only what differs. */
export function syncDir(from: string, to: string): SyncReport {
  const report: SyncReport = { written: 0, unchanged: 0, removed: 0 }
  const wanted = new Set(filesUnder(from))
  for (const path of wanted) {
    const bytes = readFileSync(join(from, path))
    const target = join(to, path)
    if (existsSync(target) && readFileSync(target).equals(bytes)) {
      report.unchanged++
      continue
    }
    mkdirSync(join(target, '..'), { recursive: true })
    const staged = `${target}.${process.pid}.tmp`
    writeFileSync(staged, bytes)
    renameSync(staged, target)
    report.written++
  }
  for (const path of filesUnder(to)) {
    if (wanted.has(path)) continue
    rmSync(join(to, path))
    report.removed++
  }
  if (existsSync(to)) removeEmptyDirectories(to)
  return report
}
