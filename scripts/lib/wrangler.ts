/**
 * Running the project's own wrangler from scripts, with the same Node that runs the script, and
 * SQL against the local D1 that `wrangler dev` uses (.wrangler/state).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PRIMARY_BINDING, SITE_DATABASE_BINDING } from '../../worker/db/site-databases.ts'

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

/**
 * The site databases wrangler.toml binds (`DB` and `DB_*`, worker/db/site-databases.ts), by binding
 * and database name, the primary first.
 */
export function siteDatabaseNames(
  configPath = 'wrangler.toml',
): { binding: string; name: string }[] {
  const found: { binding: string; name: string }[] = []
  for (const block of readFileSync(configPath, 'utf8')
    .split(/^\[\[d1_databases\]\]$/m)
    .slice(1)) {
    const binding = block.match(/^binding\s*=\s*"([^"]+)"/m)?.[1]
    const name = block.match(/^database_name\s*=\s*"([^"]+)"/m)?.[1]
    if (binding && name && SITE_DATABASE_BINDING.test(binding)) found.push({ binding, name })
  }
  return found.sort((a, b) =>
    a.binding === PRIMARY_BINDING ? -1 : b.binding === PRIMARY_BINDING ? 1 : 0,
  )
}

/** Applies the D1 migrations to every local site database (idempotent). */
export function applyLocalMigrations(persistTo?: string): void {
  for (const { name } of siteDatabaseNames()) {
    wrangler(['d1', 'migrations', 'apply', name, '--local', ...persistArgs(persistTo)], {
      quiet: true,
    })
  }
}

/** Runs SQL on Cloudflare's D1 (needs `wrangler login`) and answers the last statement's rows. */
export function remoteSql<T>(sql: string, database = DATABASE): T[] {
  return lastResult<T>(
    wrangler(['d1', 'execute', database, '--remote', '--json', '--command', sql], { quiet: true }),
  ).results
}

/** Tries of a local statement that meets the database locked by a running `wrangler dev`. */
const LOCKED_TRIES = 5

/**
 * Runs SQL on the local D1 and answers the rows of its last statement. The SQLite file is shared
 * with a running `wrangler dev`, whose own write can hold the lock for a moment: a statement
 * refused with SQLITE_BUSY (nothing written) is tried again after a short pause.
 */
export function localSql<T>(sql: string, persistTo?: string, database = DATABASE): T[] {
  const args = ['d1', 'execute', database, '--local', '--json', '--command', sql]
  for (let attempt = 1; ; attempt++) {
    try {
      return lastResult<T>(wrangler([...args, ...persistArgs(persistTo)], { quiet: true })).results
    } catch (err) {
      const busy = err instanceof Error && err.message.includes('SQLITE_BUSY')
      if (!busy || attempt === LOCKED_TRIES) throw err
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200 * attempt)
    }
  }
}

function lastResult<T>(out: string): { results: T[] } {
  const parsed = JSON.parse(out) as { results: T[] }[]
  return parsed.at(-1) ?? { results: [] }
}

/** A SQL string literal. Only for values the scripts made themselves or validated. */
export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

function persistArgs(persistTo?: string): string[] {
  return persistTo ? ['--persist-to', persistTo] : []
}

/**
 * Starts `wrangler dev` with its output passed through, minus the noise of an offline machine:
 * wrangler looks up Cloudflare's hosts for the `request.cf` placeholder and prints the failed
 * look-up with a stack trace, which is harmless and would only alarm a merchant.
 */
export function wranglerDev(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, [WRANGLER, 'dev', ...args], {
    stdio: ['inherit', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...env },
  })
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    let skippingStack = false
    let pending = ''
    from?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8')
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        if (/getaddrinfo ENOTFOUND|Unable to fetch the `Request.cf` object/.test(line)) {
          skippingStack = true
          continue
        }
        if (skippingStack && /^\s+at /.test(line)) continue
        skippingStack = false
        to.write(`${line}\n`)
      }
    })
  }
  return child
}
