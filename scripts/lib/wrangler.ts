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

/** Applies the D1 migrations to the local database (idempotent). */
export function applyLocalMigrations(persistTo?: string): void {
  wrangler(['d1', 'migrations', 'apply', DATABASE, '--local', ...persistArgs(persistTo)], {
    quiet: true,
  })
}

/** Runs SQL on Cloudflare's D1 (needs `wrangler login`) and answers the last statement's rows. */
export function remoteSql<T>(sql: string): T[] {
  const out = wrangler(['d1', 'execute', DATABASE, '--remote', '--json', '--command', sql], {
    quiet: true,
  })
  const parsed = JSON.parse(out) as { results: T[] }[]
  return parsed.at(-1)?.results ?? []
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
