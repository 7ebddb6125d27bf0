/**
 * Whether a visitor's traits put them in an experiment's audience. Pure: the decision is stored
 * by audience-decisions.ts, so a visitor whose intent changes later keeps it.
 */
import type { Audience, VisitorTraits } from '../../shared/audience.ts'

/**
 * Whether every condition of `audience` holds for `traits`; a null audience includes everybody,
 * and a visitor whose intent (or source) is unknown is outside any audience that names it.
 * @example inAudience({ devices: ['mobile'] }, { device: 'mobile', ... }) // true
 */
export function inAudience(audience: Audience | null, traits: VisitorTraits): boolean {
  if (audience === null) return true
  const { intentBands, devices, visitors, sources } = audience
  if (intentBands && (traits.intentBand === null || !intentBands.includes(traits.intentBand)))
    return false
  if (devices && !devices.includes(traits.device)) return false
  if (visitors && visitors !== traits.visitor) return false
  if (sources && (traits.source === null || !sources.includes(traits.source))) return false
  return true
}

/**
 * Whether the decision must wait for a trait the audience names but the visitor's traits lack:
 * intent before any event of the session is stored (their first page), the source before its
 * first page view is. Deciding "outside" then would keep every new visitor out for good.
 */
export function awaitsTraits(audience: Audience | null, traits: VisitorTraits): boolean {
  return (
    (audience?.intentBands !== undefined && traits.intentBand === null) ||
    (audience?.sources !== undefined && traits.source === null)
  )
}
