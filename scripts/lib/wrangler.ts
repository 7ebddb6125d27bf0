/**
 * Running the project's own wrangler from scripts, with the same Node that runs the script, and
 * SQL against the local D1 that `wrangler dev` uses (.wrangler/state).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const WRANGLER = fileURLToPath(
  new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url),
)
export const DATABASE = 'edgelift'

/** Runs wrangler to completion; throws with its output when it fails. */
export function wrangler(args: string[], options: { quiet?: boolean } = {}): string {
  const result = spawnSync(process.execPath, [WRANGLER, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) {
    throw new Error(`wrangler ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
  }
  if (!options.quiet) process.stdout.write(result.stdout)
  return result.stdout
}

/** Starts wrangler as a long-running child with inherited output. */
export function wranglerChild(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [WRANGLER, ...args], {
    stdio: 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...env },
  })
}

/** Applies the D1 migrations to the local database (idempotent). */
export function applyLocalMigrations(persistTo?: string): void {
  wrangler(['d1', 'migrations', 'apply', DATABASE, '--local', ...persistArgs(persistTo)], {
    quiet: true,
  })
}

/** Runs SQL on the local D1 and answers the rows of its last statement. */
export function localSql<T>(sql: string, persistTo?: string): T[] {
  const out = wrangler(
    ['d1', 'execute', DATABASE, '--local', '--json', '--command', sql, ...persistArgs(persistTo)],
    { quiet: true },
  )
  const parsed = JSON.parse(out) as { results: T[] }[]
  return parsed.at(-1)?.results ?? []
}

/** A SQL string literal. Only for values the scripts made themselves or validated. */
export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

function persistArgs(persistTo?: string): string[] {
  return persistTo ? ['--persist-to', persistTo] : []
}
