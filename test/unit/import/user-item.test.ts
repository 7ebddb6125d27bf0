import { describe, expect, it } from 'vitest'

import { detectSeparator, parseUserItem } from '../../../scripts/eval/user-item.ts'

describe('parseUserItem', () => {
  it('reads MovieLens `::` lines with ratings and second timestamps', () => {
    const { rows, skipped } = parseUserItem(['1::1193::5::978300760', '1::661::3::978302109'])
    expect(skipped).toEqual([])
    expect(rows[0]).toEqual({
      id: expect.stringMatching(/^ui_[0-9a-f]{16}$/),
      visitorId: '1',
      itemId: '1193',
      rating: 5,
      at: 978300760000,
    })
  })

  it('reads tab-separated lines and skips a header', () => {
    const { rows } = parseUserItem([
      'user_id\titem_id\trating\ttimestamp',
      'u1\tsku-9\t4.5\t1700000000000',
    ])
    expect(rows).toEqual([
      expect.objectContaining({ visitorId: 'u1', itemId: 'sku-9', rating: 4.5, at: 1700000000000 }),
    ])
  })

  it('reads comma-separated lines with quotes and optional columns', () => {
    const { rows, skipped } = parseUserItem([
      'visitor,item',
      '"c1",A.1',
      'c2,B:2,,2024-01-31 10:00:00',
      'c3,C-3,2',
    ])
    expect(skipped).toEqual([])
    expect(
      rows.map(({ visitorId, itemId, rating, at }) => ({ visitorId, itemId, rating, at })),
    ).toEqual([
      { visitorId: 'c1', itemId: 'A.1', rating: undefined, at: undefined },
      { visitorId: 'c2', itemId: 'B:2', rating: undefined, at: Date.UTC(2024, 0, 31, 10) },
      { visitorId: 'c3', itemId: 'C-3', rating: 2, at: undefined },
    ])
  })

  it('reports bad lines by line number', () => {
    const { rows, skipped } = parseUserItem([
      'u1,i1,5',
      'only-one-field',
      'u 2,i2',
      'u3,item with spaces',
      'u4,i4,great',
      'u5,i5,1,not-a-time',
      'u6,"i6,1',
      '',
      'u7,i7,1,2,extra',
    ])
    expect(rows).toHaveLength(1)
    expect(skipped).toEqual([
      { line: 2, reason: 'malformed_line' },
      { line: 3, reason: 'invalid_visitor' },
      { line: 4, reason: 'invalid_item' },
      { line: 5, reason: 'invalid_rating' },
      { line: 6, reason: 'invalid_timestamp' },
      { line: 7, reason: 'malformed_line' },
      { line: 9, reason: 'malformed_line' },
    ])
  })

  it('keeps the separator of the first line and honours an explicit one', () => {
    expect(detectSeparator('1::2::3')).toBe('::')
    expect(detectSeparator('a\tb')).toBe('\t')
    expect(detectSeparator('a,b')).toBe(',')
    const { rows } = parseUserItem(['a;b\tc'], { separator: '\t' })
    expect(rows[0]).toMatchObject({ visitorId: 'a;b', itemId: 'c' })
  })

  it('derives the same id from the same content', () => {
    const first = parseUserItem(['u1,i1,5,1700000000']).rows[0]?.id
    const second = parseUserItem(['u1,i1,5,1700000000']).rows[0]?.id
    const other = parseUserItem(['u1,i1,4,1700000000']).rows[0]?.id
    expect(first).toBe(second)
    expect(first).not.toBe(other)
  })
})
