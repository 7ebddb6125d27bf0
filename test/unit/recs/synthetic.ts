/**
 * A small synthetic shop for recommendation tests: visitors in `groups` taste groups, each
 * buying mostly from their group's items, with a deterministic sprinkle of cross-group buys.
 * Item ids are `<group letter><n>` (a0, a1, … b0, …), visitor ids `<group letter>-v<n>`.
 */

import { mulberry32 } from '../../../worker/recs/prng.ts'
import type { Interaction } from '../../../worker/recs/types.ts'

export const DAY = 86_400_000
export const START = Date.UTC(2024, 0, 1)

export function syntheticShop(
  options: {
    groups?: number
    visitorsPerGroup?: number
    itemsPerGroup?: number
    seed?: number
  } = {},
): Interaction[] {
  const groups = options.groups ?? 3
  const visitorsPerGroup = options.visitorsPerGroup ?? 20
  const itemsPerGroup = options.itemsPerGroup ?? 8
  const uniform = mulberry32(options.seed ?? 1)
  const events: Interaction[] = []
  for (let g = 0; g < groups; g++) {
    const letter = String.fromCharCode(97 + g)
    for (let v = 0; v < visitorsPerGroup; v++) {
      const visitorId = `${letter}-v${v}`
      for (let i = 0; i < itemsPerGroup; i++) {
        const inGroup = uniform() < 0.5
        const other = String.fromCharCode(97 + ((g + 1) % groups))
        if (inGroup) events.push(buy(visitorId, `${letter}${i}`, uniform()))
        else if (uniform() < 0.05) events.push(buy(visitorId, `${other}${i}`, uniform()))
      }
    }
  }
  return events
}

function buy(visitorId: string, itemId: string, u: number): Interaction {
  return { visitorId, itemId, type: 'purchase', at: START + Math.floor(u * 60) * DAY }
}
