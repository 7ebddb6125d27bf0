import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { featureVector } from '../../../worker/intent/features.ts'
import { MAX_INTENT_MODEL_BYTES, parseIntentModel } from '../../../worker/intent/model.ts'
import { parseOnlineShoppers } from '../../../worker/intent/online-shoppers-csv.ts'
import { compileIntentModel, scoreIntent } from '../../../worker/intent/score.ts'

const text = readFileSync('worker/intent/starter-model.json', 'utf8')

describe('the committed starter model', () => {
  it('parses, stays under 256 KB and records what it was trained on', () => {
    expect(text.length).toBeLessThan(MAX_INTENT_MODEL_BYTES)
    const parsed = parseIntentModel(text)
    if ('problem' in parsed) throw new Error(parsed.problem)
    expect(parsed.model.kind).toBe('starter')
    expect(parsed.model.trainedOn).toEqual({
      sessions: 7605,
      purchases: 932,
      source: 'data/online-shoppers-intention-feb-oct.csv.gz',
    })
  })

  it('scores a browsing session with page value above a bounce', () => {
    const parsed = parseIntentModel(text)
    if ('problem' in parsed) throw new Error(parsed.problem)
    const scorer = compileIntentModel(parsed.model)
    const [bounce, engaged] = parseOnlineShoppers(
      [
        readFileSync('test/fixtures/intent/online-shoppers-sample.csv', 'utf8').split('\n')[0],
        '0,0,0,0,1,0,0.2,0.2,0,0,Nov,2,2,1,2,Returning_Visitor,FALSE,FALSE',
        '3,80,0,0,25,900,0,0.01,40,0,Nov,2,2,1,2,Returning_Visitor,FALSE,FALSE',
      ].join('\n'),
    )
    const p = (r: typeof bounce) => scoreIntent(scorer, featureVector(r?.session ?? ({} as never)))
    expect(p(engaged).probability).toBeGreaterThan(0.5)
    expect(p(bounce).probability).toBeLessThan(0.1)
  })
})
