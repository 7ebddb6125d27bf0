import { describe, expect, it } from 'vitest'
import starter from '../../../worker/intent/starter-model.json' with { type: 'json' }
import { featureVector } from '../../../worker/intent/features.ts'
import { DEFAULT_BOOSTING } from '../../../worker/intent/gradient-boosting.ts'
import { MAX_INTENT_MODEL_BYTES, parseIntentModel } from '../../../worker/intent/model.ts'
import { parseOnlineShoppers } from '../../../worker/intent/online-shoppers-csv.ts'
import { compileIntentModel, scoreIntent } from '../../../worker/intent/score.ts'

// The file as written by `npm run train:intent` (JSON.stringify), read back the same way.
const text = JSON.stringify(starter)

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
    // Trained with the searched defaults: a stale file fails here until `npm run train:intent`.
    expect(parsed.model.settings).toEqual(DEFAULT_BOOSTING)
  })

  it('scores a browsing session with page value above a bounce', () => {
    const parsed = parseIntentModel(text)
    if ('problem' in parsed) throw new Error(parsed.problem)
    const scorer = compileIntentModel(parsed.model)
    const [bounce, engaged] = parseOnlineShoppers(
      [
        'Administrative,Administrative_Duration,Informational,Informational_Duration,ProductRelated,ProductRelated_Duration,BounceRates,ExitRates,PageValues,SpecialDay,Month,OperatingSystems,Browser,Region,TrafficType,VisitorType,Weekend,Revenue',
        '0,0,0,0,1,0,0.2,0.2,0,0,Nov,2,2,1,2,Returning_Visitor,FALSE,FALSE',
        '3,80,0,0,25,900,0,0.01,40,0,Nov,2,2,1,2,Returning_Visitor,FALSE,FALSE',
      ].join('\n'),
    )
    const p = (r: typeof bounce) => scoreIntent(scorer, featureVector(r?.session ?? ({} as never)))
    expect(p(engaged).probability).toBeGreaterThan(0.5)
    expect(p(bounce).probability).toBeLessThan(0.1)
  })
})
