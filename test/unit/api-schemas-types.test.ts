// The zod schemas of the API's answers (shared/api-schemas.ts, shared/admin-schemas.ts) and the
// TypeScript wire types the Worker and the dashboard use are the same shapes: `npm run check`
// (tsc) fails when one changes without the other. Exact for the answers whose schema is strict;
// for the large reports, whose schemas pin some fields and let the rest through, the type must
// fit its schema.
import { describe, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import type * as admin from '../../shared/admin-schemas.ts'
import type * as api from '../../shared/api-schemas.ts'
import type {
  AuditPage,
  CreatedKey,
  ExperimentDetail,
  RecsPerformance,
  RecsStatus,
  ResultsResponse,
  RotatedKey,
  SampleSizeResponse,
  SiteHealth,
  SiteInfo,
  TeamKeys,
  TimeseriesResponse,
} from '../../shared/admin-types.ts'
import type {
  Assignment,
  ErrorEnvelope,
  IntentAnswer,
  IntentStatusAnswer,
  Phase,
  ProxySettingsAnswer,
  ReweighAnswer,
} from '../../shared/api-types.ts'
import type { BehaviourAnswer } from '../../shared/behaviour.ts'
import type { RecsAnswer } from '../../worker/recs/serve/recommend.ts'
import type { IngestResult } from '../../worker/events/ingest.ts'
import type { ImportResult } from '../../worker/events/import-history.ts'

type Out<T extends z.ZodType> = z.output<T>

describe('answer schemas and wire types agree', () => {
  it('public answers', () => {
    expectTypeOf<Out<typeof api.errorEnvelopeSchema>>().toEqualTypeOf<ErrorEnvelope>()
    expectTypeOf<Out<typeof api.assignmentSchema>>().toEqualTypeOf<Assignment>()
    expectTypeOf<Out<typeof api.intentAnswerSchema>>().toEqualTypeOf<IntentAnswer>()
    expectTypeOf<IngestResult>().toExtend<Out<typeof api.ingestAnswerSchema>>()
    expectTypeOf<RecsAnswer>().toExtend<Out<typeof api.recsAnswerSchema>>()
  })

  it('admin answers', () => {
    expectTypeOf<Out<typeof admin.phaseSchema>>().toEqualTypeOf<Phase>()
    expectTypeOf<Out<typeof admin.reweighAnswerSchema>>().toEqualTypeOf<ReweighAnswer>()
    expectTypeOf<Out<typeof admin.timeseriesAnswerSchema>>().toEqualTypeOf<TimeseriesResponse>()
    expectTypeOf<Out<typeof admin.siteInfoSchema>>().toEqualTypeOf<SiteInfo>()
    expectTypeOf<Out<typeof admin.rotatedKeySchema>>().toEqualTypeOf<RotatedKey>()
    expectTypeOf<Out<typeof admin.recsStatusSchema>>().toEqualTypeOf<RecsStatus>()
    expectTypeOf<Out<typeof admin.recsPerformanceSchema>>().toEqualTypeOf<RecsPerformance>()
    expectTypeOf<Out<typeof admin.teamKeysSchema>>().toEqualTypeOf<TeamKeys>()
    // Intersections in the types: equal as each fitting the other.
    expectTypeOf<Out<typeof admin.createdKeySchema>>().toExtend<CreatedKey>()
    expectTypeOf<CreatedKey>().toExtend<Out<typeof admin.createdKeySchema>>()
    expectTypeOf<Out<typeof admin.auditPageSchema>>().toExtend<AuditPage>()
    expectTypeOf<AuditPage>().toExtend<Out<typeof admin.auditPageSchema>>()
    expectTypeOf<Out<typeof admin.intentStatusSchema>>().toEqualTypeOf<IntentStatusAnswer>()
    expectTypeOf<ImportResult>().toEqualTypeOf<Out<typeof admin.importAnswerSchema>>()
    expectTypeOf<ProxySettingsAnswer>().toExtend<Out<typeof admin.proxySettingsAnswerSchema>>()
  })

  it('reports whose schemas pin some fields', () => {
    expectTypeOf<ExperimentDetail>().toExtend<Out<typeof admin.experimentDetailSchema>>()
    expectTypeOf<ResultsResponse>().toExtend<Out<typeof admin.resultsAnswerSchema>>()
    expectTypeOf<SampleSizeResponse>().toExtend<Out<typeof admin.sampleSizeAnswerSchema>>()
    expectTypeOf<SiteHealth>().toExtend<Out<typeof admin.siteHealthSchema>>()
    expectTypeOf<BehaviourAnswer>().toExtend<Out<typeof admin.behaviourAnswerSchema>>()
  })
})
