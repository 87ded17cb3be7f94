import type { Logger } from 'pino';
import type { ReadResult } from '../marc/record.js';
import type { DeferredObject } from '../store/deferred-indexes.js';
import type { RecordRepository } from '../store/record-repository.js';
import type { IngestRecord, UpsertOutcome } from '../store/types.js';
import { prepareRecord, type PrepareOptions } from './prepare-record.js';
import { emptyReport, recordSkip, type ImportReport } from './report.js';

/** One input file as the pipeline sees it: its records, and how far into it reading has got. */
export interface MarcSource {
  readonly name: string;
  /** Size in bytes when known (for an ETA). */
  readonly size: number | undefined;
  readonly results: AsyncIterable<ReadResult>;
  bytesRead(): number;
}

export interface ImportProgress {
  readonly file: string;
  readonly records: number;
  readonly bytes: number;
  readonly size: number | undefined;
}

export interface ImportOptions extends PrepareOptions {
  readonly batchSize: number;
  /** Stop at the first bad record instead of skipping it. */
  readonly strict: boolean;
  readonly log: Logger;
  readonly onProgress?: (progress: ImportProgress) => void;
  /**
   * Bulk load: when given and the store holds no record yet, search indexes and foreign keys of the
   * derived tables are dropped for the import and rebuilt once at its end (also after a failure).
   */
  readonly bulkLoad?: BulkLoad;
}

/** The store's index deferral as the import uses it (store/deferred-indexes.ts). */
export interface BulkLoad {
  defer(): Promise<DeferredObject[]>;
  restore(): Promise<DeferredObject[]>;
}

/** Raised in strict mode at the first bad record; batches before it are committed. */
export class ImportAborted extends Error {
  override readonly name = 'ImportAborted';
}

/**
 * Reads every source, writes records in batches (one transaction each), and reports.
 * A bad record is skipped and reported with its file and position; it never aborts the run (unless
 * strict) and never leaves a partial record: a batch the database refuses is retried record by record.
 */
export async function runImport(sources: readonly MarcSource[], records: RecordRepository, options: ImportOptions): Promise<ImportReport> {
  const deferred = options.bulkLoad ? await options.bulkLoad.defer() : [];
  if (deferred.length > 0) options.log.info({ deferred: deferred.map((d) => d.name) }, 'empty store: search indexes and foreign keys deferred to the end of the import');
  try {
    return await importSources(sources, records, options);
  } finally {
    if (deferred.length > 0) {
      const started = performance.now();
      const restored = await options.bulkLoad!.restore();
      const each = Object.fromEntries(restored.map((r) => [r.name, r.seconds]));
      options.log.info({ restored: restored.length, seconds: Math.round(performance.now() - started) / 1000, each }, 'search indexes and foreign keys rebuilt');
    }
  }
}

async function importSources(sources: readonly MarcSource[], records: RecordRepository, options: ImportOptions): Promise<ImportReport> {
  const report = emptyReport();
  for (const source of sources) {
    const writer = new BatchWriter(records, report, options, source.name);
    let count = 0;
    try {
    for await (const result of source.results) {
      count += 1;
      report.read += 1;
      if (!result.ok) {
        skip(report, options, { file: source.name, position: result.position, reason: result.reason });
        continue;
      }
      report.illegalCharsReplaced += result.illegalCharsReplaced;
      if (result.warnings.length > 0) {
        report.repaired += 1;
        options.log.debug({ file: source.name, position: result.position, warnings: result.warnings }, 'record repaired while reading');
      }
      const prepared = prepareRecord(result.record, result.position, options);
      if (!prepared.ok) {
        skip(report, options, { file: source.name, position: result.position, reason: prepared.reason });
        continue;
      }
      await writer.add(prepared.record, result.position);
      if (count % 500 === 0) options.onProgress?.({ file: source.name, records: count, bytes: source.bytesRead(), size: source.size });
    }
    } catch (error) {
      // Strict mode stops here: the batch already in flight is committed (or refused) first, as promised.
      if (error instanceof ImportAborted) await writer.settle();
      throw error;
    }
    await writer.finish();
    options.onProgress?.({ file: source.name, records: count, bytes: source.bytesRead(), size: source.size });
  }
  return report;
}

function skip(report: ImportReport, options: ImportOptions, detail: { file: string; position: number; reason: string }): void {
  if (options.strict) throw new ImportAborted(`${detail.file} record ${detail.position}: ${detail.reason}`);
  recordSkip(report, detail);
  options.log.warn(detail, 'record skipped');
}

interface Pending {
  readonly record: IngestRecord;
  readonly position: number;
}

/**
 * Collects records into batches and keeps one batch in flight while the next is prepared, so parsing
 * and database writes overlap on PostgreSQL.
 */
class BatchWriter {
  private batch: Pending[] = [];
  private ids = new Set<string>();
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly records: RecordRepository,
    private readonly report: ImportReport,
    private readonly options: ImportOptions,
    private readonly file: string,
  ) {}

  async add(record: IngestRecord, position: number): Promise<void> {
    // The same identifier twice in one batch: write what came first before taking the later version.
    if (this.ids.has(record.localId)) await this.flush();
    this.batch.push({ record, position });
    this.ids.add(record.localId);
    if (this.batch.length >= this.options.batchSize) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  /** Waits for the batch in flight, whatever becomes of it (the caller is already failing). */
  async settle(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.ids = new Set();
    await this.inFlight;
    this.inFlight = this.write(batch);
  }

  private async write(batch: readonly Pending[]): Promise<void> {
    try {
      this.count(await this.records.upsert(batch.map((p) => p.record)));
    } catch (error) {
      this.options.log.warn({ file: this.file, error: (error as Error).message }, 'batch refused; retrying record by record');
      for (const pending of batch) {
        try {
          this.count(await this.records.upsert([pending.record]));
        } catch (recordError) {
          skip(this.report, this.options, { file: this.file, position: pending.position, reason: `database refused the record: ${(recordError as Error).message}` });
        }
      }
    }
  }

  private count(outcomes: readonly UpsertOutcome[]): void {
    for (const outcome of outcomes) this.report[outcome] += 1;
  }
}
