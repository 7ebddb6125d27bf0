/**
 * `npm run train:intent [-- --file FILE] [--months Feb-Oct] [--out FILE] [--trained-at ISO]`:
 * trains a purchase-intent model from an Online Shoppers CSV (plain or `.gz`) and writes it as
 * the compact JSON the Worker loads. With no flags it rebuilds the committed starter model,
 * worker/intent/starter-model.json, from the committed public data set; training is seeded, so
 * the same file and settings give the same trees.
 *
 * `npm run train:intent -- --site pk_... [--persist-to DIR | --remote]` trains that site's model
 * on its own sessions in the local D1 (or the deployed one), with the very code the nightly cron
 * runs (`trainIntentForSite` in worker/intent/scheduled-intent.ts: the pages' statistics, then the
 * model); below 50 purchases the site keeps the starter.
 */
import { writeFileSync } from 'node:fs'
import type { LabelledSession } from '../worker/intent/online-shoppers-csv.ts'
import { serialiseIntentModel } from '../worker/intent/model.ts'
import { labelledSessions } from '../worker/intent/session-features.ts'
import { trainIntentModel } from '../worker/intent/train-intent.ts'
import { trainIntentForSite } from '../worker/intent/scheduled-intent.ts'
import { failWith, parseFlags } from './lib/cli.ts'
import { withSiteDatabase } from './lib/local-env.ts'
import { inMonths, monthRange, readOnlineShoppers } from './lib/online-shoppers-file.ts'

/** When the committed starter model was trained, stamped by default so a rebuild is identical. */
const STARTER_TRAINED_AT = '2026-12-02T00:00:00.000Z'

const fail = failWith(
  'usage: npm run train:intent -- [--file FILE] [--months Feb-Oct] [--out FILE] [--trained-at ISO]\n' +
    '       npm run train:intent -- --site pk_... [--persist-to DIR | --remote]',
)
const { values } = parseFlags(
  {
    options: {
      file: { type: 'string', default: 'data/online-shoppers-intention-feb-oct.csv.gz' },
      months: { type: 'string' },
      out: { type: 'string', default: 'worker/intent/starter-model.json' },
      'trained-at': { type: 'string', default: STARTER_TRAINED_AT },
      site: { type: 'string' },
      'persist-to': { type: 'string' },
      remote: { type: 'boolean' },
    },
  },
  fail,
)

if (values.site !== undefined) await trainOneSite(values.site)
else trainStarter()

async function trainOneSite(publicKey: string): Promise<void> {
  if (values.remote && values['persist-to'] !== undefined)
    fail('--remote trains the deployed database; --persist-to names a local one. Give one of them.')
  const where = { remote: values.remote, persistTo: values['persist-to'] }
  const outcome = await withSiteDatabase(publicKey, where, async (db, siteId) =>
    trainIntentForSite(db, siteId, {
      now: Date.now(),
      sessions: labelledSessions,
      onTree: (done, total) => {
        if (done % 50 === 0 || done === total) process.stderr.write(`  trees ${done}/${total}\n`)
      },
    }),
  )
  if (!outcome.trained) console.error(outcome.reason)
  console.log(JSON.stringify(outcome))
}

function trainStarter(): void {
  let rows = read(values.file)
  if (values.months !== undefined) {
    const months = monthRange(values.months) ?? fail('--months needs a range such as Feb-Oct')
    rows = inMonths(rows, months)
  }
  if (!rows.some((r) => r.bought === 1) || !rows.some((r) => r.bought === 0))
    fail('the sessions need both buyers and non-buyers')
  if (Number.isNaN(Date.parse(values['trained-at']))) fail('--trained-at needs an ISO date')

  const model = trainIntentModel(rows, {
    kind: 'starter',
    source: values.months ? `${values.file} (${values.months})` : values.file,
    trainedAt: values['trained-at'],
    onTree: (done, total) => {
      if (done % 50 === 0 || done === total) process.stderr.write(`  trees ${done}/${total}\n`)
    },
  })
  const text = serialiseIntentModel(model)
  writeFileSync(values.out, `${text}\n`)
  console.log(
    `${values.out}: ${model.ensemble.roots.length} trees, ${model.ensemble.feature.length} nodes, ${text.length} bytes, trained on ${model.trainedOn.sessions} sessions (${model.trainedOn.purchases} purchases)`,
  )
}

function read(path: string): LabelledSession[] {
  try {
    return readOnlineShoppers(path)
  } catch (err) {
    return fail((err as Error).message)
  }
}
