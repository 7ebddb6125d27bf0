/**
 * The cron triggers of wrangler.toml's `[triggers]`, by what they run (scheduled-jobs.ts); a test
 * holds the two lists equal. Any cron other than the frequent two is the nightly one.
 */
export const BANDIT_CRON = '*/5 * * * *'
export const INTENT_LEARNING_CRON = '*/15 * * * *'
export const NIGHTLY_CRON = '17 3 * * *'
