/**
 * `npm run eval:intent -- --train FILE --test FILE [--online]`, or
 * `npm run eval:intent -- --file FILE --train-months Feb-Jul --test-months Aug-Oct [--online]`:
 * trains the purchase-intent model (the settings `npm run train:intent` uses) and the mljs
 * baselines on Online Shoppers CSV sessions (plain or `.gz`) and scores them on the test
 * sessions. With --online the model also streams the test sessions through its online layer:
 * score each, then learn from it, in file order. Progress goes to stderr; the last stdout line is
 * {"test": n, "model": {auc, ap, logloss, brier}, "online": {...}, "baselines": {"logistic":
 * {...}, "decisionTree": {...}}}.
 */
import type { LabelledSession } from '../worker/intent/online-shoppers-csv.ts'
import { failWith, parseFlags } from './lib/cli.ts'
import { intentReport } from './lib/intent-report.ts'
import { inMonths, monthRange, readOnlineShoppers } from './lib/online-shoppers-file.ts'

const fail = failWith(
  'usage: npm run eval:intent -- (--train FILE --test FILE | --file FILE --train-months Feb-Jul --test-months Aug-Oct) [--online]',
)
const { values } = parseFlags(
  {
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      file: { type: 'string' },
      'train-months': { type: 'string' },
      'test-months': { type: 'string' },
      online: { type: 'boolean', default: false },
    },
  },
  fail,
)

function read(path: string): LabelledSession[] {
  try {
    return readOnlineShoppers(path)
  } catch (err) {
    return fail((err as Error).message)
  }
}

function sessions(): { train: LabelledSession[]; test: LabelledSession[] } {
  if (values.file !== undefined) {
    if (values.train !== undefined || values.test !== undefined)
      fail('--file splits one file by month; give it without --train and --test')
    const months = (flag: 'train-months' | 'test-months') => {
      const raw = values[flag]
      const range = raw === undefined ? undefined : monthRange(raw)
      return range ?? fail(`--${flag} needs a month range such as Feb-Jul`)
    }
    const rows = read(values.file)
    return {
      train: inMonths(rows, months('train-months')),
      test: inMonths(rows, months('test-months')),
    }
  }
  const { train, test } = values
  if (train === undefined || test === undefined)
    return fail('give --train and --test, or --file with --train-months and --test-months')
  return { train: read(train), test: read(test) }
}

const { train, test } = sessions()
if (train.length === 0 || test.length === 0) fail('no sessions to train on or to test')
if (!train.some((r) => r.bought === 1) || !train.some((r) => r.bought === 0))
  fail('the training sessions need both buyers and non-buyers')
const log = (message: string) => process.stderr.write(`${message}\n`)
console.log(JSON.stringify(intentReport(train, test, { online: values.online, log })))
