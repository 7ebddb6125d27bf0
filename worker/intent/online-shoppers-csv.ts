/**
 * Reading the public Online Shoppers Purchasing Intention CSV (one session a row, label `Revenue`)
 * into labelled sessions. Pure text in, sessions out, so Node's CLIs and the Worker share it; a
 * bad row fails the whole file with its line number, since a silently dropped session would bias
 * every figure computed from the file.
 */
import {
  DATASET_FEATURES,
  VISITOR_TYPES,
  type IntentSession,
  type VisitorType,
} from './features.ts'

/** A session with its outcome (1 = it ended in a purchase). */
export type LabelledSession = { session: IntentSession; bought: 0 | 1 }

/** Month columns as the data set spells them ("June" in full, the others abbreviated). */
const MONTHS: Record<string, number> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  June: 6,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
}

/** Month number (1-12) of a name such as `Feb`, `June` or `Sep`; undefined when unknown. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name]
}

const BOOLEANS: Record<string, boolean> = { TRUE: true, FALSE: false }

/**
 * Parses the file's text. Throws an Error naming the line for a missing column, a non-numeric
 * count, an unknown month, visitor type or boolean.
 *
 * @example
 * const rows = parseOnlineShoppers(text)
 * rows[0] // { session: { Administrative: 0, ..., Month: 2, VisitorType: 'Returning_Visitor', ... }, bought: 0 }
 */
export function parseOnlineShoppers(text: string): LabelledSession[] {
  const lines = text.split(/\r?\n/)
  const header = (lines[0] ?? '').split(',').map((c) => c.trim())
  const column = (name: string) => {
    const i = header.indexOf(name)
    if (i < 0) throw new Error(`line 1: the header has no ${name} column`)
    return i
  }
  const columns = DATASET_FEATURES.map((name) => [name, column(name)] as const)
  const revenue = column('Revenue')
  const out: LabelledSession[] = []
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n] ?? ''
    if (line.trim() === '') continue
    const cells = line.split(',')
    const fail = (what: string): never => {
      throw new Error(`line ${n + 1}: ${what}`)
    }
    const session: Record<string, number | boolean | string> = {}
    for (const [name, i] of columns) {
      const cell = (cells[i] ?? '').trim()
      if (name === 'Month') session[name] = monthNumber(cell) ?? fail(`unknown month "${cell}"`)
      else if (name === 'VisitorType')
        session[name] = VISITOR_TYPES.includes(cell as VisitorType)
          ? cell
          : fail(`unknown VisitorType "${cell}"`)
      else if (name === 'Weekend') session[name] = BOOLEANS[cell] ?? fail(`Weekend "${cell}"`)
      else {
        const value = cell === '' ? Number.NaN : Number(cell)
        session[name] = Number.isFinite(value) && value >= 0 ? value : fail(`${name} "${cell}"`)
      }
    }
    const label = BOOLEANS[(cells[revenue] ?? '').trim()] ?? fail(`Revenue "${cells[revenue]}"`)
    out.push({ session: session as IntentSession, bought: label ? 1 : 0 })
  }
  return out
}
