import type { Knex } from 'knex';
import type { Clock } from '../clock.js';
import { bindings } from './bindings.js';
import type { IndexDocument, SortKey } from '../indexing/index-document.js';
import type {
  DatestampQuery, DeleteOutcome, IngestRecord, Item, ItemInput, Library, Page, StoredRecord, UpsertOutcome,
} from './types.js';

type Db = Knex | Knex.Transaction;

interface ExistingRow {
  id: number;
  local_id: string;
  content_hash: string;
  deleted: boolean;
}

/** Names for library codes met in item data: from config when declared, else the code itself. */
export type LibraryNamer = (code: string) => { name: string; pickup: boolean };

/** What one batch wrote, as write hooks see it. */
export interface WrittenBatch {
  /** Records created or updated, with their internal ids. */
  readonly live: ReadonlyArray<{ readonly id: number; readonly record: IngestRecord }>;
  /** Internal ids of records that became tombstones. */
  readonly tombstoned: readonly number[];
  /** The datestamp given to every record written by this batch. */
  readonly now: Date;
}

/**
 * Derived data kept in step with records (OAI set membership, search term lists, …). Runs inside
 * the batch's transaction, after the records and items are written: if it throws, nothing of the
 * batch is kept. Hooks live in store/ (they are SQL) and are registered in store.ts.
 */
export interface WriteHook {
  afterWrite(trx: Knex.Transaction, batch: WrittenBatch): Promise<void>;
}

/**
 * Registers a write before its transaction starts and ends it after commit or rollback: the
 * OAI-PMH harvest horizon never passes a datestamp whose transaction may still commit.
 */
export interface WriteLeases {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

const NO_LEASES: WriteLeases = { run: (fn) => fn() };

/**
 * Bibliographic records, their items and the search data written with them.
 * Every write of one batch happens in one transaction: a record is never half-written.
 */
export class RecordRepository {
  constructor(
    private readonly knex: Knex,
    private readonly clock: Clock,
    private readonly nameLibrary: LibraryNamer = (code) => ({ name: code, pickup: true }),
    private readonly hooks: readonly WriteHook[] = [],
    private readonly leases: WriteLeases = NO_LEASES,
  ) {}

  /**
   * Creates, updates, tombstones or leaves alone each record of the batch (outcomes in batch order).
   * Local ids must be unique within the batch. Throws (and writes nothing) if any statement fails.
   */
  async upsert(batch: readonly IngestRecord[]): Promise<UpsertOutcome[]> {
    if (batch.length === 0) return [];
    return this.leases.run(() => this.knex.transaction(async (trx) => {
      // A batch lost in a server crash is written again by re-running the import (upserts are
      // idempotent); not waiting for the WAL flush at each commit is worth much more than that risk.
      await trx.raw('SET LOCAL synchronous_commit = off');
      const now = this.clock.now(); // taken inside the transaction: see docs on harvest horizons
      const existing = await this.lockExisting(trx, batch.map((r) => r.localId));
      const outcomes: UpsertOutcome[] = [];
      const inserts: IngestRecord[] = [];
      const updates: Array<{ id: number; record: IngestRecord }> = [];
      const tombstones: number[] = [];
      for (const record of batch) {
        const found = existing.get(record.localId);
        if (record.deleted) {
          if (!found) inserts.push(record);
          else if (!found.deleted) tombstones.push(found.id);
          outcomes.push(found?.deleted ? 'unchanged' : 'deleted');
        } else if (!found) {
          inserts.push(record);
          outcomes.push('created');
        } else if (!found.deleted && found.content_hash === record.contentHash) {
          outcomes.push('unchanged');
        } else {
          updates.push({ id: found.id, record });
          outcomes.push('updated');
        }
      }
      const inserted = await this.insertRecords(trx, inserts, now);
      await this.updateRecords(trx, updates, now);
      await this.tombstone(trx, tombstones, now);
      const live = [
        ...inserts.filter((r) => !r.deleted).map((record) => ({ id: inserted.get(record.localId)!, record })),
        ...updates,
      ];
      await this.replaceSearchData(trx, live.map(({ id, record }) => ({ id, index: record.index })), updates.map((u) => u.id));
      await this.replaceItems(trx, live, updates.map((u) => u.id), now);
      const tombstoned = [...tombstones, ...inserts.filter((r) => r.deleted).map((r) => inserted.get(r.localId)!)];
      for (const hook of this.hooks) await hook.afterWrite(trx, { live, tombstoned, now });
      return outcomes;
    }));
  }

