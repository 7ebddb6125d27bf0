/**
 * Client-side routing on the History API. The Worker answers every /admin/* page with the same
 * shell, so a path is matched here; links inside the dashboard are followed without a reload.
 */
import { useEffect, useState } from 'preact/hooks'

export const BASE = '/admin'

export type Route =
  | { page: 'experiments' }
  | { page: 'new-experiment' }
  | { page: 'experiment'; key: string }
  | { page: 'edit-experiment'; key: string }
  | { page: 'sample-size' }
  | { page: 'recommendations' }
  | { page: 'behaviour' }
  | { page: 'settings' }
  | { page: 'not-found' }

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** The page a pathname shows. Trailing slashes are ignored; anything else is `not-found`. */
export function matchRoute(pathname: string): Route {
  if (pathname !== BASE && !pathname.startsWith(`${BASE}/`)) return { page: 'not-found' }
  const parts = pathname.slice(BASE.length).split('/').filter(Boolean)
  const [first, second, third] = parts
  if (parts.length === 0) return { page: 'experiments' }
  if (first === 'experiments') {
    if (parts.length === 1) return { page: 'experiments' }
    if (second === 'new' && parts.length === 2) return { page: 'new-experiment' }
    const key = second === undefined ? null : decode(second)
    if (key !== null && parts.length === 2) return { page: 'experiment', key }
    if (key !== null && third === 'edit' && parts.length === 3) {
      return { page: 'edit-experiment', key }
    }
    return { page: 'not-found' }
  }
  if (parts.length === 1) {
    if (first === 'sample-size') return { page: 'sample-size' }
    if (first === 'recommendations') return { page: 'recommendations' }
    if (first === 'behaviour') return { page: 'behaviour' }
    if (first === 'settings') return { page: 'settings' }
  }
  return { page: 'not-found' }
}

/** The dashboard path of an experiment (its key may hold `:` or `.`, which stay readable). */
export function experimentPath(key: string, suffix = ''): string {
  return `${BASE}/experiments/${encodeURIComponent(key)}${suffix}`
}

export type Location = { pathname: string; search: string }

const listeners = new Set<() => void>()

function current(): Location {
  return { pathname: window.location.pathname, search: window.location.search }
}

/** Goes to `to` (a path with optional query) without reloading; `replace` keeps history short. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === `${window.location.pathname}${window.location.search}`) return
  if (options.replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
  for (const listener of listeners) listener()
}

/** Follows plain left clicks on same-origin dashboard links in-app; modified clicks stay native. */
function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const target = event.target instanceof Element ? event.target.closest('a') : null
  if (!target || target.target || target.hasAttribute('download')) return
  const url = new URL(target.href, window.location.href)
  if (url.origin !== window.location.origin || matchRoute(url.pathname).page === 'not-found') {
    return
  }
  event.preventDefault()
  navigate(`${url.pathname}${url.search}`)
}

/** Installs the popstate and link listeners once, at start-up. */
export function startRouter(): void {
  window.addEventListener('popstate', () => {
    for (const listener of listeners) listener()
  })
  document.addEventListener('click', onClick)
}

/** The current location, re-rendering on every navigation. */
export function useLocation(): Location {
  const [location, setLocation] = useState(current)
  useEffect(() => {
    const update = () => setLocation(current())
    listeners.add(update)
    return () => {
      listeners.delete(update)
    }
  }, [])
  return location
}

/** A query parameter of the current location, or null. */
export function queryParam(location: Location, name: string): string | null {
  return new URLSearchParams(location.search).get(name)
}
