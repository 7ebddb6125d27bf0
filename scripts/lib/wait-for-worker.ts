/** Waiting for a just-spawned `wrangler dev` to answer, so a CLI says "open …" only once it does. */

/** Resolves once `${api}/v1/health` answers 200; throws after `timeoutMs`. */
export async function waitForWorker(api: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${api}/v1/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the Worker did not answer on ${api} within ${Math.round(timeoutMs / 1000)} s`)
}
