/**
 * The entry of the team bundle (`ADMIN_TEAM_BUNDLE`): renders Settings' team section into an
 * element the dashboard gives it, with this bundle's own Preact, and answers how to take it down.
 */
import { render } from 'preact'
import { TeamSection } from './team-section.tsx'

export function mountTeam(element: HTMLElement): () => void {
  render(<TeamSection />, element)
  return () => render(null, element)
}
