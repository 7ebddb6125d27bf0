import { describe, expect, it } from 'vitest'
import { csvCell, csvLine } from '../../../worker/exports/csv-cells.ts'

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['=HYPERLINK("https://evil.example","x")', `"'=HYPERLINK(""https://evil.example"",""x"")"`],
    ['=1+2', "'=1+2"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tleading tab', "'\tleading tab"],
    ['\rleading CR', `"'\rleading CR"`],
    ['comma, inside', '"comma, inside"'],
    ['line\nbreak', '"line\nbreak"'],
    ['say "hi"', '"say ""hi"""'],
    [' padded ', '" padded "'],
    ['a=b', 'a=b'],
  ])('writes %j as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it.each([
    [-0.25, '-0.25'],
    [0, '0'],
    [12.5, '12.5'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
  ])('writes the value %s as %s, numbers unescaped', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it('ends a line with CRLF', () => {
    expect(csvLine(['a', -1, null, '=x'])).toBe("a,-1,,'=x\r\n")
  })
})
