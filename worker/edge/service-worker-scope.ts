/**
 * Service workers and edgelift's paths. A service worker controls every request under its scope
 * for as long as the browser keeps it, long after the page that registered it is gone.
 * - On edgelift's own hostnames nothing may become one: the dashboard's origin holds admin keys,
 *   so every service-worker script request there is refused.
 * - On a store's hostname the store's own service worker is welcome under a scope that leaves
 *   edgelift's paths (/v1/, /widget…) alone, and refused when its scope would cover them: those
 *   paths answer as edgelift, so the widget the page loads and the events it sends reach the
 *   Worker rather than whatever a cached script decides. A script's widest scope is its own
 *   directory unless the response's Service-Worker-Allowed widens it, so that header is dropped
 *   from service-worker scripts passed through, and the directory decides: `/sw.js` (scope `/`)
 *   is refused, `/app/sw.js` (scope `/app/`) is served.
 */
import { ApiError } from '../http/api-error.ts'

/** The paths a store hostname keeps for edgelift (see edge-middleware.ts). */
const EDGELIFT_PATHS = ['/v1/', '/widget']

function isServiceWorkerScript(request: Request): boolean {
  return request.headers.get('service-worker')?.toLowerCase() === 'script'
}

/**
 * Throws 403 `service_worker_refused` for a service-worker script request on an own hostname
 * (`ownHost`), or on a store's hostname when the script's directory covers edgelift's paths.
 */
export function refuseServiceWorkerScope(request: Request, ownHost: boolean): void {
  if (!isServiceWorkerScript(request)) return
  if (ownHost) {
    throw new ApiError(
      403,
      'service_worker_refused',
      "No service worker can be registered on edgelift's own hostname.",
    )
  }
  const path = new URL(request.url).pathname
  const directory = path.slice(0, path.lastIndexOf('/') + 1)
  if (EDGELIFT_PATHS.some((kept) => kept.startsWith(directory))) {
    throw new ApiError(
      403,
      'service_worker_refused',
      `A service worker at ${path} would control ${EDGELIFT_PATHS.join(' and ')}, which edgelift serves on this hostname; serve it from a sub-path such as /app/sw.js.`,
    )
  }
}

/** The origin's answer to a service-worker script request, without a scope-widening header. */
export function withoutScopeWidening(request: Request, response: Response): Response {
  if (!isServiceWorkerScript(request) || !response.headers.has('service-worker-allowed')) {
    return response
  }
  const narrowed = new Response(response.body, response)
  narrowed.headers.delete('service-worker-allowed')
  return narrowed
}
