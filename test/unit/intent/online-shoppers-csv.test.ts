import { describe, expect, it } from 'vitest'
import { FEATURE_INDEX, featureVector } from '../../../worker/intent/features.ts'
import { parseOnlineShoppers } from '../../../worker/intent/online-shoppers-csv.ts'

const HEADER =
  'Administrative,Administrative_Duration,Informational,Informational_Duration,ProductRelated,ProductRelated_Duration,BounceRates,ExitRates,PageValues,SpecialDay,Month,OperatingSystems,Browser,Region,TrafficType,VisitorType,Weekend,Revenue'
const ROW = '2,64.5,0,0,10,300,0,0.05,12.5,0.4,June,2,3,1,4,New_Visitor,TRUE,TRUE'

describe('parseOnlineShoppers', () => {
  it('reads a row into named features and its label', () => {
    const [row] = parseOnlineShoppers(`${HEADER}\r\n${ROW}\r\n`)
    expect(row?.bought).toBe(1)
    expect(row?.session).toMatchObject({
      Administrative_Duration: 64.5,
      PageValues: 12.5,
      Month: 6,
      VisitorType: 'New_Visitor',
      Weekend: true,
    })
    const x = featureVector(row?.session ?? ({} as never))
    expect(x[FEATURE_INDEX.VisitorType]).toBe(1)
    expect(x[FEATURE_INDEX.Weekend]).toBe(1)
    // edgelift's own features are absent from the public data: missing, not zero.
    expect(x[FEATURE_INDEX.AddToCarts]).toBeNaN()
  })

  it.each([
    [ROW.replace('June', 'Juin'), /line 2: unknown month "Juin"/],
    [ROW.replace('New_Visitor', 'Bot'), /line 2: unknown VisitorType/],
    [ROW.replace('64.5', 'abc'), /line 2: Administrative_Duration "abc"/],
    [ROW.replace('64.5', '-1'), /line 2: Administrative_Duration "-1"/],
    [ROW.replace(/TRUE$/, 'yes'), /line 2: Revenue "yes"/],
  ])('refuses the whole file for a bad row: %s', (row, message) => {
    expect(() => parseOnlineShoppers(`${HEADER}\n${row}`)).toThrow(message)
  })

  it('refuses a file without the data set header', () => {
    expect(() => parseOnlineShoppers('a,b\n1,2')).toThrow(/no Administrative column/)
  })
})
