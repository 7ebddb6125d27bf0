// wrangler.toml's cron triggers are the ones the scheduled handler dispatches on: a trigger
// changed in one place only would run the nightly jobs every few minutes, or never.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BANDIT_CRON, INTENT_LEARNING_CRON, NIGHTLY_CRON } from '../../worker/cron-triggers.ts'

describe('cron triggers', () => {
  it('are the same in wrangler.toml and worker/cron-triggers.ts', () => {
    const toml = readFileSync(new URL('../../wrangler.toml', import.meta.url), 'utf8')
    const line = toml.split('\n').find((l) => l.startsWith('crons = '))
    const crons = JSON.parse(line?.slice('crons = '.length) ?? '[]') as string[]
    expect(crons.sort()).toEqual([BANDIT_CRON, INTENT_LEARNING_CRON, NIGHTLY_CRON].sort())
  })
})
