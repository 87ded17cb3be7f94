import type { Knex } from 'knex';
import { bindings } from './bindings.js';

/** The tables a record import writes that carry search indexes and foreign keys worth deferring. */
const DERIVED_TABLES = ['records', 'record_keys', 'record_sort_keys', 'items', 'oai_set_members'] as const;

/**
 * Leading columns of indexes that stay in place during a bulk load: an import writes them in
 * ascending order (cheap to maintain) and its own statements need them (records are looked up by
 * local id, derived rows are replaced by record id).
 */
const KEPT_LEADING_COLUMNS = ['id', 'record_id', 'datestamp'];

export interface DeferredObject {
  readonly name: string;
  readonly table: string;
  readonly kind: 'index' | 'constraint';
  /** restore() only: how long the build or validation took. */
  readonly seconds?: number;
}

/**
 * Bulk loading into an empty store. Maintaining a GIN index and large B-tree indexes row by row
 * costs several times what building them once at the end does, and so do per-row foreign-key
 * checks; an initial load of a catalogue is the case where that matters. `defer()` drops the search
 * indexes and the foreign keys of the derived tables, but only when the store holds no record,
 * and writes their definitions to deferred_indexes in the same transaction; `restore()` recreates
 * everything deferred_indexes lists (validating the foreign keys in one pass each) and analyses the
 * tables. Unique and primary keys always stay, so upserts by local id keep their guarantees.
 *
 * restore() is idempotent and runs at every start that migrates: an import that was killed before
 * its own restore() leaves nothing missing for longer than that. While indexes are deferred, searches
 * are correct but slow (sequential scans).
 */
export class DeferredIndexes {
  constructor(private readonly knex: Knex) {}

  /** Drops the deferrable indexes and foreign keys if the store holds no record; returns what was deferred. */
  async defer(): Promise<DeferredObject[]> {
    return this.knex.transaction(async (trx) => {
      await trx.raw(`SET LOCAL statement_timeout = 0`);
      // Lock first so that no concurrent writer slips a record in between the check and the drop.
      await trx.raw('LOCK TABLE records IN SHARE ROW EXCLUSIVE MODE');
      const populated = await trx.raw('SELECT EXISTS (SELECT 1 FROM records) AS populated');
      if (populated.rows[0]?.populated) return [];
      const constraints = await trx.raw(
        `SELECT c.conname AS name, t.relname AS table_name, pg_get_constraintdef(c.oid) AS definition
           FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
          WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(?::text[])
          ORDER BY t.relname, c.conname`,
        bindings([...DERIVED_TABLES]),
      );
      const indexes = await trx.raw(
        `SELECT ic.relname AS name, t.relname AS table_name, pg_get_indexdef(i.indexrelid) AS definition
           FROM pg_index i
           JOIN pg_class ic ON ic.oid = i.indexrelid
           JOIN pg_class t ON t.oid = i.indrelid
           LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
          WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(?::text[])
            AND NOT i.indisunique AND NOT i.indisprimary
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            AND COALESCE(a.attname, '') <> ALL(?::text[])
          ORDER BY t.relname, ic.relname`,
        bindings([...DERIVED_TABLES], KEPT_LEADING_COLUMNS),
      );
      const deferred: DeferredObject[] = [];
      for (const row of constraints.rows as Array<{ name: string; table_name: string; definition: string }>) {
        await trx.raw(`INSERT INTO deferred_indexes (name, table_name, kind, definition) VALUES (?, ?, 'constraint', ?)`, [row.name, row.table_name, row.definition]);
        await trx.raw(`ALTER TABLE ${ident(row.table_name)} DROP CONSTRAINT ${ident(row.name)}`);
        deferred.push({ name: row.name, table: row.table_name, kind: 'constraint' });
      }
      for (const row of indexes.rows as Array<{ name: string; table_name: string; definition: string }>) {
        await trx.raw(`INSERT INTO deferred_indexes (name, table_name, kind, definition) VALUES (?, ?, 'index', ?)`, [row.name, row.table_name, row.definition]);
        await trx.raw(`DROP INDEX ${ident(row.name)}`);
        deferred.push({ name: row.name, table: row.table_name, kind: 'index' });
      }
      return deferred;
    });
  }

  /**
   * Recreates whatever is deferred and analyses the tables; returns what was restored. Indexes are
   * built first, two tables at a time (a GIN build is single-threaded: the B-trees of the other
   * tables go up beside it), then foreign keys are validated, each in one pass.
   */
  async restore(): Promise<DeferredObject[]> {
    const pending = (await this.knex('deferred_indexes').select('name', 'table_name', 'kind', 'definition').orderBy('name')) as PendingRow[];
    if (pending.length === 0) return [];
    const restored: DeferredObject[] = [];
    // Builds on one table can run side by side (CREATE INDEX takes a SHARE lock): two at a time,
    // GIN first as they take longest.
    const queue = pending.filter((r) => r.kind === 'index').sort((a, b) => buildRank(a) - buildRank(b) || a.name.localeCompare(b.name));
    const worker = async (): Promise<void> => {
      for (let row = queue.shift(); row; row = queue.shift()) await this.recreate(row, restored);
    };
    await Promise.all([worker(), worker()]);
    for (const row of pending.filter((r) => r.kind === 'constraint')) await this.recreate(row, restored);
    const tables = [...new Set(restored.map((r) => r.table))];
    if (tables.length > 0) {
      await this.knex.transaction(async (trx) => {
        await trx.raw(`SET LOCAL statement_timeout = 0`);
        await trx.raw(`ANALYZE ${tables.map(ident).join(', ')}`);
      });
    }
    return restored;
  }

  private async recreate(row: PendingRow, restored: DeferredObject[]): Promise<void> {
    const started = performance.now();
    await this.knex.transaction(async (trx) => {
      const still = await trx.raw('DELETE FROM deferred_indexes WHERE name = ? RETURNING name', [row.name]);
      if (still.rows.length === 0) return; // restored meanwhile by another process
      // An index build on a large catalogue takes minutes: the pool's statement_timeout is for requests.
      await trx.raw(`SET LOCAL statement_timeout = 0`);
      await trx.raw(`SET LOCAL maintenance_work_mem = '256MB'`);
      if (row.kind === 'index') await trx.raw(row.definition);
      else await trx.raw(`ALTER TABLE ${ident(row.table_name)} ADD CONSTRAINT ${ident(row.name)} ${row.definition}`);
      restored.push({ name: row.name, table: row.table_name, kind: row.kind, seconds: Math.round(performance.now() - started) / 1000 });
    });
  }

  /** Names of what is currently deferred (for reports and tests). */
  async pending(): Promise<string[]> {
    const rows = await this.knex('deferred_indexes').select('name').orderBy('name');
    return rows.map((r) => r.name as string);
  }
}

interface PendingRow {
  readonly name: string;
  readonly table_name: string;
  readonly kind: 'index' | 'constraint';
  readonly definition: string;
}

/** GIN builds (lexemes, trigrams) are the slowest: start them first so that the two workers finish together. */
function buildRank(row: PendingRow): number {
  return /\bUSING gin\b/i.test(row.definition) ? 0 : 1;
}

/** Catalog names come from pg_catalog, never from users; quoted all the same. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
