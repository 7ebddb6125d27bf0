// `npm run site`: a new site's keys as JSON, and clear refusals of bad flags (nothing written).
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

function site(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['--experimental-strip-types', 'scripts/site.ts', 'create', ...args],
    { encoding: 'utf8' },
  )
}

describe('npm run site -- create', () => {
  it('prints a new site with a public and a secret key', () => {
    const run = site('--name', 'CLI shop', '--origin', 'https://shop.example', '--currency', 'eur')
    expect(run.status, run.stderr).toBe(0)
    const created = JSON.parse(run.stdout) as Record<string, string>
    expect(created.siteId).toMatch(/^site_[0-9a-f]{16}$/)
    expect(created.publicKey).toMatch(/^pk_[0-9a-f]{24}$/)
    expect(created.adminKey).toMatch(/^sk_[0-9a-f]{48}$/)
  })

  it.each([
    [['--name', ''], /--name is required/],
    [['--name', 'x'.repeat(201)], /--name is required/],
    [['--name', 'Shop', '--origin', 'javascript:alert(1)'], /bare http\(s\) origin|not a URL/],
    [['--name', 'Shop', '--origin', 'https://shop.example/path'], /bare http\(s\) origin/],
    [['--name', 'Shop', '--currency', 'XYZ'], /not an ISO 4217 code/],
    [['--name', 'Shop', '--bogus'], /Unknown option/],
  ])('refuses %j with a clear message and exit 2', (args, message) => {
    const run = site(...args)
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).toContain('usage: npm run site')
    expect(run.stdout).toBe('')
  })
})
