// The CLIs that talk to a server say what they did, in its own terms: the import counts rows and
// reports what it wrote (also when it stopped), `npm run proxy` says where to browse only once the
// Worker answers, and `npm run bench` builds what its servers serve on a fresh clone.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { freePort } from '../../bench/lib/dev-server.ts'
import { createSite } from '../../scripts/lib/sites.ts'
import { startOrigin } from '../support/origin-server.ts'
import { untilAdminKeyWorks } from './support/traffic.ts'

const base = inject('baseUrl')
const dir = mkdtempSync(join(tmpdir(), 'edgelift-cli-'))

/** An NDJSON history of `n` views by a visitor of its own. */
function history(n: number): string {
  const file = join(dir, `history-${n}-${Date.now().toString(36)}.ndjson`)
  const visitor = `cli-${Date.now().toString(36)}`
  const now = Date.now()
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ type: 'view', visitorId: visitor, itemId: `SKU-${i}`, ts: now - i * 1000 }),
  )
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

function importFile(file: string, api: string, ...flags: string[]) {
  return spawnSync(
    process.execPath,
    ['--experimental-strip-types', 'scripts/import.ts', '--file', file, '--api', api, ...flags],
    { encoding: 'utf8' },
  )
}

describe('npm run import', () => {
  it('counts rows, not bytes, and ends with what it imported', () => {
    const run = importFile(history(5), base)
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/rows sent 100% \(5\/5, [\d.]+s\) 5 imported/)
    expect(run.stderr).not.toMatch(/0 imported/)
    expect(run.stdout).toMatch(
      /Sent 5 rows of .*: 5 events imported, 0 already there, 0 lines skipped\./,
    )
    expect(JSON.parse(run.stdout.slice(run.stdout.indexOf('{')))).toMatchObject({ imported: 5 })
  })

  it('says it imported nothing when the server cannot be reached, with no progress to 100%', () => {
    const run = importFile(history(3), 'http://127.0.0.1:1')
    expect(run.status).toBe(2)
    expect(run.stderr).not.toMatch(/100%/)
    expect(run.stderr).toMatch(/Cannot reach edgelift at http:\/\/127\.0\.0\.1:1\./)
    expect(run.stderr).toMatch(/Nothing was imported \(0 of 3 rows sent\)\./)
  }, 15_000)
})

describe('npm run import -- --format google-merchant', () => {
  it('fills the catalog from a Merchant Center feed and lists the rows it skipped', async () => {
    // A site of its own: the feed's products (images on its CDN) must not enter the demo store's
    // catalog, which the demo-store suite shows under a CSP that refuses other image hosts.
    const site = await createSite({
      name: 'Feed shop',
      origins: [],
      persistTo: inject('persistTo'),
    })
    await untilAdminKeyWorks(base, site.adminKey)
    const run = spawnSync(
      process.execPath,
      [
        '--experimental-strip-types',
        'scripts/import.ts',
        '--format',
        'google-merchant',
        '--file',
        'test/fixtures/merchant-feed/products.xml',
        '--api',
        base,
        '--admin',
        site.adminKey,
      ],
      { encoding: 'utf8' },
    )
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/catalog: 2 of 2 items written/)
    expect(JSON.parse(run.stdout)).toMatchObject({
      upserted: 2,
      skipped: 2,
      firstSkipped: [{ row: 4 }, { row: 5 }],
    })
    const found = await fetch(`${base}/v1/admin/catalog/items?q=Enamel`, {
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    expect(await found.json()).toMatchObject({
      items: [expect.objectContaining({ itemId: '8950526378201', title: 'Enamel mug & saucer' })],
    })
  })

  it('refuses a feed with a DOCTYPE before sending anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgelift-feed-'))
    const file = join(dir, 'feed.xml')
    writeFileSync(file, '<!DOCTYPE x [<!ENTITY a "b">]><rss><channel></channel></rss>')
    const run = importFile(file, 'http://127.0.0.1:1', '--format', 'google-merchant')
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/DOCTYPE/)
    expect(run.stderr).not.toMatch(/Cannot reach/)
  })
})

describe('npm run proxy', () => {
  let origin: Awaited<ReturnType<typeof startOrigin>>
  beforeAll(async () => {
    origin = await startOrigin()
  })
  afterAll(async () => {
    origin.server.close()
  })

  // wrangler dev takes 10-60 s to start on this busy machine, after the CLI builds and migrates.
  it('says where to browse once the store answers there, and that its pages may send events', async () => {
    const site = spawnSync(
      process.execPath,
      [
        '--experimental-strip-types',
        'scripts/site.ts',
        'create',
        '--name',
        'Proxied CLI shop',
        '--origin',
        'https://elsewhere.example',
      ],
      { encoding: 'utf8' },
    )
    expect(site.status, site.stderr).toBe(0)
    const { publicKey } = JSON.parse(site.stdout) as { publicKey: string }
    const port = await freePort()
    const child = spawn(
      process.execPath,
      [
        '--experimental-strip-types',
        'scripts/proxy.ts',
        '--origin',
        origin.url,
        '--site',
        publicKey,
        '--port',
        String(port),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    )
    let out = ''
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    try {
      const browse = await new Promise<{ status: number; said: string }>((done, fail) => {
        child.on('exit', (code) => fail(new Error(`proxy exited ${code}:\n${out}`)))
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          if (!/Browse the store/.test(out)) return
          // Asked the moment it says so: the store answers through the edge.
          fetch(`http://localhost:${port}/`).then(
            (res) => done({ status: res.status, said: out }),
            fail,
          )
        })
      })
      expect(browse.status, browse.said).toBe(200)
      expect(browse.said).toMatch(
        new RegExp(`Events from the store's pages \\(http://localhost:${port}\\) are accepted`),
      )
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
    }
  }, 150_000)
})

describe('npm run bench', () => {
  // A fresh clone: the committed files and installed packages, no public/. Building takes a few
  // seconds on this machine.
  it('builds the widget and the dashboard its servers serve before it starts them', () => {
    const clone = mkdtempSync(join(tmpdir(), 'edgelift-clone-'))
    const archive = spawnSync('sh', ['-c', `git archive HEAD | tar -x -C ${clone}`], {
      encoding: 'utf8',
    })
    expect(archive.status, archive.stderr).toBe(0)
    symlinkSync(resolve('node_modules'), join(clone, 'node_modules'))
    expect(existsSync(join(clone, 'public'))).toBe(false)
    const run = spawnSync(
      process.execPath,
      ['--experimental-strip-types', 'bench/run.ts', '--only', 'stats'],
      { cwd: clone, encoding: 'utf8' },
    )
    expect(run.status, run.stderr).toBe(0)
    expect(existsSync(join(clone, 'public/widget.js'))).toBe(true)
    expect(existsSync(join(clone, 'public/admin/index.html'))).toBe(true)
  }, 120_000)
})
