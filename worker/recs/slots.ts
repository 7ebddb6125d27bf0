/** The recommendation slots a page can ask for (README, "Recommendations"). */
export const SLOTS = ['personal', 'similar', 'trending', 'cart'] as const
export type Slot = (typeof SLOTS)[number]
