import type { Knex } from 'knex';
import { filterSql, fragment, join, sortSql } from './search-sql.js';
import type { ScanQuery, ScanResult, ScanTerm, SearchQuery, SearchResult } from './search-types.js';

/** The database gave up on a statement (statement_timeout): the caller turns it into its protocol's answer. */
export class SearchTimeout extends Error {
  override readonly name = 'SearchTimeout';
  constructor(readonly timeoutMs: number) {
    super(`search took longer than ${timeoutMs} ms`);
  }
}

const QUERY_CANCELED = '57014';

export interface SearchOptions {
  /** Statement timeout for this search in ms (PostgreSQL; 0 = the connection's own). */
  readonly timeoutMs: number;
}

/**
 * Search and scan over the data written at ingest (records.search_tsv, record_keys,
 * record_sort_keys). Speaks filters and pages, not CQL: see search-types.ts.
 */
export class SearchRepository {
  constructor(private readonly knex: Knex) {}

  /** Counts the matches and fetches one page, in one transaction. Throws SearchTimeout. */
  async search(query: SearchQuery, options: SearchOptions): Promise<SearchResult> {
    const where = filterSql(query.filter);
    const { joins, orderBy, omit } = sortSql(query.sort, query.rank);
    const conditions = join([fragment('NOT r.deleted'), fragment(`(${where.sql})`, where.bindings), ...omit], ' AND ');
    return this.timed(options, async (trx) => {
      const count = await trx.raw(
        `SELECT count(*) AS n FROM records r ${joins.sql} WHERE ${conditions.sql}`,
        [...joins.bindings, ...conditions.bindings] as Knex.RawBinding[],
      );
      const total = Number(count.rows[0]?.n ?? 0);
      if (query.limit === 0 || query.offset >= total) return { total, hits: [] };
      const page = await trx.raw(
        `SELECT r.id, r.local_id, r.marcxml FROM records r ${joins.sql} WHERE ${conditions.sql}
         ORDER BY ${orderBy.sql} LIMIT ? OFFSET ?`,
        [...joins.bindings, ...conditions.bindings, ...orderBy.bindings, query.limit, query.offset] as Knex.RawBinding[],
      );
      const hits = (page.rows as Array<{ id: number; local_id: string; marcxml: string }>)
        .map((row) => ({ id: Number(row.id), localId: row.local_id, marcxml: row.marcxml }));
      return { total, hits };
    });
  }

  /** Terms of one index around a start term, each with the number of records having it. Throws SearchTimeout. */
  async scan(query: ScanQuery, options: SearchOptions): Promise<ScanResult> {
    return this.timed(options, async (trx) => {
      const run = async (op: '<' | '>=', direction: 'ASC' | 'DESC', limit: number): Promise<ScanTerm[]> => {
        if (limit <= 0) return [];
        const result = await trx.raw(
          `SELECT k.key COLLATE "C" AS term, min(k.value) AS display, count(*) AS n
           FROM record_keys k WHERE k.index_name = ? AND k.key COLLATE "C" ${op} ?
           GROUP BY 1 ORDER BY 1 ${direction} LIMIT ?`,
          [query.index, query.from, limit],
        );
        return (result.rows as Array<{ term: string; display: string; n: number | string }>)
          .map((row) => ({ key: row.term, display: row.display, count: Number(row.n) }));
      };
      const before = (await run('<', 'DESC', query.before)).reverse();
      const after = await run('>=', 'ASC', query.after);
      return { before, after };
    });
  }

  private async timed<T>(options: SearchOptions, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    try {
      return await this.knex.transaction(async (trx) => {
        if (options.timeoutMs > 0) await trx.raw(`SET LOCAL statement_timeout = ${Math.trunc(options.timeoutMs)}`);
        return work(trx);
      });
    } catch (error) {
      if ((error as { code?: string }).code === QUERY_CANCELED) throw new SearchTimeout(options.timeoutMs);
      throw error;
    }
  }
}
