import type { Clock } from '../clock.js';
import type { Config } from '../config/schema.js';
import { openDatabase, type Database, type DatabaseKind } from './db.js';
import { migrateToLatest } from './migration-source.js';
import { RecordRepository, type WriteHook } from './record-repository.js';
import { AccessRepository } from './access-repository.js';
import { CirculationRepository } from './circulation-repository.js';
import { loanOnloanHook } from './item-onloan.js';
import { PatronRepository } from './patron-repository.js';
import { DeferredIndexes } from './deferred-indexes.js';
import { OaiRepository } from './oai-repository.js';
import { compileSetRules, type CqlPredicateCompiler } from '../oai/set-rules.js';
import { SearchRepository } from './search-repository.js';
import { cqlToPredicate } from '../sru/cql-to-sql.js';

/** The record repository as the rest of the gateway sees it: one object per concern, all over one database. */
export interface Store {
  readonly kind: DatabaseKind;
  readonly records: RecordRepository;
  /** CQL search and scan over what ingest wrote (SRU, OAI sets by query). */
  readonly search: SearchRepository;
  /** ILS-DI: patrons (borrowers). */
  readonly patrons: PatronRepository;
  /** ILS-DI: loans, holds, transfers, charges and the item status they make. */
  readonly circulation: CirculationRepository;
  /** ILS-DI: API keys and failed-login counters. */
  readonly access: AccessRepository;
  /** Bulk loads: search indexes and foreign keys dropped while an empty store is filled, rebuilt after. */
  readonly deferredIndexes: DeferredIndexes;
  /** OAI-PMH: harvest pages, set membership, dissemination cache, write leases. */
  readonly oai: OaiRepository;
  /** Answers when the database does; throws when it does not (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /**
   * The compiler for OAI sets defined by a CQL query. Default: the SRU engine's cqlToPredicate over
   * the configured indexes; `null` disables cql rules (then such a set is a start-up config error).
   */
  readonly cqlCompiler?: CqlPredicateCompiler | null | undefined;
}

/** Throws SetRuleError (a configuration problem naming the set) for a set rule it cannot use. */
export function createStore(db: Database, config: Config, clock: Clock, options: StoreOptions = {}): Store {
  const declared = config.libraries;
  const oai = new OaiRepository(db.knex, clock, compileSetRules(config.oai.sets, {
    cqlCompiler: options.cqlCompiler === null ? undefined : (options.cqlCompiler ?? ((cql) => cqlToPredicate(cql, config.indexes))),
  }));
  // Write hooks keep derived tables in step with records, inside each batch's transaction.
  const hooks: WriteHook[] = [loanOnloanHook, oai.setHook];
  const records = new RecordRepository(db.knex, clock, (code) => ({
    name: declared[code]?.name ?? code,
    pickup: declared[code]?.pickup ?? true,
  }), hooks, oai.leases);
  return {
    kind: db.kind,
    records,
    search: new SearchRepository(db.knex),
    patrons: new PatronRepository(db.knex),
    circulation: new CirculationRepository(db.knex, clock),
    access: new AccessRepository(db.knex),
    deferredIndexes: new DeferredIndexes(db.knex),
    oai,
    async ping() {
      await db.knex.raw('SELECT 1');
    },
    close: () => db.close(),
  };
}

export interface OpenStoreOptions {
  /** Resolved PGlite directory or 'memory' (ignored for PostgreSQL). */
  readonly dataDir: string;
  /** Run pending migrations first (serve and import do; tests migrate themselves). */
  readonly migrate: boolean;
}

/** Opens the configured database (PostgreSQL when database.url is set, else PGlite) and wraps it. */
export async function openStore(config: Config, clock: Clock, options: OpenStoreOptions): Promise<Store> {
  const db = await openDatabase({
    url: config.database.url,
    dataDir: options.dataDir,
    pool: config.database.pool,
    statementTimeoutMs: config.database.statementTimeoutMs,
  });
  try {
    const store = createStore(db, config, clock);
    if (options.migrate) {
      await migrateToLatest(db.knex);
      // An import killed during a bulk load left indexes deferred: rebuild them before anything else.
      await store.deferredIndexes.restore();
    }
    await store.records.syncLibraries(config.libraries);
    return store;
  } catch (error) {
    await db.close();
    throw error;
  }
}
