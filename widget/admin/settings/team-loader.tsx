/**
 * Where Settings' team section goes: an element that the team bundle (a file of its own, see
 * `ADMIN_TEAM_BUNDLE`) renders into once fetched, or a line saying it could not be fetched.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { ADMIN_TEAM_BUNDLE } from '../../bundle-options.ts'

type TeamBundle = typeof import('./team-island.tsx')

export function TeamLoader() {
  const slot = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let unmount: (() => void) | undefined
    // A path in a variable: esbuild leaves the import to the browser instead of bundling it.
    const path: string = ADMIN_TEAM_BUNDLE.path
    ;(import(path) as Promise<TeamBundle>).then(
      ({ mountTeam }) => {
        // Left Settings before it arrived: Preact has cleared the ref, so nothing is mounted.
        if (slot.current) unmount = mountTeam(slot.current)
      },
      () => setFailed(true),
    )
    return () => unmount?.()
  }, [])
  return failed ? (
    <p role="alert">The team section could not be loaded. Reload the page to try again.</p>
  ) : (
    <div ref={slot} />
  )
}
