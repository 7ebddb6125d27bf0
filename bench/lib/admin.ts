/** Setting a benchmark's store up through the admin API of the server under test. */
import type { DevServer } from './dev-server.ts'

type AdminServer = Pick<DevServer, 'url' | 'site'>

export function adminHeaders(server: AdminServer): Record<string, string> {
  return { authorization: `Bearer ${server.site.adminKey}`, 'content-type': 'application/json' }
}

/**
 * Creates an experiment and starts it. A start that fails throws: a figure measured without the
 * running experiment would not be the figure named.
 *
 * @example
 * await startExperiment(server, { key: 'hero', variations: [{ key: 'a', weight: 1 }] })
 */
export async function startExperiment(
  server: AdminServer,
  experiment: { key: string } & Record<string, unknown>,
): Promise<void> {
  const headers = adminHeaders(server)
  await fetch(`${server.url}/v1/admin/experiments`, {
    method: 'POST',
    headers,
    body: JSON.stringify(experiment),
  })
  const started = await fetch(`${server.url}/v1/admin/experiments/${experiment.key}/start`, {
    method: 'POST',
    headers,
  })
  if (!started.ok)
    throw new Error(`could not start the experiment ${experiment.key}: ${await started.text()}`)
}
