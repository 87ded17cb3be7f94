import type { IndexConfig } from '../config/sections/indexes.js';

/**
 * The CQL view of config `indexes`: which names resolve to which index, and the context sets
 * those names live in. Built once from config; the translator, explain and the generated docs read
 * it, so the three never disagree.
 */

export interface CatalogIndex {
  /** The config key (record_keys.index_name, the lexeme prefix). */
  readonly name: string;
  readonly config: IndexConfig;
  /** No MARC sources: every word of the record (cql.serverChoice); no whole-value keys. */
  readonly anywhere: boolean;
  /** rec.id: the record's local identifier. */
  readonly recordId: boolean;
}

/** Context sets we know by identifier; a prefix assignment to any other URI is diag 15. */
export const CONTEXT_SETS: ReadonlyArray<{ readonly name: string; readonly identifiers: readonly string[] }> = [
  { name: 'cql', identifiers: ['info:srw/cql-context-set/1/cql-v1.2', 'info:srw/cql-context-set/1/cql-v1.1'] },
  { name: 'dc', identifiers: ['info:srw/cql-context-set/1/dc-v1.1', 'info:srw/cql-context-set/1/dc-v1.0'] },
  { name: 'bath', identifiers: ['http://zing.z3950.org/cql/bath/2.0/'] },
  { name: 'bib', identifiers: ['info:srw/cql-context-set/1/bib-v1'] },
  { name: 'rec', identifiers: ['info:srw/cql-context-set/2/rec-1.1', 'info:srw/cql-context-set/2/rec-1.0'] },
  { name: 'marc', identifiers: ['info:srw/cql-context-set/1/marc-v1.0'] },
];

/** Utility indexes of the cql set that no config entry provides. */
export const CQL_ALL_RECORDS = 'cql.allrecords';
export const CQL_RESULT_SET_ID = 'cql.resultsetid';

export interface IndexCatalog {
  readonly indexes: readonly CatalogIndex[];
  /** Lower-cased qualified or bare name -> index. */
  readonly byName: ReadonlyMap<string, CatalogIndex>;
  /** Lower-cased short names of the context sets queries may use (CONTEXT_SETS plus prefixes in config names). */
  readonly sets: ReadonlySet<string>;
  /** Context set identifier -> short name. */
  readonly setByIdentifier: ReadonlyMap<string, string>;
  /** The index a bare term searches (cql.serverChoice), if configured. */
  readonly serverChoice: CatalogIndex | undefined;
}

export function buildIndexCatalog(indexes: Readonly<Record<string, IndexConfig>>): IndexCatalog {
  const list: CatalogIndex[] = Object.entries(indexes).map(([name, config]) => ({
    name,
    config,
    anywhere: !config.recordId && config.sources.length === 0,
    recordId: config.recordId,
  }));
  const byName = new Map<string, CatalogIndex>();
  const sets = new Set(CONTEXT_SETS.map((s) => s.name));
  for (const index of list) {
    for (const name of index.config.names) {
      const lower = name.toLowerCase();
      if (!byName.has(lower)) byName.set(lower, index);
      const dot = lower.indexOf('.');
      if (dot > 0) sets.add(lower.slice(0, dot));
    }
  }
  const setByIdentifier = new Map<string, string>();
  for (const set of CONTEXT_SETS) for (const id of set.identifiers) setByIdentifier.set(id, set.name);
  return { indexes: list, byName, sets, setByIdentifier, serverChoice: byName.get('cql.serverchoice') };
}

/** The identifier explain advertises for a context set short name. */
export function contextSetIdentifier(name: string): string | undefined {
  return CONTEXT_SETS.find((s) => s.name === name)?.identifiers[0];
}
