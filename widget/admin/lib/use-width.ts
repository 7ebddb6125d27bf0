/**
 * The rendered width of an element, kept current with ResizeObserver. Charts draw at their real
 * pixel width instead of scaling a fixed viewBox, so their text stays legible on a phone.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { RefObject } from 'preact'

export function useWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    setWidth(element.clientWidth || fallback)
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width
      if (w) setWidth(Math.round(w))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [fallback])
  return [ref, width]
}
