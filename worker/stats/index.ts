// Public surface of the statistics module: what the HTTP handlers import. Other modules import
// the pure functions they need from their own files.
export { computeResults } from './results.ts'
export { sampleSizePerVariation } from './sample-size.ts'
export { validateSampleSizeParams } from './sample-size-params.ts'
