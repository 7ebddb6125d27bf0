/**
 * Pages as chunks of their own (esbuild splitting), fetched when first shown, so the dashboard's
 * first load carries the shell and the experiments list only. Every page's chunk is fetched in
 * the background once the first page is up, so moving between pages rarely waits.
 * Focus follows navigation to the new page's heading (app.tsx); a page still loading then takes
 * it when its heading appears.
 */
import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { Loading, PAGE_TITLE_ID } from './components/page.tsx'

const loaders: (() => Promise<unknown>)[] = []
let titleFocusPending = false

/** Moves focus to the page's heading now, or as soon as a loading page shows it. */
export function focusPageTitle(): void {
  const title = document.getElementById(PAGE_TITLE_ID)
  titleFocusPending = title === null
  title?.focus()
}

/** Starts fetching every page's chunk (after the first page is shown). */
export function preloadPages(): void {
  for (const load of loaders) void load().catch(() => undefined)
}

export function lazyPage<P extends object>(
  importPage: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let page: ComponentType<P> | undefined
  let pending: Promise<ComponentType<P>> | undefined
  const load = () => {
    pending ??= importPage().then((loaded) => (page = loaded))
    return pending
  }
  loaders.push(load)
  return function LazyPage(props: P) {
    const [, setLoaded] = useState(page !== undefined)
    const [failed, setFailed] = useState(false)
    useEffect(() => {
      if (page) return
      load().then(
        () => setLoaded(true),
        () => {
          // A failed fetch (a deploy replaced the chunk, the network dropped) is tried afresh.
          pending = undefined
          setFailed(true)
        },
      )
    }, [])
    useEffect(() => {
      if (page && titleFocusPending) focusPageTitle()
    })
    if (failed) {
      return (
        <p role="alert" class="error-inline">
          This page could not be loaded. Reload to try again.
        </p>
      )
    }
    if (!page) return <Loading what="the page" />
    const Page = page
    return <Page {...props} />
  }
}
