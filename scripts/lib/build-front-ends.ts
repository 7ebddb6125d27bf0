/**
 * `npm run build` from another script: the widget and the dashboard into public/, which
 * `wrangler dev` serves as static assets and refuses to start without (a fresh clone has none).
 */
import { spawnSync } from 'node:child_process'

/** Builds public/; exits with the build's status when it fails. */
export function buildFrontEnds(options: { quiet?: boolean } = {}): void {
  const built = spawnSync(process.execPath, ['--experimental-strip-types', 'scripts/build.ts'], {
    stdio: options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
