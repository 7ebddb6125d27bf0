/**
 * Line splitting for imports. Request bodies of up to 10 MB are read line by line, so each line
 * is decoded and copied once instead of materialising split arrays of the whole body.
 */

/**
 * Lines of a text, without their terminators (`\n` or `\r\n`); a leading BOM is dropped and a
 * final empty line (after the last newline) is not yielded.
 *
 * @example
 * [...splitLines('a,b\r\nc,d\n')] // ['a,b', 'c,d']
 */
export function* splitLines(text: string): Generator<string> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end
    yield text.slice(start, stop)
    start = end + 1
  }
}

/**
 * Lines of a UTF-8 byte stream (a request body, a file, a gunzip stream), decoded incrementally:
 * a multi-byte character split across chunks is reassembled, and only the unfinished last line
 * is buffered between chunks.
 *
 * @example
 * for await (const line of readLines(request.body)) parser.push(line)
 */
export async function* readLines(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  let pending = ''
  let first = true
  for await (const chunk of iterate(stream)) {
    pending += decoder.decode(chunk, { stream: true })
    if (first && pending.length > 0) {
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1)
      first = false
    }
    let start = 0
    let end = pending.indexOf('\n', start)
    while (end !== -1) {
      yield pending.slice(start, end > start && pending.charCodeAt(end - 1) === 13 ? end - 1 : end)
      start = end + 1
      end = pending.indexOf('\n', start)
    }
    pending = pending.slice(start)
  }
  pending += decoder.decode()
  if (first && pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1)
  if (pending.length > 0) yield pending.endsWith('\r') ? pending.slice(0, -1) : pending
}

async function* iterate(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (!('getReader' in stream)) {
    yield* stream
    return
  }
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}
