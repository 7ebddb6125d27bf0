/**
 * A small seeded pseudo-random generator, so sketches (and therefore models) are reproducible:
 * the same interactions and seed give the same factors on every machine and runtime.
 * Math.random cannot be seeded, and Workers forbid it at module scope anyway.
 */

/**
 * mulberry32: a 32-bit state generator (Tommy Ettinger), fast and good enough for sketching.
 * Returns uniforms in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Standard normal samples by the Box-Muller transform over a seeded uniform source.
 * Each pair of uniforms gives two normals; the second is kept for the next call.
 *
 * @example
 * const normal = gaussian(42)
 * const x = normal() // ~ N(0, 1)
 */
export function gaussian(seed: number): () => number {
  const uniform = mulberry32(seed)
  let spare: number | undefined
  return () => {
    if (spare !== undefined) {
      const value = spare
      spare = undefined
      return value
    }
    // 1 - u keeps the argument of log in (0, 1], so log never sees 0.
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()))
    const angle = 2 * Math.PI * uniform()
    spare = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }
}
