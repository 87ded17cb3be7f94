import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Clock } from '../../src/clock.js';
import type { Database } from '../../src/store/db.js';
import { RecordRepository } from '../../src/store/record-repository.js';
import type { IngestRecord, ItemInput } from '../../src/store/types.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

/** A clock the test moves by hand. */
function steppingClock(start: string): Clock & { advance(seconds: number): void } {
  let at = new Date(start).getTime();
  return { now: () => new Date(at), advance: (seconds) => { at += seconds * 1000; } };
}

function item(overrides: Partial<ItemInput> = {}): ItemInput {
  return {
    itemNumber: undefined, barcode: undefined, homeLibrary: 'CENTRAL', holdingLibrary: 'CENTRAL', location: 'GEN',
    callNumber: 'QA76 .K5', itemType: 'BK', notForLoan: 0, lost: 0, withdrawn: 0, damaged: 0, onLoan: undefined,
    otherSubfields: [], ...overrides,
  };
}

function record(localId: string, overrides: Partial<IngestRecord> = {}): IngestRecord {
  return {
    localId,
    marcxml: `<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">${localId}</controlfield></record>`,
    recordType: 'a',
    bibLevel: 'm',
    contentHash: `hash-${localId}-1`,
    items: [],
    index: { lexemes: "'title~art':1 'title~computer':5", keys: [{ index: 'title', key: 'the art', value: 'The art', num: null }], sortKeys: [{ index: 'title', key: 'art' }] },
    deleted: false,
    ...overrides,
  };
}

describe(`RecordRepository on ${databaseLabel()}`, () => {
  let db: Database;
  const clock = steppingClock('2024-05-01T10:00:00Z');
  let repo: RecordRepository;

  beforeAll(async () => {
    db = await openTestDatabase();
    repo = new RecordRepository(db.knex, clock, (code) => ({ name: `Library ${code}`, pickup: code !== 'RARE' }));
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.knex.raw('TRUNCATE records, items, libraries, record_keys, record_sort_keys RESTART IDENTITY CASCADE');
  });

  it('creates records, then leaves unchanged ones alone (same datestamp)', async () => {
    expect(await repo.upsert([record('1'), record('2')])).toEqual(['created', 'created']);
    const before = await repo.get('1');
    clock.advance(60);
    expect(await repo.upsert([record('1'), record('2')])).toEqual(['unchanged', 'unchanged']);
    expect((await repo.get('1'))?.datestamp).toEqual(before?.datestamp);
  });

  it('updates a changed record with a new datestamp and replaces its search data', async () => {
    await repo.upsert([record('1')]);
    clock.advance(60);
    const changed = record('1', {
      contentHash: 'hash-1-2',
      index: { lexemes: "'title~new':1", keys: [{ index: 'title', key: 'new', value: 'New', num: null }], sortKeys: [] },
    });
    expect(await repo.upsert([changed])).toEqual(['updated']);
    const stored = await repo.get('1');
    expect(stored?.datestamp).toEqual(clock.now());
    const keys = await db.knex('record_keys').select('key');
    expect(keys.map((k) => k.key)).toEqual(['new']);
    expect(await db.knex('record_sort_keys').count({ n: '*' })).toEqual([{ n: expect.anything() }]);
    const hits = await db.knex.raw(`SELECT count(*)::int AS n FROM records WHERE search_tsv @@ ?::tsquery`, ["'title~new'"]);
    expect(hits.rows[0].n).toBe(1);
  });

  it('turns deletions into tombstones dated at the deletion, and revives them on re-import', async () => {
    await repo.upsert([record('1', { items: [item({ barcode: 'b1' })] })]);
    clock.advance(30);
    expect(await repo.delete(['1', '1', 'nope'])).toEqual(['deleted', 'already-deleted', 'not-found']);
    const tomb = await repo.get('1');
    expect(tomb).toMatchObject({ deleted: true, datestamp: clock.now(), deletedAt: clock.now() });
    expect(await db.knex('items').count({ n: '*' }).first()).toMatchObject({ n: expect.anything() });
    expect(Number((await db.knex('items').count({ n: '*' }).first())?.n)).toBe(0);
    expect(Number((await db.knex('record_keys').count({ n: '*' }).first())?.n)).toBe(0);
    clock.advance(30);
    expect(await repo.upsert([record('1')])).toEqual(['updated']);
    expect(await repo.get('1')).toMatchObject({ deleted: false, deletedAt: undefined });
  });

  it('records a deletion for an unknown id as a tombstone (MARC leader/05 d)', async () => {
    expect(await repo.upsert([record('9', { deleted: true })])).toEqual(['deleted']);
    expect(await repo.get('9')).toMatchObject({ deleted: true });
    expect(await repo.upsert([record('9', { deleted: true })])).toEqual(['unchanged']);
  });

  it('keeps explicit item numbers, matches others by barcode, and creates libraries met', async () => {
    await repo.upsert([record('1', { items: [item({ itemNumber: 500, barcode: 'a' }), item({ barcode: 'b', homeLibrary: 'RARE' })] })]);
    const first = await repo.itemsOf([(await repo.get('1'))!.id]);
    const [explicit, generated] = [...first.values()][0]!;
    expect(explicit?.id).toBe(500);
    expect(generated?.id).toBeGreaterThan(500);
    clock.advance(10);
    await repo.upsert([record('1', { contentHash: 'h2', items: [item({ barcode: 'b', lost: 1 }), item({ barcode: 'c' })] })]);
    const second = [...(await repo.itemsOf([(await repo.get('1'))!.id])).values()][0]!;
    expect(second.map((i) => [i.barcode, i.lost])).toEqual([['b', 1], ['c', 0]]);
    expect(second[0]?.id).toBe(generated?.id);
    expect(await repo.libraries()).toEqual([
      { code: 'CENTRAL', name: 'Library CENTRAL', isPickupLocation: true },
      { code: 'RARE', name: 'Library RARE', isPickupLocation: false },
    ]);
  });

  it('stores the on-loan date as a plain calendar date', async () => {
    await repo.upsert([record('1', { items: [item({ onLoan: '2026-12-24' })] })]);
    const items = [...(await repo.itemsOf([(await repo.get('1'))!.id])).values()][0]!;
    expect(items[0]?.onLoan).toBe('2026-12-24');
  });

  it('pages by (datestamp, id) with a keyset cursor and says when more rows follow', async () => {
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      await repo.upsert([record(id)]);
      if (id !== 'b') clock.advance(1); // a and b share a datestamp: the id breaks the tie
    }
    const first = await repo.listByDatestamp({ includeDeleted: true, limit: 2 });
    expect(first.rows.map((r) => r.localId)).toEqual(['a', 'b']);
    expect(first.hasMore).toBe(true);
    const last = first.rows[1]!;
    const second = await repo.listByDatestamp({ includeDeleted: true, limit: 3, after: { datestamp: last.datestamp, id: last.id } });
    expect(second.rows.map((r) => r.localId)).toEqual(['c', 'd', 'e']);
    expect(second.hasMore).toBe(false);
  });

  it('writes nothing of a batch when one statement fails', async () => {
    const bad = record('2', { index: { lexemes: "'unterminated", keys: [], sortKeys: [] } });
    await expect(repo.upsert([record('1'), bad])).rejects.toThrow();
    expect(await repo.count({ includeDeleted: true })).toBe(0);
  });
});
