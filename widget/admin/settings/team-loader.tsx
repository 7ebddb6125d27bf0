/**
 * Where Settings' team section goes: an element that the team bundle (a file of its own, see
 * `ADMIN_TEAM_BUNDLE`) renders into once fetched. Until then, or if it cannot be fetched, a line
 * says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { ADMIN_TEAM_BUNDLE } from '../../bundle-options.ts'

type TeamBundle = typeof import('./team-island.tsx')

export function TeamLoader() {
  const slot = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')
  useEffect(() => {
    let unmount: (() => void) | undefined
    let gone = false
    // A path in a variable: esbuild leaves the import to the browser instead of bundling it.
    const path: string = ADMIN_TEAM_BUNDLE.path
    ;(import(path) as Promise<TeamBundle>).then(
      ({ mountTeam }) => {
        if (gone || !slot.current) return
        unmount = mountTeam(slot.current)
        setState('ready')
      },
      () => setState('failed'),
    )
    return () => {
      gone = true
      unmount?.()
    }
  }, [])
  return (
    <>
      {state === 'loading' && <p class="hint">Loading team keys…</p>}
      {state === 'failed' && (
        <p role="alert">The team section could not be loaded. Reload the page to try again.</p>
      )}
      <div ref={slot} />
    </>
  )
}
