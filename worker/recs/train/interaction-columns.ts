/**
 * Interactions held as columns of typed arrays with interned ids: about 17 bytes an interaction
 * (visitor and item index, type, time) where row objects with their strings take ~570 in V8.
 * Training reads a site's events into this in pages, so a million interactions fit a Worker.
 */
import { INTERACTION_TYPES } from '../types.ts'
import type { Interaction, InteractionType } from '../types.ts'

/**
 * Interaction i is `visitors[visitor[i]]` doing `INTERACTION_TYPES[type[i]]` with
 * `items[item[i]]` at `at[i]` (epoch ms). Ids are in first-seen order; only `length` entries of
 * each array are used.
 */
export type InteractionColumns = {
  length: number
  /** Interactions dropped on the way in for a type that is not an interaction type. */
  unknownTypes: number
  visitors: string[]
  items: string[]
  visitor: Uint32Array
  item: Uint32Array
  type: Uint8Array
  at: Float64Array
}

const TYPE_CODES = new Map<string, number>(INTERACTION_TYPES.map((type, code) => [type, code]))

/** Appends interactions to growing typed columns, interning ids as they arrive. */
export class InteractionColumnsBuilder {
  private readonly visitorIds = new Map<string, number>()
  private readonly itemIds = new Map<string, number>()
  private columns: InteractionColumns

  constructor(capacity = 1024) {
    this.columns = {
      length: 0,
      unknownTypes: 0,
      visitors: [],
      items: [],
      visitor: new Uint32Array(capacity),
      item: new Uint32Array(capacity),
      type: new Uint8Array(capacity),
      at: new Float64Array(capacity),
    }
  }

  /** Adds one interaction; an unknown type is dropped (false), as the matrix would ignore it. */
  push(visitorId: string, itemId: string, type: InteractionType | string, at: number): boolean {
    const c = this.columns
    const code = TYPE_CODES.get(type)
    if (code === undefined) {
      c.unknownTypes++
      return false
    }
    if (c.length === c.visitor.length) this.grow()
    c.visitor[c.length] = intern(this.visitorIds, c.visitors, visitorId)
    c.item[c.length] = intern(this.itemIds, c.items, itemId)
    c.type[c.length] = code
    c.at[c.length] = at
    c.length++
    return true
  }

  /** The columns so far, trimmed to their length. */
  finish(): InteractionColumns {
    const c = this.columns
    return {
      ...c,
      visitor: c.visitor.slice(0, c.length),
      item: c.item.slice(0, c.length),
      type: c.type.slice(0, c.length),
      at: c.at.slice(0, c.length),
    }
  }

  private grow(): void {
    const c = this.columns
    const size = Math.max(1024, c.visitor.length * 2)
    const visitor = new Uint32Array(size)
    const item = new Uint32Array(size)
    const type = new Uint8Array(size)
    const at = new Float64Array(size)
    visitor.set(c.visitor)
    item.set(c.item)
    type.set(c.type)
    at.set(c.at)
    this.columns = { ...c, visitor, item, type, at }
  }
}

function intern(index: Map<string, number>, ids: string[], id: string): number {
  let n = index.get(id)
  if (n === undefined) {
    n = ids.length
    index.set(id, n)
    ids.push(id)
  }
  return n
}

/** Columns of interactions held as objects (tests, the CLI's files, offline evaluation). */
export function toColumns(interactions: Iterable<Interaction> | InteractionColumns) {
  if (isColumns(interactions)) return interactions
  const builder = new InteractionColumnsBuilder()
  for (const i of interactions) builder.push(i.visitorId, i.itemId, i.type, i.at)
  return builder.finish()
}

export function isColumns(
  source: Iterable<Interaction> | InteractionColumns,
): source is InteractionColumns {
  return !(Symbol.iterator in source)
}

/** The type of interaction i. */
export function typeAt(columns: InteractionColumns, i: number): InteractionType {
  return INTERACTION_TYPES[columns.type[i] ?? 0] ?? 'view'
}