  /** Turns records into tombstones dated now; their items and search data go. */
  async delete(localIds: readonly string[]): Promise<DeleteOutcome[]> {
    return this.leases.run(() => this.knex.transaction(async (trx) => {
      const existing = await this.lockExisting(trx, localIds);
      const ids = [...new Set([...existing.values()].filter((row) => !row.deleted).map((row) => row.id))];
      const now = this.clock.now();
      await this.tombstone(trx, ids, now);
      for (const hook of this.hooks) await hook.afterWrite(trx, { live: [], tombstoned: ids, now });
      const done = new Set<string>();
      return localIds.map((localId) => {
        const row = existing.get(localId);
        if (!row) return 'not-found';
        if (row.deleted || done.has(localId)) return 'already-deleted';
        done.add(localId);
        return 'deleted';
      });
    }));
  }

  async get(localId: string): Promise<StoredRecord | undefined> {
    const row = await this.knex('records').where({ local_id: localId }).first();
    return row ? toStoredRecord(row) : undefined;
  }

  /** Records in the order of `localIds`; unknown ids are simply absent. */
  async getMany(localIds: readonly string[]): Promise<StoredRecord[]> {
    if (localIds.length === 0) return [];
    const rows = await this.knex('records').whereIn('local_id', [...localIds]);
    const byId = new Map(rows.map((row) => [row.local_id as string, toStoredRecord(row)]));
    return localIds.map((id) => byId.get(id)).filter((r): r is StoredRecord => r !== undefined);
  }

  /** Keyset page over (datestamp, id). Fetches limit + 1 rows to know whether more follow; never counts. */
  async listByDatestamp(query: DatestampQuery): Promise<Page<StoredRecord>> {
    const q = this.knex('records').select('*').orderBy([{ column: 'datestamp' }, { column: 'id' }]).limit(query.limit + 1);
    if (!query.includeDeleted) q.where('deleted', false);
    if (query.from) q.where('datestamp', '>=', query.from);
    if (query.before) q.where('datestamp', '<', query.before);
    if (query.after) q.whereRaw('(datestamp, id) > (?, ?)', [query.after.datestamp, query.after.id]);
    const rows = await q;
    return { rows: rows.slice(0, query.limit).map(toStoredRecord), hasMore: rows.length > query.limit };
  }

  async count(options: { includeDeleted: boolean }): Promise<number> {
    const q = this.knex('records').count<{ count: string | number }[]>({ count: '*' });
    if (!options.includeDeleted) q.where('deleted', false);
    const [row] = await q;
    return Number(row?.count ?? 0);
  }

  async earliestDatestamp(): Promise<Date | undefined> {
    const row = await this.knex('records').min<{ min: Date | null }>({ min: 'datestamp' }).first();
    return row?.min ? new Date(row.min) : undefined;
  }

  /** Items of the given records, grouped by record id, in catalogued order. */
  async itemsOf(recordIds: readonly number[]): Promise<Map<number, Item[]>> {
    const grouped = new Map<number, Item[]>();
    if (recordIds.length === 0) return grouped;
    const rows = await this.knex('items').whereIn('record_id', [...recordIds]).orderBy(['record_id', 'position']);
    for (const row of rows) {
      const item = toItem(row);
      const list = grouped.get(item.recordId);
      if (list) list.push(item);
      else grouped.set(item.recordId, [item]);
    }
    return grouped;
  }

  async libraries(): Promise<Library[]> {
    const rows = await this.knex('libraries').orderBy('code');
    return rows.map((row) => ({ code: row.code, name: row.name, isPickupLocation: row.is_pickup_location }));
  }

  /** Writes names and pickup flags declared in config (creating libraries not yet met). */
  async syncLibraries(declared: Readonly<Record<string, { name: string; pickup: boolean }>>): Promise<void> {
    const entries = Object.entries(declared);
    if (entries.length === 0) return;
    await this.knex.raw(
      `INSERT INTO libraries (code, name, is_pickup_location)
       SELECT * FROM unnest(?::text[], ?::text[], ?::boolean[])
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, is_pickup_location = excluded.is_pickup_location`,
      bindings(entries.map(([code]) => code), entries.map(([, l]) => l.name), entries.map(([, l]) => l.pickup)),
    );
  }

