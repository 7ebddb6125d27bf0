/**
 * Where the steering chunk is built from and served: its own bundle (Preact included), so the
 * dashboard's app.js, on every page's critical path, carries only the few lines that mount it.
 * It renders into an element the page hands it, with its own Preact root.
 */
export const STEERING_CHUNK = {
  entry: 'widget/admin/steering/index.tsx',
  path: '/admin/steering.js',
} as const

/** What the chunk exports. */
export type SteeringChunk = {
  /** Renders the steering tools into `root`; answers how to remove them. */
  mountSteering(root: HTMLElement): () => void
}
