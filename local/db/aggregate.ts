import type { Collection } from './collection'
import { decodeStored, decodeWire, type Doc } from './ejson'
import { requestFailed } from './errors'
import { runPipeline } from './mingo'

/** CloudBase returns 20 aggregation results unless the pipeline says otherwise. */
export const AGGREGATE_DEFAULT_LIMIT = 20

export interface WireStage {
  stageKey: string
  stageValue: string
}

/**
 * Runs an aggregation the SDK sent as `[{ stageKey: '$match', stageValue: '<EJSON>' }, ...]` with mingo. A leading
 * `$match` goes through the collection's SQL pushdown so an indexed pipeline reads only candidate rows; `$lookup` reads
 * other collections through `resolve` (which raises CloudBase's missing-collection error for unknown names).
 */
export function runAggregate(coll: Collection, stages: WireStage[], resolve: (name: string) => Collection, now: number): Doc[] {
  const pipeline = stages.map((s) => ({ [s.stageKey]: decodeWire(s.stageValue, now) }) as Record<string, unknown>)
  let source: Doc[]
  if (pipeline.length && '$match' in pipeline[0]) {
    source = coll.find(pipeline[0].$match).map((h) => h.doc ?? decodeStored(h.row.text, h.row.special))
    pipeline.shift()
  } else {
    source = coll.all()
  }
  if (!pipeline.some((s) => '$limit' in s)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
  try {
    return runPipeline(source, pipeline, (name: string) => resolve(name).all()) as Doc[]
  } catch (e) {
    if ((e as { code?: string }).code) throw e
    throw requestFailed(`[InvalidParameter] aggregate: ${(e as Error).message}`)
  }
}
