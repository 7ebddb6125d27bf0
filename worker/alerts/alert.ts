/**
 * An alert and how each receiver wants it: Slack's and Discord's incoming webhooks take a message
 * (`text`, `content`), anything else gets the alert as JSON.
 */

export type AlertKind =
  'srm_failed' | 'sequential_winner' | 'sequential_loser' | 'bandit_stop' | 'training_failed'

export type Alert = {
  kind: AlertKind
  siteId: string
  siteName: string
  /** The experiment it is about, if any. */
  experiment?: string
  phase?: number
  variation?: string
  /** One sentence for a person. */
  message: string
  at: number
}

export type AlertFormat = 'slack' | 'discord' | 'json'
export const ALERT_FORMATS: readonly AlertFormat[] = ['slack', 'discord', 'json']

/** The request body a receiver of this format takes. */
export function alertBody(alert: Alert, format: AlertFormat): string {
  const line = `edgelift · ${alert.siteName}: ${alert.message}`
  if (format === 'slack') return JSON.stringify({ text: line })
  // Discord refuses content over 2,000 characters.
  if (format === 'discord') return JSON.stringify({ content: line.slice(0, 2000) })
  return JSON.stringify({ ...alert, at: new Date(alert.at).toISOString() })
}
