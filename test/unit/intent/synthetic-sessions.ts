/** Labelled sessions whose purchase odds depend on PageValues and pages viewed, seeded. */
import type { LabelledSession } from '../../../worker/intent/online-shoppers-csv.ts'
import { mulberry32 } from '../../../worker/recs/prng.ts'

export function syntheticSessions(n: number, seed: number): LabelledSession[] {
  const random = mulberry32(seed)
  return Array.from({ length: n }, () => {
    const pageValues = random() < 0.3 ? random() * 80 : 0
    const pages = Math.floor(random() * 40)
    const logit = -2.5 + 0.08 * pageValues + 0.03 * pages
    const bought = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0
    return {
      bought,
      session: {
        Administrative: Math.floor(random() * 5),
        Administrative_Duration: random() * 100,
        Informational: 0,
        Informational_Duration: 0,
        ProductRelated: pages,
        ProductRelated_Duration: pages * 30 * random(),
        BounceRates: random() * 0.2,
        ExitRates: random() * 0.2,
        PageValues: pageValues,
        SpecialDay: 0,
        Month: 1 + Math.floor(random() * 12),
        OperatingSystems: 1 + Math.floor(random() * 3),
        Browser: 1 + Math.floor(random() * 3),
        Region: 1 + Math.floor(random() * 9),
        TrafficType: 1 + Math.floor(random() * 5),
        VisitorType: random() < 0.8 ? 'Returning_Visitor' : 'New_Visitor',
        Weekend: random() < 0.25,
      },
    }
  })
}
