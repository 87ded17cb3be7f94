/**
 * What the OAI-PMH provider needs from the store, in its own words: datestamp-ordered pages with
 * an optional set filter, set memberships, cached disseminations, write leases (the commit-safe
 * harvest horizon) and a few persisted facts. Protocol decisions (noRecordsMatch, tokens) are the
 * caller's; this module returns rows, `undefined` or empty pages.
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Clock } from '../clock.js';
import { parseMarcXmlRecord } from '../marc/marcxml-parse.js';
import type { CompiledRule, RuleInput } from '../oai/set-rules.js';
import { bindings } from './bindings.js';
import type { WriteHook, WriteLeases, WrittenBatch } from './record-repository.js';
import type { Page } from './types.js';

/** A record as a harvest sees it. `datestampKey` is the exact stored datestamp (microseconds), for keyset cursors. */
export interface OaiRecord {
  readonly id: number;
  readonly localId: string;
  readonly datestamp: Date;
  readonly datestampKey: string;
  readonly deleted: boolean;
  /** Present when asked for (ListRecords, GetRecord) and the record is not a tombstone. */
  readonly marcxml: string | undefined;
}

/** Position after the last row returned: (exact datestamp, id). */
export interface OaiCursor {
  readonly datestampKey: string;
  readonly id: number;
}

export interface OaiListQuery {
  /** Exclusive upper bound: the harvest's frozen horizon (and `until`). */
  readonly before: Date;
  /** Inclusive lower bound. */
  readonly from?: Date | undefined;
  /** Only members of this set or of its descendants. */
  readonly setSpec?: string | undefined;
  readonly after?: OaiCursor | undefined;
  readonly limit: number;
  readonly withMarc: boolean;
}

