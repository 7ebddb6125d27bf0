// The CLIs refuse malformed flags with a clear message, the usage and exit status 2, before they
// touch any database or server.
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

function run(script: string, ...args: string[]) {
  return spawnSync(
    process.execPath,
    ['--experimental-strip-types', `scripts/${script}.ts`, ...args],
    {
      encoding: 'utf8',
    },
  )
}

describe('CLI flags', () => {
  it.each([
    ['import', [], /--file is required/],
    ['import', ['--file', 'no/such/file.csv'], /does not exist/],
    ['import', ['--file', 'package.json', '--format', 'xml'], /Unknown --format xml/],
    ['simulate', ['--visitors', 'abc'], /--visitors must be a number/],
    ['simulate', ['--visitors', '0'], /--visitors must be a number from 1/],
    ['simulate', ['--baseline', '0.6', '--lift', '1'], /must stay at most 1/],
    ['simulate', ['--prefix', 'has space'], /--prefix must be/],
    ['proxy', [], /--origin is required/],
    ['proxy', ['--origin', 'ftp://x'], /http\(s\) URL/],
    ['proxy', ['--origin', 'http://localhost:8788', '--port', '8788'], /would loop/],
    [
      'proxy',
      ['--origin', 'http://127.0.0.1:9000', '--port', 'abc'],
      /--port must be a port number/,
    ],
    ['import', ['--file', 'package.json', '--dates', 'dmy'], /Unknown --dates dmy/],
    [
      'import',
      ['--file', 'package.json', '--format', 'ndjson', '--dates', 'day-first'],
      /--dates is for --format online-retail/,
    ],
    ['train', ['--bogus'], /Unknown option '--bogus'/],
    ['train', ['--remote', '--persist-to', '/tmp/x'], /Give one of them/],
  ])('%s %j', (script, args, message) => {
    const result = run(script, ...args)
    expect(result.status, result.stderr).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).toMatch(/usage: npm run/)
  })

  it('train --remote without Cloudflare credentials says how to reach the deployed D1', () => {
    const result = spawnSync(
      process.execPath,
      ['--experimental-strip-types', 'scripts/train.ts', '--remote'],
      // No token and no login: wrangler cannot open the remote session (offline here too).
      { encoding: 'utf8', env: { ...process.env, CLOUDFLARE_API_TOKEN: '', CI: '1' } },
    )
    expect(result.status, result.stderr).toBe(2)
    expect(result.stderr).toMatch(/Cannot reach the deployed D1/)
    expect(result.stderr).toMatch(/npx wrangler login.*wrangler\.remote\.toml/)
  })

  it.each([
    ['import', ['--file', 'demo/online-retail-demo.csv.gz']],
    ['simulate', []],
  ])('%s looks for edgelift where npm start runs it: PORT included', (script, args) => {
    const result = spawnSync(
      process.execPath,
      ['--experimental-strip-types', `scripts/${script}.ts`, ...args],
      { encoding: 'utf8', env: { ...process.env, PORT: '1' } },
    )
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(/Cannot reach edgelift at http:\/\/localhost:1\./)
    expect(result.stderr).toMatch(/looked on PORT=1; pass --api URL/)
  })

  it.each([
    ['import', ['--file', 'demo/online-retail-demo.csv.gz']],
    ['simulate', []],
  ])('%s, finding nothing, names PORT and --api', (script, args) => {
    const { PORT: _, ...inherited } = process.env
    const result = spawnSync(
      process.execPath,
      [
        '--experimental-strip-types',
        `scripts/${script}.ts`,
        '--api',
        'http://127.0.0.1:1',
        ...args,
      ],
      { encoding: 'utf8', env: inherited },
    )
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(/Cannot reach edgelift at http:\/\/127\.0\.0\.1:1\./)
    expect(result.stderr).toMatch(
      /started with PORT=…, run this with the same PORT=… too, or pass --api/,
    )
  })

  it('eval reads a user,item file without --format, and says so when a format reads nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgelift-eval-'))
    const train = join(dir, 'train.csv')
    const test = join(dir, 'test.csv')
    writeFileSync(train, 'u1,i1\nu1,i2\nu2,i1\nu2,i3\nu3,i2\nu3,i3\n')
    writeFileSync(test, 'u1,i3\nu2,i2\nu3,i1\n')
    const guessed = run('eval', '--train', train, '--test', test)
    expect(guessed.status, guessed.stderr).toBe(0)
    expect(guessed.stderr).toMatch(/not the Online Retail CSV; reading it as user,item/)
    expect(JSON.parse(guessed.stdout)).toMatchObject({ k: 10, users: 3 })
    const wrong = run('eval', '--train', train, '--test', test, '--format', 'online-retail')
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(/No interactions in .*train\.csv read as --format online-retail/)
  })

  describe("import settles the file's date order before sending anything", () => {
    const HEADER =
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'
    const dir = mkdtempSync(join(tmpdir(), 'edgelift-dates-'))
    const file = (name: string, ...dates: string[]) => {
      const path = join(dir, name)
      const lines = dates.map((d, i) => `5363${i},85123A,HEART,6,${d},2.55,17850.0,UK`)
      writeFileSync(path, [HEADER, ...lines].join('\n'))
      return path
    }

    /** Runs the CLI against a stand-in API that answers every request and records its URL. */
    async function importWith(path: string, ...flags: string[]) {
      const urls: string[] = []
      const api = createServer((req, res) => {
        urls.push(req.url ?? '')
        req.resume().on('end', () =>
          res.end(
            JSON.stringify({
              imported: 0,
              duplicates: 0,
              skipped: [],
              skippedCount: 0,
              skippedByReason: {},
            }),
          ),
        )
      })
      await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
      const { port } = api.address() as AddressInfo
      const run = await promisify(execFile)(process.execPath, [
        '--experimental-strip-types',
        'scripts/import.ts',
        '--file',
        path,
        '--api',
        `http://127.0.0.1:${port}`,
        ...flags,
      ]).finally(() => api.close())
      return { stdout: run.stdout, urls }
    }

    it('a day-first export is sent as dates=day-first, with the date that told', async () => {
      const run = await importWith(file('uk.csv', '1/12/2010 8:26', '13/12/2010 8:28'))
      expect(run.stdout).toContain('dates: day first (line 3: 13/12/2010 8:28)')
      expect(run.urls).toEqual(['/v1/admin/import/events?format=online-retail&dates=day-first'])
    })

    it('a month-first file is sent as such, and an ambiguous one only with --dates', async () => {
      const us = await importWith(file('us.csv', '12/1/2010 8:26', '12/13/2010 8:28'))
      expect(us.stdout).toContain('dates: month first (line 3: 12/13/2010 8:28)')
      expect(us.urls).toEqual(['/v1/admin/import/events?format=online-retail&dates=month-first'])
      const either = file('either.csv', '1/12/2010 8:26', '2/12/2010 8:28')
      const refused = run('import', '--file', either, '--api', 'http://127.0.0.1:1')
      expect(refused.status).toBe(2)
      expect(refused.stderr).toMatch(
        /its order cannot be told: pass --dates month-first .* --dates day-first/,
      )
      expect(refused.stderr).not.toMatch(/Cannot reach/)
      const told = await importWith(either, '--dates', 'day-first')
      expect(told.urls).toEqual(['/v1/admin/import/events?format=online-retail&dates=day-first'])
    })

    it('a file with dates both ways is refused, naming a line of each, and nothing is sent', () => {
      const run = spawnSync(
        process.execPath,
        [
          '--experimental-strip-types',
          'scripts/import.ts',
          '--file',
          file('mixed.csv', '12/13/2010 8:26', '25/12/2010 8:28'),
          '--api',
          'http://127.0.0.1:1',
        ],
        { encoding: 'utf8' },
      )
      expect(run.status).toBe(2)
      expect(run.stderr).toMatch(
        /written both ways: line 2: 12\/13\/2010 8:26 reads only month-first, line 3: 25\/12\/2010 8:28 only day-first/,
      )
      expect(run.stderr).not.toMatch(/Cannot reach/)
    })
  })
})
