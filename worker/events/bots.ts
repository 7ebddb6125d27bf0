/**
 * Obvious bots by user agent. Their exposures and conversions would dilute results with visitors
 * who never buy, so their events are not counted. Deliberately conservative: a false positive
 * loses a real visitor's data, a missed bot only adds noise to both arms equally.
 */
const BOT_USER_AGENT =
  /bot\b|bot\/|crawler|spider|crawling|slurp|mediapartners|facebookexternalhit|bingpreview|embedly|quora link preview|pinterest\/|vkshare|w3c_validator|lighthouse|pingdom|uptimerobot/i

/** Whether a user agent is an obvious crawler or monitor. An absent user agent is not assumed a bot. */
export function isBot(userAgent: string | undefined): boolean {
  return userAgent !== undefined && BOT_USER_AGENT.test(userAgent)
}
