/** What every CLI here does alike: parse its flags, and refuse bad ones with the usage, exit 2. */
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A function that prints `message` and the usage, then exits with status 2. */
export function failWith(usage: string): (message: string) => never {
  return (message) => {
    console.error(`${message}\n${usage}`)
    process.exit(2)
  }
}

/** `parseArgs`, with an unknown or malformed flag reported through `fail`. */
export function parseFlags<T extends ParseArgsConfig>(config: T, fail: (message: string) => never) {
  try {
    return parseArgs(config)
  } catch (err) {
    return fail((err as Error).message)
  }
}

/** Where the CLIs find a running edgelift: `npm start`'s address, `PORT` included. */
export const DEFAULT_API = `http://localhost:${process.env.PORT ?? '8787'}`

/**
 * What a CLI says when nothing answers at `api`. A second shell does not inherit the `PORT` that
 * `npm start` was given in the first, so the message names both ways to point at it.
 */
export function unreachable(api: string): string {
  const port = process.env.PORT
  return [
    `Cannot reach edgelift at ${api}.`,
    'Is `npm start` running? ' +
      (port === undefined
        ? 'If it was started with PORT=…, run this with the same PORT=… too, or pass --api http://localhost:PORT.'
        : `This looked on PORT=${port}; pass --api URL if edgelift runs elsewhere.`),
  ].join('\n')
}
