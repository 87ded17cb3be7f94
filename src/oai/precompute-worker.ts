/**
 * A `libgate precompute --workers N` worker thread: its own store connection and its own SaxonJS
 * (each thread loads the crosswalks itself), precomputing one share (afterId, upToId] of the live
 * id range. Reports each batch and, at the end, its counts to the parent (see main.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { systemClock } from '../clock.js';
import type { Config } from '../config/schema.js';
import type { Deps } from '../deps.js';
import { compileIndexMap } from '../indexing/index-map.js';
import { openStore } from '../store/store.js';
import { loadGatewayCrosswalks } from './formats.js';
import { precomputeRange, selectPrecomputeFormats, type PrecomputeCounts } from './precompute.js';

export interface PrecomputeWorkerData {
  readonly config: Config;
  readonly baseDir: string;
  readonly rootDir: string;
  readonly dataDir: string;
  readonly prefixes: readonly string[];
  readonly afterId: number;
  readonly upToId: number;
  readonly batchSize: number;
}

export type PrecomputeWorkerMessage =
  | { readonly kind: 'batch'; readonly format: string; readonly transformed: number; readonly failed: number }
  | { readonly kind: 'done'; readonly counts: Array<[string, PrecomputeCounts]> };

async function run(data: PrecomputeWorkerData): Promise<void> {
  const { config } = data;
  const log = pino({ level: config.server.logLevel, base: { service: 'libgate', worker: `${data.afterId + 1}-${data.upToId}` } }, pino.destination({ dest: 2, sync: true }));
  const crosswalks = await loadGatewayCrosswalks(config, data.baseDir, data.rootDir);
  const store = await openStore(config, systemClock, { dataDir: data.dataDir, migrate: false });
  try {
    const deps: Deps = { config, store, clock: systemClock, log, indexMap: compileIndexMap(config.indexes), crosswalks };
    const { formats } = selectPrecomputeFormats(config, data.prefixes);
    const counts = await precomputeRange(deps, {
      formats,
      afterId: data.afterId,
      upToId: data.upToId,
      batchSize: data.batchSize,
      onBatch: (format, transformed, failed) => parentPort?.postMessage({ kind: 'batch', format, transformed, failed } satisfies PrecomputeWorkerMessage),
    });
    parentPort?.postMessage({ kind: 'done', counts: [...counts] } satisfies PrecomputeWorkerMessage);
  } finally {
    await store.close();
  }
}

// An error rejects here and reaches the parent as the worker's 'error' event.
await run(workerData as PrecomputeWorkerData);
