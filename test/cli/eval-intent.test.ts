// `npm run eval:intent` on a small committed sample of the public data set: the report has the
// shape the issue defines, the CLI prints it as its last stdout line, and bad flags are refused
// with the usage.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { intentReport } from '../../scripts/lib/intent-report.ts'
import { inMonths, monthRange, readOnlineShoppers } from '../../scripts/lib/online-shoppers-file.ts'

const SAMPLE = 'test/fixtures/intent/online-shoppers-sample.csv'
const rows = readOnlineShoppers(SAMPLE)
const train = inMonths(rows, monthRange('Feb-Jul') ?? new Set())
const test = inMonths(rows, monthRange('Aug-Oct') ?? new Set())

function run(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['--experimental-strip-types', 'scripts/eval-intent.ts', ...args],
    { encoding: 'utf8' },
  )
}

const quality = {
  auc: expect.any(Number),
  ap: expect.any(Number),
  logloss: expect.any(Number),
  brier: expect.any(Number),
}

describe('npm run eval:intent', () => {
  it('reports the model, the online layer and both baselines on the test sessions', () => {
    const report = intentReport(train, test, { online: true })
    expect(Object.keys(report)).toEqual(['test', 'model', 'online', 'baselines'])
    expect(report).toEqual({
      test: 80,
      model: quality,
      online: quality,
      baselines: { logistic: quality, decisionTree: quality },
    })
    for (const q of [report.model, report.online, report.baselines.logistic]) {
      expect(q?.auc).toBeGreaterThan(0.5)
      expect(q?.logloss).toBeGreaterThan(0)
    }
  })

  it('leaves the online figures out without --online', () => {
    expect(Object.keys(intentReport(train, test, { online: false }))).toEqual([
      'test',
      'model',
      'baselines',
    ])
  })

  it('prints the report as the last stdout line, splitting one file by months', () => {
    const out = run('--file', SAMPLE, '--train-months', 'Feb-Jul', '--test-months', 'Aug-Oct')
    expect(out.status).toBe(0)
    const report = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '') as { test: number }
    expect(report.test).toBe(80)
  })

  it('takes the issue’s form, a training file and a test file, with --online', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-intent-'))
    const [header, ...lines] = readFileSync(SAMPLE, 'utf8').trim().split('\n')
    const month = (line: string) => line.split(',')[10] ?? ''
    const later = new Set(['Aug', 'Sep', 'Oct'])
    writeFileSync(
      join(dir, 'train.csv'),
      [header, ...lines.filter((l) => !later.has(month(l)))].join('\n'),
    )
    writeFileSync(
      join(dir, 'test.csv'),
      [header, ...lines.filter((l) => later.has(month(l)))].join('\n'),
    )
    const out = run('--train', join(dir, 'train.csv'), '--test', join(dir, 'test.csv'), '--online')
    expect(out.status).toBe(0)
    const report = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '') as unknown
    // The same sessions as the month split: the same report.
    expect(report).toEqual(intentReport(train, test, { online: true }))
  })

  it.each([
    [[], /give --train and --test/],
    [
      ['--file', SAMPLE, '--train-months', 'Jul-Feb', '--test-months', 'Aug'],
      /--train-months needs/,
    ],
    [['--train', 'no/such.csv', '--test', SAMPLE], /no\/such\.csv/],
    [['--train', 'package.json', '--test', SAMPLE], /header has no Administrative/],
  ])('refuses %j with the usage and status 2', (args, message) => {
    const out = run(...args)
    expect(out.status).toBe(2)
    expect(out.stderr).toMatch(message)
    expect(out.stderr).toMatch(/usage: npm run eval:intent/)
  })
})
