/**
 * `libgate precompute`: fills the dissemination cache (store: oai_disseminations) ahead of the
 * first harvest, so a harvest of an XSLT format (oai_dc, mods) serves cached output instead of
 * running the stylesheet per record. It goes through disseminate(), the provider's own path
 * (items embedded when include_items is set, the same cache key: record, format, stylesheet hash,
 * datestamp), over the live records whose entry is missing or stale, in keyset batches on id.
 * A record that fails to transform is counted and reported, never an error for the run.
 */
import type { Config } from '../config/schema.js';
import type { Deps } from '../deps.js';
import { createOaiContext } from './context.js';
import { disseminate } from './disseminate.js';
import { oaiFormats, type OaiFormatInfo } from './formats.js';

export const PRECOMPUTE_BATCH = 200;

export interface PrecomputeFailure {
  readonly format: string;
  readonly localId: string;
  readonly message: string;
}

/** What one run (or one worker's share) did for one format. */
export interface PrecomputeCounts {
  transformed: number;
  failed: number;
  readonly failures: PrecomputeFailure[];
}

export interface PrecomputeSelection {
  /** The XSLT formats to precompute. */
  readonly formats: OaiFormatInfo[];
  /** Requested formats that need no precomputing (MARCXML straight from the store). */
  readonly notXslt: string[];
  /** Requested prefixes that are not OAI formats of this configuration. */
  readonly unknown: string[];
}

/** Every XSLT format by default; else the requested prefixes, sorted into what can be precomputed. */
export function selectPrecomputeFormats(config: Config, prefixes: readonly string[] = []): PrecomputeSelection {
  const all = oaiFormats(config);
  if (prefixes.length === 0) return { formats: all.filter((f) => f.crosswalk !== undefined), notXslt: [], unknown: [] };
  const byPrefix = new Map(all.map((f) => [f.prefix, f]));
  const formats: OaiFormatInfo[] = [];
  const notXslt: string[] = [];
  const unknown: string[] = [];
  for (const prefix of new Set(prefixes)) {
    const format = byPrefix.get(prefix);
    if (format === undefined) unknown.push(prefix);
    else if (format.crosswalk === undefined) notXslt.push(prefix);
    else formats.push(format);
  }
  return { formats, notXslt, unknown };
}

export interface PrecomputeRangeOptions {
  readonly formats: readonly OaiFormatInfo[];
  /** Only records with afterId < id <= upToId (a worker's share); default: all. */
  readonly afterId?: number | undefined;
  readonly upToId?: number | undefined;
  readonly batchSize?: number | undefined;
  /** After each batch: how many records of this batch were transformed and how many failed. */
  readonly onBatch?: ((format: string, transformed: number, failed: number) => void) | undefined;
}

/** Precomputes the given formats for the records in the range; counts by format prefix. */
export async function precomputeRange(deps: Deps, options: PrecomputeRangeOptions): Promise<Map<string, PrecomputeCounts>> {
  const ctx = createOaiContext(deps);
  const batchSize = options.batchSize ?? PRECOMPUTE_BATCH;
  const counts = new Map<string, PrecomputeCounts>();
  for (const format of options.formats) {
    if (format.crosswalk === undefined) continue;
    const stylesheetHash = deps.crosswalks.hash(format.crosswalk);
    const mine: PrecomputeCounts = { transformed: 0, failed: 0, failures: [] };
    counts.set(format.prefix, mine);
    let afterId = options.afterId ?? 0;
    for (;;) {
      const rows = await deps.store.oai.missingDisseminations({ format: format.prefix, stylesheetHash, afterId, upToId: options.upToId, limit: batchSize });
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.id;
      let failed = 0;
      const out = await disseminate(ctx, format, rows, (record, error) => {
        failed += 1;
        mine.failures.push({ format: format.prefix, localId: record.localId, message: error.message });
      });
      mine.transformed += out.size;
      mine.failed += failed;
      options.onBatch?.(format.prefix, out.size, failed);
      if (rows.length < batchSize) break;
    }
  }
  return counts;
}

/**
 * Splits the live id range [min, max] into `parts` consecutive (afterId, upToId] shares of about
 * the same width (fewer when the range is narrower than `parts`).
 */
export function splitIdRange(range: { min: number; max: number }, parts: number): Array<{ afterId: number; upToId: number }> {
  const width = range.max - range.min + 1;
  const n = Math.max(1, Math.min(parts, width));
  const shares: Array<{ afterId: number; upToId: number }> = [];
  let afterId = range.min - 1;
  for (let i = 1; i <= n; i += 1) {
    const upToId = i === n ? range.max : range.min - 1 + Math.floor((width * i) / n);
    shares.push({ afterId, upToId });
    afterId = upToId;
  }
  return shares;
}

/** Adds one worker's counts into the total. */
export function mergeCounts(total: Map<string, PrecomputeCounts>, part: ReadonlyMap<string, PrecomputeCounts>): void {
  for (const [prefix, counts] of part) {
    const into = total.get(prefix);
    if (into === undefined) total.set(prefix, { transformed: counts.transformed, failed: counts.failed, failures: [...counts.failures] });
    else {
      into.transformed += counts.transformed;
      into.failed += counts.failed;
      into.failures.push(...counts.failures);
    }
  }
}