  private async lockExisting(trx: Db, localIds: readonly string[]): Promise<Map<string, ExistingRow>> {
    const rows: ExistingRow[] = await trx('records')
      .select('id', 'local_id', 'content_hash', 'deleted')
      .whereIn('local_id', [...new Set(localIds)])
      .forUpdate();
    return new Map(rows.map((row) => [row.local_id, { ...row, id: Number(row.id) }]));
  }

  /**
   * MARCXML and lexemes are most of the bytes a batch sends: they go as plain statement parameters
   * (a multi-row VALUES list), which the server receives without parsing, rather than inside array
   * literals or JSON that both sides must escape and unescape.
   */
  private async insertRecords(trx: Db, records: readonly IngestRecord[], now: Date): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const chunk of chunks(records, ROWS_PER_STATEMENT)) {
      const result = await trx.raw(
        `INSERT INTO records (local_id, marcxml, record_type, bib_level, content_hash, datestamp, created_at, deleted, deleted_at, search_tsv)
         SELECT v.local_id, v.marcxml, v.record_type, v.bib_level, v.content_hash, ?, ?, v.deleted,
                CASE WHEN v.deleted THEN ?::timestamptz END, CASE WHEN v.deleted THEN NULL ELSE v.search_tsv END
         FROM (VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?::boolean, ?::tsvector)').join(', ')})
           AS v(local_id, marcxml, record_type, bib_level, content_hash, deleted, search_tsv)
         RETURNING id, local_id`,
        bindings(now, now, now, ...chunk.flatMap((r) => [r.localId, r.marcxml, r.recordType, r.bibLevel, r.contentHash, r.deleted, r.index.lexemes])),
      );
      for (const row of result.rows as Array<{ id: number; local_id: string }>) ids.set(row.local_id, Number(row.id));
    }
    return ids;
  }

  private async updateRecords(trx: Db, updates: ReadonlyArray<{ id: number; record: IngestRecord }>, now: Date): Promise<void> {
    for (const chunk of chunks(updates, ROWS_PER_STATEMENT)) {
      await trx.raw(
        `UPDATE records r SET marcxml = v.marcxml, record_type = v.record_type, bib_level = v.bib_level,
                content_hash = v.content_hash, datestamp = ?, deleted = false, deleted_at = NULL, search_tsv = v.search_tsv
         FROM (VALUES ${chunk.map(() => '(?::bigint, ?, ?, ?, ?, ?::tsvector)').join(', ')})
           AS v(id, marcxml, record_type, bib_level, content_hash, search_tsv)
         WHERE r.id = v.id`,
        bindings(now, ...chunk.flatMap((u) => [u.id, u.record.marcxml, u.record.recordType, u.record.bibLevel, u.record.contentHash, u.record.index.lexemes])),
      );
    }
  }

  private async tombstone(trx: Db, ids: readonly number[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await trx.raw(
      'UPDATE records SET deleted = true, deleted_at = ?, datestamp = ?, search_tsv = NULL WHERE id = ANY(?::bigint[])',
      [now, now, [...ids]],
    );
    await trx.raw('DELETE FROM items WHERE record_id = ANY(?::bigint[])', bindings([...ids]));
    await trx.raw('DELETE FROM record_keys WHERE record_id = ANY(?::bigint[])', bindings([...ids]));
    await trx.raw('DELETE FROM record_sort_keys WHERE record_id = ANY(?::bigint[])', bindings([...ids]));
  }

  /** Live records after `afterId` in id order, with their items (what reindexing reads). */
  async listLiveForIndexing(afterId: number, limit: number): Promise<Array<{ id: number; marcxml: string; items: Item[] }>> {
    const rows = await this.knex('records').select('id', 'marcxml').where('deleted', false).andWhere('id', '>', afterId).orderBy('id').limit(limit);
    const items = await this.itemsOf(rows.map((r) => Number(r.id)));
    return rows.map((r) => ({ id: Number(r.id), marcxml: r.marcxml as string, items: items.get(Number(r.id)) ?? [] }));
  }

  /** Replaces the search data (search_tsv, keys, sort keys) of live records, in one transaction; datestamps do not change. */
  async replaceIndex(rows: ReadonlyArray<{ id: number; index: IndexDocument }>): Promise<void> {
    if (rows.length === 0) return;
    await this.knex.transaction(async (trx) => {
      await trx.raw(
        `UPDATE records r SET search_tsv = u.search_tsv FROM unnest(?::bigint[], ?::tsvector[]) AS u(id, search_tsv) WHERE r.id = u.id AND NOT r.deleted`,
        bindings(rows.map((r) => r.id), rows.map((r) => r.index.lexemes)),
      );
      await this.replaceSearchData(trx, rows, rows.map((r) => r.id));
    });
  }

  private async replaceSearchData(trx: Db, live: ReadonlyArray<{ id: number; index: IndexDocument }>, updatedIds: readonly number[]): Promise<void> {
    if (updatedIds.length > 0) {
      await trx.raw('DELETE FROM record_keys WHERE record_id = ANY(?::bigint[])', bindings([...updatedIds]));
      await trx.raw('DELETE FROM record_sort_keys WHERE record_id = ANY(?::bigint[])', bindings([...updatedIds]));
    }
    // About 25 keys per record: sent as one JSON text of [record id, index, key, value, num] rows
    // (JSON.stringify is native; array literals are built and escaped element by element in JavaScript).
    const keys: Array<[number, string, string, string, number | null]> = [];
    for (const { id, index } of live) for (const k of index.keys) keys.push([id, k.index, k.key, k.value, k.num]);
    if (keys.length > 0) {
      await trx.raw(
        `INSERT INTO record_keys (record_id, index_name, key, value, num)
         SELECT (e->>0)::bigint, e->>1, e->>2, e->>3, (e->>4)::numeric FROM jsonb_array_elements(?::jsonb) AS e`,
        bindings(JSON.stringify(keys)),
      );
    }
    const sortKeys: Array<[number, SortKey]> = live.flatMap(({ id, index }) => index.sortKeys.map((k) => [id, k] as [number, SortKey]));
    if (sortKeys.length > 0) {
      await trx.raw(
        `INSERT INTO record_sort_keys (record_id, index_name, key) SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[])`,
        bindings(sortKeys.map(([id]) => id), sortKeys.map(([, k]) => k.index), sortKeys.map(([, k]) => k.key)),
      );
    }
  }

  /**
   * Items follow the record: explicit item numbers are kept, others are matched by barcode within the
   * record or get a new number; items no longer present are removed.
   */
  private async replaceItems(trx: Db, live: ReadonlyArray<{ id: number; record: IngestRecord }>, updatedIds: readonly number[], now: Date): Promise<void> {
    const previous = new Map<string, number>(); // `${recordId}\u0000${barcode}` -> item id
    if (updatedIds.length > 0) {
      const rows = await trx('items').select('id', 'record_id', 'barcode').whereIn('record_id', [...updatedIds]);
      for (const row of rows) if (row.barcode) previous.set(`${row.record_id}\u0000${row.barcode}`, Number(row.id));
    }
    const rows: Array<{ recordId: number; position: number; id: number | undefined; item: ItemInput }> = [];
    const claimed = new Set<number>();
    for (const { id: recordId, record } of live) {
      record.items.forEach((item, position) => {
        let id = item.itemNumber ?? (item.barcode ? previous.get(`${recordId}\u0000${item.barcode}`) : undefined);
        if (id !== undefined && claimed.has(id)) id = undefined; // the same number twice in one batch: renumber the later one
        if (id !== undefined) claimed.add(id);
        rows.push({ recordId, position, id, item });
      });
    }
    const explicitMax = Math.max(0, ...rows.map((r) => r.id ?? 0));
    if (explicitMax > 0) {
      await trx.raw(
        `SELECT setval('items_id_seq', ?) WHERE ? > (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM items_id_seq)`,
        bindings(explicitMax, explicitMax),
      );
    }
    const missing = rows.filter((r) => r.id === undefined);
    if (missing.length > 0) {
      const result = await trx.raw(`SELECT nextval('items_id_seq') AS id FROM generate_series(1, ?)`, bindings(missing.length));
      (result.rows as Array<{ id: number }>).forEach((row, i) => { missing[i]!.id = Number(row.id); });
    }
    if (updatedIds.length > 0) {
      await trx.raw('DELETE FROM items WHERE record_id = ANY(?::bigint[]) AND NOT (id = ANY(?::bigint[]))', bindings([...updatedIds], rows.map((r) => r.id!)));
    }
    if (rows.length === 0) return;
    await this.ensureLibraries(trx, rows.flatMap((r) => [r.item.homeLibrary, r.item.holdingLibrary]));
    const col = <T>(pick: (item: ItemInput) => T) => rows.map((r) => pick(r.item) ?? null);
    await trx.raw(
      `INSERT INTO items (id, record_id, position, barcode, home_library, holding_library, location, call_number, item_type,
                          not_for_loan, lost, withdrawn, damaged, onloan, other_subfields, updated_at)
       SELECT u.*, ? FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::int[], ?::int[], ?::int[], ?::int[], ?::date[], ?::jsonb[]) AS u
       ON CONFLICT (id) DO UPDATE SET record_id = excluded.record_id, position = excluded.position, barcode = excluded.barcode,
         home_library = excluded.home_library, holding_library = excluded.holding_library, location = excluded.location,
         call_number = excluded.call_number, item_type = excluded.item_type, not_for_loan = excluded.not_for_loan,
         lost = excluded.lost, withdrawn = excluded.withdrawn, damaged = excluded.damaged, onloan = excluded.onloan,
         other_subfields = excluded.other_subfields, updated_at = excluded.updated_at`,
      bindings(
        now, rows.map((r) => r.id!), rows.map((r) => r.recordId), rows.map((r) => r.position),
        col((i) => i.barcode), col((i) => i.homeLibrary), col((i) => i.holdingLibrary), col((i) => i.location),
        col((i) => i.callNumber), col((i) => i.itemType), col((i) => i.notForLoan), col((i) => i.lost),
        col((i) => i.withdrawn), col((i) => i.damaged), col((i) => i.onLoan), col((i) => JSON.stringify(i.otherSubfields)),
      ),
    );
  }

  private async ensureLibraries(trx: Db, codes: ReadonlyArray<string | undefined>): Promise<void> {
    const unique = [...new Set(codes.filter((c): c is string => Boolean(c)))];
    if (unique.length === 0) return;
    const named = unique.map((code) => this.nameLibrary(code));
    await trx.raw(
      `INSERT INTO libraries (code, name, is_pickup_location) SELECT * FROM unnest(?::text[], ?::text[], ?::boolean[]) ON CONFLICT (code) DO NOTHING`,
      bindings(unique, named.map((l) => l.name), named.map((l) => l.pickup)),
    );
  }
}

