/**
 * The recommendations page's steering rules and preview, fetched as their own chunk the first
 * time the page shows (steering/chunk.ts): every other page of the dashboard loads without them.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { Loading } from '../components/page.tsx'
import { STEERING_CHUNK, type SteeringChunk } from '../steering/chunk.ts'

export function LazySteering() {
  const root = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading')
  useEffect(() => {
    let unmount: (() => void) | undefined
    let gone = false
    // A path held in a variable: the bundler leaves the import to the browser.
    const path: string = STEERING_CHUNK.path
    ;(import(path) as Promise<SteeringChunk>)
      .then((chunk) => {
        if (gone || !root.current) return
        unmount = chunk.mountSteering(root.current)
        setState('shown')
      })
      .catch(() => setState('failed'))
    return () => {
      gone = true
      unmount?.()
    }
  }, [])
  return (
    <>
      {state === 'loading' && <Loading what="the steering tools" />}
      {state === 'failed' && (
        <p class="error-inline">The steering tools could not be loaded. Reload the page.</p>
      )}
      <div ref={root} />
    </>
  )
}
