/**
 * Audience decisions in D1: whether a visitor is in an experiment phase's audience, decided the
 * first time they are bucketed into it and kept from then on, with the traits it was decided on
 * (results break down by them). A decision is recorded for every experiment, with or without an
 * audience, so every assignment row carries the visitor's traits.
 *
 * A visit's first `/v1/assign` comes before its first page view is stored, so a decision made
 * then has no intent band. The band recorded is then the first one known on a later request of
 * the next half hour that buckets the visitor again, so results by intent do not put most
 * visitors in `unknown`. That band, and whether such a request comes, can follow from what the
 * variation showed on the first page (README says so where results break down by intent).
 */
import { and, eq, gte, isNull, sql } from 'drizzle-orm'
import { prepare, type Database } from '../db/database.ts'
import { audienceDecisions } from '../db/schema.ts'
import type { VisitorTraits } from '../../shared/audience.ts'
import { awaitsTraits, inAudience } from './audience.ts'
import type { Experiment } from './experiment.ts'
import { SESSION_GAP_MS } from '../intent/sessions.ts'

type Decided = { experiment_key: string; phase: number; included: number }

/**
 * The keys of `bucketed` (experiments the visitor's bucket puts them in) whose audience includes
 * the visitor. A stored decision stands; the others are decided now on `traitsOf()` (read at most
 * once, and only when something is undecided) and stored, except while an audience waits for a
 * trait the visitor lacks yet: then they are left out and decided on a later request. With
 * `knownBand` (the band this request already has), the visitor's recent decisions made without a
 * band get it.
 */
export async function decideAudiences(
  db: Database,
  siteId: string,
  visitorId: string,
  bucketed: readonly Experiment[],
  traitsOf: () => Promise<VisitorTraits>,
  now: number,
  knownBand: string | null = null,
): Promise<Set<string>> {
  if (bucketed.length === 0 && knownBand === null) return new Set()
  const stored = await db
    .select({
      key: audienceDecisions.experimentKey,
      phase: audienceDecisions.phase,
      included: audienceDecisions.included,
      intentBand: audienceDecisions.intentBand,
      decidedAt: audienceDecisions.decidedAt,
    })
    .from(audienceDecisions)
    .where(and(eq(audienceDecisions.siteId, siteId), eq(audienceDecisions.visitorId, visitorId)))
    .all()
  const since = now - SESSION_GAP_MS
  if (knownBand !== null && stored.some((d) => d.intentBand === null && d.decidedAt >= since))
    await db
      .update(audienceDecisions)
      .set({ intentBand: knownBand })
      .where(
        and(
          eq(audienceDecisions.siteId, siteId),
          eq(audienceDecisions.visitorId, visitorId),
          isNull(audienceDecisions.intentBand),
          gte(audienceDecisions.decidedAt, since),
        ),
      )
      .run()
  const decided = new Map(stored.map((d) => [`${d.key}\n${d.phase}`, d.included]))
  const included = new Set<string>()
  const undecided: Experiment[] = []
  for (const exp of bucketed) {
    const known = decided.get(`${exp.key}\n${exp.phase}`)
    if (known === undefined) undecided.push(exp)
    else if (known) included.add(exp.key)
  }
  if (undecided.length === 0) return included

  const traits = await traitsOf()
  const rows = undecided
    .filter((exp) => !awaitsTraits(exp.audience, traits))
    .map((exp) => ({ key: exp.key, phase: exp.phase, included: inAudience(exp.audience, traits) }))
  if (rows.length === 0) return included
  // The no-op update makes RETURNING answer the stored row when a concurrent request decided
  // first, so this answer always agrees with the decision that sticks.
  const written = await prepare(
    db,
    sql`INSERT INTO audience_decisions (site_id, visitor_id, experiment_key, phase, included,
        intent_band, device, returning_visitor, source, decided_at)
      SELECT ${siteId}, ${visitorId}, r.value ->> 'key', r.value ->> 'phase',
        r.value ->> 'included', ${traits.intentBand}, ${traits.device},
        ${traits.visitor === 'returning' ? 1 : 0}, ${traits.source}, ${now}
      FROM json_each(${JSON.stringify(rows)}) AS r WHERE true
      ON CONFLICT DO UPDATE SET included = included
      RETURNING experiment_key, phase, included`,
  ).all<Decided>()
  for (const row of written.results) if (row.included) included.add(row.experiment_key)
  return included
}

/**
 * `assignments` without the experiments whose audience leaves the visitor out (or has not
 * decided on them yet): what `/v1/assign` answers. Leaving them out is what URL targeting does,
 * so the widget shows such a visitor the control and sends no exposure. Only experiments with an
 * audience wait for their decision; the traits of the others' visitors (for results by intent or
 * device) are recorded by `recording`, which the caller runs after answering, so an experiment
 * without audience costs `/v1/assign` nothing; `recording` also gives recent decisions made
 * without a band the request's `band`.
 */
export async function withinAudiences<T>(
  db: Database,
  siteId: string,
  visitorId: string,
  running: readonly Experiment[],
  assignments: Record<string, T>,
  traitsOf: () => Promise<VisitorTraits>,
  now: number,
  band: string | null = null,
): Promise<{ assignments: Record<string, T>; recording: Promise<void> }> {
  // A rolled-out experiment shows its winner to every visitor: nothing is decided or recorded.
  const bucketed = running.filter((exp) => exp.key in assignments && exp.winner === null)
  const rolledOut = new Set(running.filter((exp) => exp.winner !== null).map((exp) => exp.key))
  const targeted = bucketed.filter((exp) => exp.audience !== null)
  const everybody = bucketed.filter((exp) => exp.audience === null)
  let traits: Promise<VisitorTraits> | undefined
  const once = () => (traits ??= traitsOf())
  const included = await decideAudiences(db, siteId, visitorId, targeted, once, now)
  const recording = decideAudiences(
    db,
    siteId,
    visitorId,
    everybody,
    once,
    now,
    bucketed.length > 0 ? band : null,
  ).then(
    () => undefined,
    (err: unknown) => console.warn('audience: traits not recorded', err),
  )
  const kept = Object.entries(assignments).filter(
    ([key]) => included.has(key) || rolledOut.has(key) || everybody.some((exp) => exp.key === key),
  )
  return { assignments: Object.fromEntries(kept), recording }
}
