import { describe, expect, it } from 'vitest'

import { splitLines } from '../../../worker/import/lines.ts'
import { parseOnlineRetail, retailDateOrder } from '../../../worker/import/online-retail.ts'
import sample from '../../fixtures/online-retail-sample.csv?raw'

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'
const parse = (...lines: string[]) => parseOnlineRetail([HEADER, ...lines])

describe('parseOnlineRetail on the real sample', () => {
  const { events, skipped } = parseOnlineRetail(splitLines(sample))
  const reasons = (reason: string): number[] =>
    skipped.filter((s) => s.reason === reason).map((s) => s.line)

  // Counts checked independently with Python's csv module against the same rules.
  it('keeps purchases and skips cancellations, guests and service lines', () => {
    expect(events).toHaveLength(227)
    expect(reasons('cancellation')).toHaveLength(25)
    expect(reasons('guest')).toHaveLength(42)
    expect(reasons('not_a_product')).toHaveLength(9)
    expect(reasons('invalid_item')).toEqual([239]) // BANK CHARGES: a space is not a valid key
    expect(skipped).toHaveLength(304 - 227)
    expect(reasons('cancellation')[0]).toBe(143)
    expect(reasons('guest')[0]).toBe(171)
    expect(reasons('not_a_product')[0]).toBe(47)
  })

  it('maps the first line to a purchase by c<CustomerID>', () => {
    expect(events[0]).toEqual({
      id: expect.stringMatching(/^or_[0-9a-f]{16}$/),
      type: 'purchase',
      visitorId: 'c17850',
      itemId: '85123A',
      at: Date.UTC(2010, 11, 1, 8, 26),
      quantity: 6,
      price: 2.55,
      title: 'WHITE HANGING HEART T-LIGHT HOLDER',
      orderId: '536365',
    })
    expect(events.filter((e) => e.visitorId === 'c17850')).toHaveLength(45)
  })

  it('reads quoted descriptions with commas and doubled quotes', () => {
    const titles = events.map((e) => e.title)
    expect(titles).toContain('AIRLINE LOUNGE,METAL SIGN')
    expect(titles).toContain('RECORD FRAME 7" SINGLE SIZE')
    expect(titles).toContain('CHARLIE+LOLA"EXTREMELY BUSY" SIGN')
  })

  it('derives ids that are unique per line content and stable across runs', () => {
    const again = parseOnlineRetail(splitLines(sample)).events
    expect(again.map((e) => e.id)).toEqual(events.map((e) => e.id))
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
  })
})

describe('parseOnlineRetail line by line', () => {
  it('accepts the spreadsheet date format and float customer ids', () => {
    const { events } = parse(
      '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,13313.0,United Kingdom',
    )
    expect(events[0]).toMatchObject({ visitorId: 'c13313', at: Date.UTC(2010, 11, 1, 8, 26) })
  })

  it('reports malformed lines by line number with a reason', () => {
    const { events, skipped } = parse(
      '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,13313.0,United Kingdom',
      '536366,22633,"HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom',
      '536366,22633,HAND WARMER,6',
      '536367,84879,BIRD ORNAMENT,many,2010-12-01 08:34:00,1.69,13047.0,United Kingdom',
      '536367,84879,BIRD ORNAMENT,-2,2010-12-01 08:34:00,1.69,13047.0,United Kingdom',
      '536367,84879,BIRD ORNAMENT,2,2010-13-01 08:34:00,1.69,13047.0,United Kingdom',
      '536367,84879,BIRD ORNAMENT,2,yesterday,1.69,13047.0,United Kingdom',
      '536367,84879,BIRD ORNAMENT,2,2010-12-01 08:34:00,-1,13047.0,United Kingdom',
      '536367,84879,BIRD ORNAMENT,2,2010-12-01 08:34:00,1.69,13047.5,United Kingdom',
      '',
      'C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom',
      '536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom',
    )
    expect(events).toHaveLength(1)
    expect(skipped).toEqual([
      { line: 3, reason: 'malformed_line' },
      { line: 4, reason: 'malformed_line' },
      { line: 5, reason: 'invalid_quantity' },
      { line: 6, reason: 'invalid_quantity' },
      { line: 7, reason: 'invalid_date' },
      { line: 8, reason: 'invalid_date' },
      { line: 9, reason: 'invalid_price' },
      { line: 10, reason: 'invalid_customer' },
      { line: 12, reason: 'cancellation' },
      { line: 13, reason: 'guest' },
    ])
  })

  it('finds columns by name in any order, including Online Retail II headers', () => {
    const { events } = parseOnlineRetail([
      'Customer ID,Invoice,StockCode,Quantity,InvoiceDate,Price,Description,Country',
      '13085.0,489434,85048,12,2009-12-01 07:45:00,6.95,15CM CHRISTMAS GLASS BALL 20 LIGHTS,United Kingdom',
    ])
    expect(events[0]).toMatchObject({
      visitorId: 'c13085',
      itemId: '85048',
      quantity: 12,
      price: 6.95,
    })
  })

  it('assumes the standard column order without a header', () => {
    const { events, skipped } = parseOnlineRetail([
      '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
    ])
    expect(skipped).toEqual([])
    expect(events[0]?.itemId).toBe('85123A')
  })

  it('gives identical lines the same id, so a re-import stores them once', () => {
    const line =
      '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,13313.0,United Kingdom'
    const { events } = parse(line, line, line.replace(',6,', ',7,'))
    expect(events[0]?.id).toBe(events[1]?.id)
    expect(events[2]?.id).not.toBe(events[0]?.id)
  })
})

describe('day-first files', () => {
  const lines = [
    '536365,71053,WHITE METAL LANTERN,6,1/12/2010 8:26,3.39,13313.0,United Kingdom',
    '536366,22633,HAND WARMER,6,13/12/2010 8:28,1.85,17850.0,United Kingdom',
  ]

  it('reads them day first when told', () => {
    const { events, skipped } = parseOnlineRetail([HEADER, ...lines], 'day-first')
    expect(skipped).toEqual([])
    expect(events.map((e) => e.at)).toEqual([
      Date.UTC(2010, 11, 1, 8, 26),
      Date.UTC(2010, 11, 13, 8, 28),
    ])
  })

  it('read month first, names the dates that only read day first', () => {
    const { events, skipped } = parse(...lines)
    expect(events.map((e) => e.at)).toEqual([Date.UTC(2010, 0, 12, 8, 26)])
    expect(skipped).toEqual([{ line: 3, reason: 'day_first_date' }])
    expect(
      parseOnlineRetail(
        [HEADER, lines[0] ?? '', '536367,1,X,1,12/13/2010 8:00,1,1,UK'],
        'day-first',
      ).skipped,
    ).toEqual([{ line: 3, reason: 'month_first_date' }])
  })

  it('settles the order from the InvoiceDate column found by its header', () => {
    const scan = retailDateOrder()
    for (const line of [
      'Customer ID,Invoice,StockCode,Quantity,InvoiceDate,Price,Description,Country',
      '13085.0,489434,85048,12,1/12/2009 07:45,6.95,GLASS BALL 13/12/2009,United Kingdom',
      '13085.0,489435,85049,12,14/12/2009 07:45,6.95,LIGHTS,United Kingdom',
    ]) {
      scan.push(line)
    }
    // The description's date is not the invoice's: only line 3's InvoiceDate is evidence.
    expect(scan.evidence()).toEqual([{ order: 'day-first', line: 3, text: '14/12/2009 07:45' }])
    expect(scan.slashedDates()).toBe(2)
  })
})
