/**
 * Loading a route's JSON into a component: the data, the failure, a loading flag, and `reload`.
 * Data stays on screen while reloading, so an action's refresh does not flash an empty page; a
 * request whose path changed meanwhile is aborted rather than raced.
 */
import { useCallback, useEffect, useState } from 'preact/hooks'
import { asFailure, isAbort, request, type ApiFailure } from './client.ts'

export type Loaded<T> = {
  data: T | undefined
  error: ApiFailure | undefined
  loading: boolean
  reload: () => void
}

/**
 * GETs `path` (nothing while it is null), again whenever it or `refresh` changes, and on `reload`.
 * @example const exp = useApi<ExperimentDetail>(experimentApi(key))
 */
export function useApi<T>(path: string | null, refresh: unknown = 0): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<ApiFailure | undefined>(undefined)
  const [loading, setLoading] = useState(path !== null)
  const [round, setRound] = useState(0)

  useEffect(() => {
    if (path === null) return
    const controller = new AbortController()
    setLoading(true)
    request<T>(path, { signal: controller.signal })
      .then((body) => {
        setData(body)
        setError(undefined)
        setLoading(false)
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return
        setError(asFailure(err))
        setData(undefined)
        setLoading(false)
      })
    return () => controller.abort()
  }, [path, round, refresh])

  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { data, error, loading, reload }
}
