/**
 * One CSV record per line, RFC 4180 quoting: a field in double quotes may contain the separator,
 * and `""` inside it is a literal quote. Records spanning lines are not supported — neither
 * import format has them — and show up as an unterminated quote.
 */

/**
 * Splits one line into fields. Returns `undefined` for an unterminated quote or text after a
 * closing quote, which the parsers report as a malformed line.
 *
 * @example
 * parseCsvLine('536381,82567,"AIRLINE LOUNGE,METAL SIGN",2') // ['536381', '82567', 'AIRLINE LOUNGE,METAL SIGN', '2']
 */
export function parseCsvLine(line: string, separator = ','): string[] | undefined {
  const fields: string[] = []
  let at = 0
  for (;;) {
    if (line.charCodeAt(at) === 34) {
      let value = ''
      let from = at + 1
      for (;;) {
        const quote = line.indexOf('"', from)
        if (quote === -1) return undefined
        value += line.slice(from, quote)
        if (line.charCodeAt(quote + 1) === 34) {
          value += '"'
          from = quote + 2
          continue
        }
        at = quote + 1
        break
      }
      fields.push(value)
      if (at === line.length) return fields
      if (!line.startsWith(separator, at)) return undefined
      at += separator.length
    } else {
      const next = line.indexOf(separator, at)
      if (next === -1) {
        fields.push(line.slice(at))
        return fields
      }
      fields.push(line.slice(at, next))
      at = next + separator.length
    }
  }
}