/** Leases older than this are from a crashed writer and no longer hold the horizon back. */
const LEASE_EXPIRY_MS = 60 * 60 * 1000;
const RECOMPUTE_BATCH = 1000;
const DATESTAMP_KEY_SQL = `to_char(r.datestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

type Db = Knex | Knex.Transaction;

export class OaiRepository {
  constructor(
    private readonly knex: Knex,
    private readonly clock: Clock,
    private readonly rules: readonly CompiledRule[],
  ) {}

  // ---------------------------------------------------------------- harvesting

  async listPage(query: OaiListQuery): Promise<Page<OaiRecord>> {
    const { where, params } = listFilter(query);
    const marc = query.withMarc ? ', CASE WHEN r.deleted THEN NULL ELSE r.marcxml END AS marcxml' : '';
    const after = query.after ? ' AND (r.datestamp, r.id) > (?::timestamptz, ?)' : '';
    const afterParams = query.after ? [query.after.datestampKey, query.after.id] : [];
    const result = await this.knex.raw(
      `SELECT r.id, r.local_id, r.datestamp, ${DATESTAMP_KEY_SQL} AS datestamp_key, r.deleted${marc}
       FROM records r WHERE ${where}${after} ORDER BY r.datestamp, r.id LIMIT ?`,
      bindings(...params, ...afterParams, query.limit + 1),
    );
    const rows = (result.rows as Array<Record<string, unknown>>).map(toOaiRecord);
    return { rows: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
  }

  /** How many rows the list holds (completeListSize); same filter as listPage without a cursor. */
  async count(query: Omit<OaiListQuery, 'after' | 'limit' | 'withMarc'>): Promise<number> {
    const { where, params } = listFilter(query);
    const result = await this.knex.raw(`SELECT count(*) AS n FROM records r WHERE ${where}`, bindings(...params));
    return Number((result.rows as Array<{ n: string | number }>)[0]?.n ?? 0);
  }

  async get(localId: string): Promise<OaiRecord | undefined> {
    const result = await this.knex.raw(
      `SELECT r.id, r.local_id, r.datestamp, ${DATESTAMP_KEY_SQL} AS datestamp_key, r.deleted,
              CASE WHEN r.deleted THEN NULL ELSE r.marcxml END AS marcxml
       FROM records r WHERE r.local_id = ?`,
      [localId],
    );
    const row = (result.rows as Array<Record<string, unknown>>)[0];
    return row ? toOaiRecord(row) : undefined;
  }

  async exists(localId: string): Promise<boolean> {
    const row = await this.knex('records').select('id').where({ local_id: localId }).first();
    return row !== undefined;
  }

  /** Set specs each record belongs to directly (ancestors implied), by record id. */
  async setSpecsOf(recordIds: readonly number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (recordIds.length === 0) return out;
    const result = await this.knex.raw(
      'SELECT record_id, set_spec FROM oai_set_members WHERE record_id = ANY(?::bigint[]) ORDER BY set_spec',
      bindings([...recordIds]),
    );
    for (const row of result.rows as Array<{ record_id: string | number; set_spec: string }>) {
      const id = Number(row.record_id);
      const list = out.get(id);
      if (list) list.push(row.set_spec);
      else out.set(id, [row.set_spec]);
    }
    return out;
  }

  // ---------------------------------------------------------------- dissemination cache

  /** Cached output still valid for the record's current datestamp and this stylesheet hash. */
  async cachedDisseminations(recordIds: readonly number[], format: string, stylesheetHash: string): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (recordIds.length === 0) return out;
    const result = await this.knex.raw(
      `SELECT d.record_id, d.xml FROM oai_disseminations d JOIN records r ON r.id = d.record_id AND r.datestamp = d.datestamp
       WHERE d.format = ? AND d.stylesheet_hash = ? AND d.record_id = ANY(?::bigint[])`,
      bindings(format, stylesheetHash, [...recordIds]),
    );
    for (const row of result.rows as Array<{ record_id: string | number; xml: string }>) out.set(Number(row.record_id), row.xml);
    return out;
  }

  async storeDisseminations(format: string, stylesheetHash: string, entries: ReadonlyArray<{ recordId: number; datestampKey: string; xml: string }>): Promise<void> {
    if (entries.length === 0) return;
    await this.knex.raw(
      `INSERT INTO oai_disseminations (record_id, format, stylesheet_hash, datestamp, xml)
       SELECT u.record_id, ?, ?, u.datestamp, u.xml FROM unnest(?::bigint[], ?::timestamptz[], ?::text[]) AS u(record_id, datestamp, xml)
       WHERE EXISTS (SELECT 1 FROM records r WHERE r.id = u.record_id)
       ON CONFLICT (record_id, format) DO UPDATE SET stylesheet_hash = excluded.stylesheet_hash, datestamp = excluded.datestamp, xml = excluded.xml`,
      bindings(format, stylesheetHash, entries.map((e) => e.recordId), entries.map((e) => e.datestampKey), entries.map((e) => e.xml)),
    );
  }

  /**
   * Precompute: live records (ids in (afterId, upToId]) whose cached output for this format and
   * stylesheet hash is missing or stale, in id order, at most `limit`, with their MARCXML.
   */
  async missingDisseminations(query: { format: string; stylesheetHash: string; afterId: number; upToId?: number | undefined; limit: number }): Promise<OaiRecord[]> {
    const upTo = query.upToId === undefined ? '' : ' AND r.id <= ?';
    const result = await this.knex.raw(
      `SELECT r.id, r.local_id, r.datestamp, ${DATESTAMP_KEY_SQL} AS datestamp_key, r.deleted, r.marcxml
       FROM records r
       WHERE r.deleted = false AND r.id > ?${upTo}
         AND NOT EXISTS (SELECT 1 FROM oai_disseminations d
                         WHERE d.record_id = r.id AND d.format = ? AND d.stylesheet_hash = ? AND d.datestamp = r.datestamp)
       ORDER BY r.id LIMIT ?`,
      bindings(query.afterId, ...(query.upToId === undefined ? [] : [query.upToId]), query.format, query.stylesheetHash, query.limit),
    );
    return (result.rows as Array<Record<string, unknown>>).map(toOaiRecord);
  }

  /** Precompute: tombstones, live records and live records without a valid cache entry for this format. */
  async disseminationCoverage(format: string, stylesheetHash: string): Promise<{ deleted: number; live: number; missing: number }> {
    const result = await this.knex.raw(
      `SELECT count(*) FILTER (WHERE r.deleted) AS deleted,
              count(*) FILTER (WHERE NOT r.deleted) AS live,
              count(*) FILTER (WHERE NOT r.deleted AND NOT EXISTS (SELECT 1 FROM oai_disseminations d
                 WHERE d.record_id = r.id AND d.format = ? AND d.stylesheet_hash = ? AND d.datestamp = r.datestamp)) AS missing
       FROM records r`,
      bindings(format, stylesheetHash),
    );
    const row = (result.rows as Array<Record<string, string | number>>)[0];
    return { deleted: Number(row?.deleted ?? 0), live: Number(row?.live ?? 0), missing: Number(row?.missing ?? 0) };
  }

  /** Precompute: the smallest and largest live record id (undefined when there is none), to split the work. */
  async liveIdRange(): Promise<{ min: number; max: number } | undefined> {
    const result = await this.knex.raw('SELECT min(id) AS min, max(id) AS max FROM records WHERE deleted = false');
    const row = (result.rows as Array<{ min: string | number | null; max: string | number | null }>)[0];
    return row?.min === null || row?.min === undefined || row.max === null ? undefined : { min: Number(row.min), max: Number(row.max) };
  }

  /** Drops cached output made by other stylesheets (after a start-up that saw a new hash). */
  async dropStaleDisseminations(format: string, stylesheetHash: string | undefined): Promise<void> {
    if (stylesheetHash === undefined) await this.knex('oai_disseminations').where({ format }).delete();
    else await this.knex('oai_disseminations').where({ format }).whereNot({ stylesheet_hash: stylesheetHash }).delete();
  }

  // ---------------------------------------------------------------- state

  async getState(key: string): Promise<string | undefined> {
    const row = await this.knex('oai_state').select('value').where({ key }).first();
    return row?.value as string | undefined;
  }

  async setState(key: string, value: string): Promise<void> {
    await this.knex.raw('INSERT INTO oai_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  /** The persisted token secret, generated (once, race-free) when there is none. */
  async tokenSecret(): Promise<string> {
    await this.knex.raw('INSERT INTO oai_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', ['token-secret', randomBytes(32).toString('base64url')]);
    const value = await this.getState('token-secret');
    if (value === undefined) throw new Error('oai_state: token secret missing after insert');
    return value;
  }

  // ---------------------------------------------------------------- horizon

  /**
   * The commit-safe horizon: no record that is not yet visible can have a datestamp before it.
   * Writers register a lease (committed on its own) before their transaction takes its datestamp
   * from the same clock, so min(now, oldest live lease) is a lower bound of every uncommitted
   * datestamp. Leases older than an hour are ignored (a crashed writer).
   */
  async horizon(): Promise<Date> {
    const now = this.clock.now();
    const row = await this.knex('oai_write_leases').min<{ min: Date | null }>({ min: 'started_at' })
      .where('started_at', '>', new Date(now.getTime() - LEASE_EXPIRY_MS)).first();
    const oldest = row?.min ? new Date(row.min) : undefined;
    return oldest !== undefined && oldest < now ? oldest : now;
  }

  /** Removes leases left by crashed writers (already ignored by horizon()). */
  async dropExpiredLeases(): Promise<number> {
    return this.knex('oai_write_leases').where('started_at', '<=', new Date(this.clock.now().getTime() - LEASE_EXPIRY_MS)).delete();
  }

  /** Lease wrapper handed to RecordRepository: every record write runs inside one. */
  readonly leases: WriteLeases = {
    run: async <T>(fn: () => Promise<T>): Promise<T> => {
      const started = this.clock.now();
      const inserted = await this.knex('oai_write_leases').insert({ started_at: started }).returning('id');
      const id = Number((inserted[0] as { id: number | string }).id);
      try {
        return await fn();
      } finally {
        await this.knex('oai_write_leases').where({ id }).delete();
      }
    },
  };

  // ---------------------------------------------------------------- set membership

  /** The write hook: membership of written records follows their content; tombstones keep theirs. */
  readonly setHook: WriteHook = {
    afterWrite: async (trx: Knex.Transaction, batch: WrittenBatch) => {
      if (this.rules.length === 0 || batch.live.length === 0) return;
      const ids = batch.live.map((l) => l.id);
      const inputs = new Map<number, RuleInput>();
      for (const { id, record } of batch.live) {
        const parsed = parseMarcXmlRecord(record.marcxml);
        if (!parsed.ok) continue;
        const libraries = record.items.flatMap((i) => [i.homeLibrary, i.holdingLibrary]).filter((c): c is string => Boolean(c));
        inputs.set(id, { marc: parsed.record, libraries });
      }
      const members = await this.evaluate(trx, ids, inputs);
      await trx.raw('DELETE FROM oai_set_members WHERE record_id = ANY(?::bigint[])', bindings(ids));
      await insertMembers(trx, members);
    },
  };

  /**
   * Recomputes every live record's membership (set definitions changed) and moves the datestamp of
   * each record whose membership changed to now. Runs in batches, each in its own transaction, under
   * a write lease. Returns how many records changed.
   */
  async recomputeMembership(): Promise<number> {
    return this.leases.run(async () => {
      let changed = 0;
      let lastId = 0;
      for (;;) {
        const rows = await this.knex('records').select('id', 'marcxml').where('deleted', false).where('id', '>', lastId).orderBy('id').limit(RECOMPUTE_BATCH);
        if (rows.length === 0) break;
        lastId = Number(rows[rows.length - 1].id);
        changed += await this.knex.transaction(async (trx) => {
          const ids = rows.map((r) => Number(r.id));
          const libs = await trx.raw(
            `SELECT record_id, home_library, holding_library FROM items WHERE record_id = ANY(?::bigint[])`,
            bindings(ids),
          );
          const libraries = new Map<number, string[]>();
          for (const row of libs.rows as Array<{ record_id: string | number; home_library: string | null; holding_library: string | null }>) {
            const list = libraries.get(Number(row.record_id)) ?? [];
            if (row.home_library) list.push(row.home_library);
            if (row.holding_library) list.push(row.holding_library);
            libraries.set(Number(row.record_id), list);
          }
          const inputs = new Map<number, RuleInput>();
          for (const row of rows) {
            const parsed = parseMarcXmlRecord(row.marcxml as string);
            if (parsed.ok) inputs.set(Number(row.id), { marc: parsed.record, libraries: libraries.get(Number(row.id)) ?? [] });
          }
          const fresh = this.rules.length === 0 ? [] : await this.evaluate(trx, ids, inputs);
          const old = await trx.raw('SELECT record_id, set_spec FROM oai_set_members WHERE record_id = ANY(?::bigint[])', bindings(ids));
          const key = (m: { recordId: number; spec: string }) => `${m.recordId}\u0000${m.spec}`;
          const before = new Set((old.rows as Array<{ record_id: string | number; set_spec: string }>).map((r) => key({ recordId: Number(r.record_id), spec: r.set_spec })));
          const after = new Set(fresh.map(key));
          const touched = new Set<number>();
          for (const k of before) if (!after.has(k)) touched.add(Number(k.split('\u0000')[0]));
          for (const k of after) if (!before.has(k)) touched.add(Number(k.split('\u0000')[0]));
          if (touched.size === 0) return 0;
          const changedIds = [...touched];
          await trx.raw('DELETE FROM oai_set_members WHERE record_id = ANY(?::bigint[])', bindings(changedIds));
          await insertMembers(trx, fresh.filter((m) => touched.has(m.recordId)));
          await trx.raw('UPDATE records SET datestamp = ? WHERE id = ANY(?::bigint[])', bindings(this.clock.now(), changedIds));
          return changedIds.length;
        });
      }
      return changed;
    });
  }

  /** Moves every live record's datestamp to now (a stylesheet changed: every dissemination did). */
  async touchAllLive(): Promise<number> {
    return this.leases.run(async () => {
      const result = await this.knex.raw('UPDATE records SET datestamp = ? WHERE deleted = false', bindings(this.clock.now()));
      return Number(result.rowCount ?? result.affectedRows ?? 0);
    });
  }

  private async evaluate(trx: Db, ids: readonly number[], inputs: ReadonlyMap<number, RuleInput>): Promise<Array<{ recordId: number; spec: string }>> {
    const members: Array<{ recordId: number; spec: string }> = [];
    for (const rule of this.rules) {
      if (rule.kind === 'js') {
        for (const [recordId, input] of inputs) if (rule.test(input)) members.push({ recordId, spec: rule.spec });
      } else {
        const result = await trx.raw(
          `SELECT r.id FROM records r WHERE r.id = ANY(?::bigint[]) AND (${rule.predicate.sql})`,
          bindings([...ids], ...rule.predicate.bindings),
        );
        for (const row of result.rows as Array<{ id: string | number }>) members.push({ recordId: Number(row.id), spec: rule.spec });
      }
    }
    return members;
  }
}

async function insertMembers(trx: Db, members: ReadonlyArray<{ recordId: number; spec: string }>): Promise<void> {
  if (members.length === 0) return;
  await trx.raw(
    `INSERT INTO oai_set_members (set_spec, record_id) SELECT * FROM unnest(?::text[], ?::bigint[]) ON CONFLICT DO NOTHING`,
    bindings(members.map((m) => m.spec), members.map((m) => m.recordId)),
  );
}

function listFilter(query: Omit<OaiListQuery, 'after' | 'limit' | 'withMarc'>): { where: string; params: unknown[] } {
  const parts = ['r.datestamp < ?'];
  const params: unknown[] = [query.before];
  if (query.from) {
    parts.push('r.datestamp >= ?');
    params.push(query.from);
  }
  if (query.setSpec !== undefined) {
    parts.push(`EXISTS (SELECT 1 FROM oai_set_members m WHERE m.record_id = r.id AND (m.set_spec = ? OR m.set_spec LIKE ? ESCAPE '\\'))`);
    params.push(query.setSpec, `${query.setSpec.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`);
  }
  return { where: parts.join(' AND '), params };
}

function toOaiRecord(row: Record<string, unknown>): OaiRecord {
  return {
    id: Number(row.id),
    localId: row.local_id as string,
    datestamp: new Date(row.datestamp as Date),
    datestampKey: row.datestamp_key as string,
    deleted: Boolean(row.deleted),
    marcxml: (row.marcxml as string | null | undefined) ?? undefined,
  };
}
