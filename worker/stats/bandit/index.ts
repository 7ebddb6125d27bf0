// Public surface of the bandit statistics: what the experiment routes, the cron update and the
// results handler import.
export { banditResults } from './results.ts'
export type { BanditArmResult, BanditResults } from './results.ts'
export { DEFAULT_BANDIT_SETTINGS, MIN_VISITORS_PER_VARIATION, reweigh } from './reweigh.ts'
export type { BanditSettings, ReweighInput, ReweighOutcome, ReweighReason } from './reweigh.ts'
export { periodWeightedEstimates } from './periods.ts'
export type { AllocationPeriod, ArmCounts, PeriodWeightedEstimate } from './periods.ts'
export { DEFAULT_STOPPING_RULE, stoppingWinner } from './stopping.ts'
export type { StoppingRule } from './stopping.ts'
export type { BanditObjective } from './weights.ts'
