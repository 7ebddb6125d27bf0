/** The signed-in site (name, public key, currency), for every page that needs it. */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { SiteInfo } from './api/types.ts'

export type SiteState = { site: SiteInfo | null; setSite: (site: SiteInfo) => void }

export const SiteContext = createContext<SiteState>({ site: null, setSite: () => {} })

export function useSite(): SiteState {
  return useContext(SiteContext)
}

/** The site's currency, or USD until the site is loaded (the Worker's default too). */
export function useCurrency(): string {
  return useSite().site?.currency ?? 'USD'
}
