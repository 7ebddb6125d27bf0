import { describe, expect, it } from 'vitest'

import { contentId } from '../../../worker/import/content-id.ts'
import { parseCsvLine } from '../../../worker/import/csv.ts'
import { readLines, splitLines } from '../../../worker/import/lines.ts'
import { dateOrderDetector, parseTimestamp } from '../../../worker/import/timestamps.ts'

async function collect(chunks: Uint8Array[]): Promise<string[]> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })
  const out: string[] = []
  for await (const line of readLines(stream)) out.push(line)
  return out
}

describe('splitLines', () => {
  it('splits on LF and CRLF, drops a BOM and the empty tail', () => {
    expect([...splitLines('\uFEFFa,b\r\nc\n\nd\n')]).toEqual(['a,b', 'c', '', 'd'])
    expect([...splitLines('')]).toEqual([])
    expect([...splitLines('no newline')]).toEqual(['no newline'])
  })
})

describe('readLines', () => {
  it('reassembles lines and multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('\uFEFFprice £40\r\nsecond line\nlast')
    const chunks = [bytes.slice(0, 2), bytes.slice(2, 12), bytes.slice(12, 13), bytes.slice(13)]
    expect(await collect(chunks)).toEqual(['price £40', 'second line', 'last'])
  })

  it('reads async iterables of bytes too', async () => {
    async function* source(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('a\nb')
      yield new TextEncoder().encode('c\n')
    }
    const out: string[] = []
    for await (const line of readLines(source())) out.push(line)
    expect(out).toEqual(['a', 'bc'])
  })
})

describe('parseCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,c,', ['a', '', 'c', '']],
    ['1,"x, y",2', ['1', 'x, y', '2']],
    ['"say ""hi""",z', ['say "hi"', 'z']],
    ['""', ['']],
  ])('splits %j', (line, fields) => {
    expect(parseCsvLine(line)).toEqual(fields)
  })

  it('rejects an unterminated quote and text after a closing quote', () => {
    expect(parseCsvLine('a,"b')).toBeUndefined()
    expect(parseCsvLine('"a"b,c')).toBeUndefined()
  })

  it('supports multi-character separators', () => {
    expect(parseCsvLine('1::"a::b"::3', '::')).toEqual(['1', 'a::b', '3'])
  })
})

describe('parseTimestamp', () => {
  it.each([
    ['2010-12-01 08:26:00', Date.UTC(2010, 11, 1, 8, 26)],
    ['2010-12-01T08:26', Date.UTC(2010, 11, 1, 8, 26)],
    ['2011-07-01', Date.UTC(2011, 6, 1)],
    ['12/1/2010 8:26', Date.UTC(2010, 11, 1, 8, 26)],
    ['1/31/2011 17:05:59', Date.UTC(2011, 0, 31, 17, 5, 59)],
  ])('reads %s as UTC', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected)
  })

  it.each(['2011-02-30 10:00', '13/1/2011 10:00', '2011-01-01 24:00', 'soon', ''])(
    'refuses %j',
    (text) => {
      expect(parseTimestamp(text)).toBeUndefined()
    },
  )

  it.each([
    ['1/12/2010 8:26', Date.UTC(2010, 11, 1, 8, 26)],
    ['31/1/2011 17:05:59', Date.UTC(2011, 0, 31, 17, 5, 59)],
    ['2010-12-01 08:26:00', Date.UTC(2010, 11, 1, 8, 26)],
  ])('reads %s day first when told', (text, expected) => {
    expect(parseTimestamp(text, 'day-first')).toBe(expected)
  })

  it('refuses a month-first-only date read day first', () => {
    expect(parseTimestamp('1/31/2011 17:05', 'day-first')).toBeUndefined()
  })
})

describe('dateOrderDetector', () => {
  const detect = (...dates: string[]) => {
    const detector = dateOrderDetector()
    dates.forEach((date, i) => detector.see(date, i + 2))
    return { evidence: detector.evidence(), slashed: detector.slashedDates() }
  }

  it('names the first date that reads only day first', () => {
    expect(
      detect('1/12/2010 8:26', '5/12/2010 9:00', '13/12/2010 10:00', '14/12/2010 10:00'),
    ).toEqual({ evidence: [{ order: 'day-first', line: 4, text: '13/12/2010 10:00' }], slashed: 4 })
  })

  it('names the first date that reads only month first', () => {
    expect(detect('12/1/2010 8:26', '12/13/2010 10:00').evidence).toEqual([
      { order: 'month-first', line: 3, text: '12/13/2010 10:00' },
    ])
  })

  it('reports a file that writes dates both ways, in line order', () => {
    expect(detect('12/13/2010 10:00', '1/1/2011 9:00', '25/1/2011 9:00').evidence).toEqual([
      { order: 'month-first', line: 2, text: '12/13/2010 10:00' },
      { order: 'day-first', line: 4, text: '25/1/2011 9:00' },
    ])
  })

  it('has no evidence when every date reads both ways, and counts only slashed dates', () => {
    expect(detect('1/2/2011 9:00', '2011-01-25 09:00', '3/4/2011 9:00', 'soon')).toEqual({
      evidence: [],
      slashed: 2,
    })
  })
})

describe('contentId', () => {
  it('is deterministic, prefixed and in the event id alphabet', () => {
    const id = contentId('or', ['536365', '85123A'])
    expect(id).toBe(contentId('or', ['536365', '85123A']))
    expect(id).toMatch(/^or_[0-9a-f]{16}$/)
  })

  it('separates parts unambiguously', () => {
    expect(contentId('x', ['ab', 'c'])).not.toBe(contentId('x', ['a', 'bc']))
  })
})
