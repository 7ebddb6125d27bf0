/** The steering chunk's entry (see chunk.ts): mounts the rules and the preview into a page. */
import { render } from 'preact'
import type { SteeringChunk } from './chunk.ts'
import { RecsSteering } from './recs-steering.tsx'

export const mountSteering: SteeringChunk['mountSteering'] = (root) => {
  render(<RecsSteering />, root)
  return () => render(null, root)
}
