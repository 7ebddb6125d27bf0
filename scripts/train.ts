/**
 * `npm run train [-- --site pk_demo] [--persist-to DIR | --remote]`: trains the site's
 * recommendation model in Node against the local D1 (or, with --remote, the deployed one), with
 * the very code the Worker's cron and admin route run. This is the way for catalogs too large for
 * a Worker invocation (see the README's limits).
 */
import { trainSite } from '../worker/recs/train/train-site.ts'
import { failWith, parseFlags } from './lib/cli.ts'
import { progressBar, type ProgressBar } from './lib/progress.ts'
import { withSiteDatabase } from './lib/local-env.ts'

const fail = failWith('usage: npm run train -- [--site pk_...] [--persist-to DIR | --remote]')
const { values } = parseFlags(
  {
    options: {
      site: { type: 'string', default: 'pk_demo' },
      'persist-to': { type: 'string' },
      remote: { type: 'boolean' },
    },
  },
  fail,
)
if (values.remote && values['persist-to'] !== undefined) {
  fail('--remote trains the deployed database; --persist-to names a local one. Give one of them.')
}

const started = performance.now()
const where = { remote: values.remote, persistTo: values['persist-to'] }
const outcome = await withSiteDatabase(values.site, where, async (db, siteId) => {
  let bar: ProgressBar | undefined
  let stage = ''
  return trainSite(db, siteId, {
    onProgress: (p) => {
      if (p.stage !== stage) {
        bar?.finish()
        stage = p.stage
        bar = progressBar(`  ${p.stage.padEnd(10)}`, Math.max(1, p.total))
      }
      bar?.update(p.done)
    },
    onStore: (done, total) => {
      if (stage !== 'store') {
        bar?.finish()
        stage = 'store'
        bar = progressBar('  store     ', total)
      }
      bar?.update(done)
      if (done === total) bar?.finish()
    },
  })
})
const seconds = ((performance.now() - started) / 1000).toFixed(1)
if (!outcome.trained) {
  console.error(`Not trained: ${outcome.reason}`)
  process.exit(1)
}
console.log(
  JSON.stringify(
    { version: outcome.version, seconds: Number(seconds), metrics: outcome.metrics },
    null,
    2,
  ),
)
