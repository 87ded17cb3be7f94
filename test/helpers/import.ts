import { pino } from 'pino';
import { systemClock, type Clock } from '../../src/clock.js';
import { loadConfigFile, type LoadedConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { runImport } from '../../src/import/import-run.js';
import { idReader } from '../../src/import/local-id.js';
import { openMarcSource } from '../../src/import/marc-source.js';
import type { ImportReport } from '../../src/import/report.js';
import { compileIndexMap } from '../../src/indexing/index-map.js';
import type { MarcFormat } from '../../src/marc/index.js';
import type { Database } from '../../src/store/db.js';
import { createStore, type Store } from '../../src/store/store.js';
import { REPO_ROOT } from './paths.js';

/** The shipped configuration (conf/libgate.yaml), so tests index exactly what users get. */
export function shippedConfig(): Config {
  return loadShipped().config;
}

let shipped: LoadedConfig | undefined;
function loadShipped(): LoadedConfig {
  shipped ??= loadConfigFile(`${REPO_ROOT}/conf/libgate.yaml`);
  return shipped;
}

export function storeFor(db: Database, config: Config = shippedConfig(), clock: Clock = systemClock): Store {
  return createStore(db, config, clock);
}

export interface TestImportOptions {
  idField?: string;
  format?: MarcFormat;
  strict?: boolean;
  batchSize?: number;
  config?: Config;
  /** Offer the store's bulk load (index deferral when the store is empty), as the CLI does for large files. */
  bulkLoad?: boolean;
}

/** Runs the real import pipeline on files, quietly. */
export async function importFiles(store: Store, files: readonly string[], options: TestImportOptions = {}): Promise<ImportReport> {
  const config = options.config ?? shippedConfig();
  const idField = options.idField ?? config.import.idField;
  return runImport(files.map((file) => openMarcSource(file, options.format)), store.records, {
    readId: idReader(idField),
    idSource: idField,
    items: config.import.items,
    indexMap: compileIndexMap(config.indexes),
    batchSize: options.batchSize ?? config.import.batchSize,
    strict: options.strict ?? false,
    log: pino({ level: 'silent' }),
    ...(options.bulkLoad ? { bulkLoad: store.deferredIndexes } : {}),
  });
}