/** Rows per multi-row VALUES statement: 7 parameters each stays far below the protocol's 65,535. */
const ROWS_PER_STATEMENT = 1000;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function toStoredRecord(row: Record<string, unknown>): StoredRecord {
  return {
    id: Number(row.id),
    localId: row.local_id as string,
    marcxml: row.marcxml as string,
    recordType: row.record_type as string,
    bibLevel: row.bib_level as string,
    contentHash: row.content_hash as string,
    datestamp: new Date(row.datestamp as Date),
    createdAt: new Date(row.created_at as Date),
    deleted: Boolean(row.deleted),
    deletedAt: row.deleted_at ? new Date(row.deleted_at as Date) : undefined,
  };
}

function toItem(row: Record<string, unknown>): Item {
  const text = (value: unknown) => (value === null || value === undefined ? undefined : String(value));
  return {
    id: Number(row.id),
    recordId: Number(row.record_id),
    position: Number(row.position),
    barcode: text(row.barcode),
    homeLibrary: text(row.home_library),
    holdingLibrary: text(row.holding_library),
    location: text(row.location),
    callNumber: text(row.call_number),
    itemType: text(row.item_type),
    notForLoan: Number(row.not_for_loan),
    lost: Number(row.lost),
    withdrawn: Number(row.withdrawn),
    damaged: Number(row.damaged),
    onLoan: row.onloan ? formatDate(row.onloan) : undefined,
    otherSubfields: (typeof row.other_subfields === 'string' ? JSON.parse(row.other_subfields) : row.other_subfields) as Array<[string, string]>,
  };
}

/** `date` columns are read as text (see db.ts), so no time zone can shift them. */
function formatDate(value: unknown): string {
  return String(value).slice(0, 10);
}
