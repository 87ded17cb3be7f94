import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { readMarcXml } from '../../src/marc/index.js';
import type { Database } from '../../src/store/db.js';
import type { Store } from '../../src/store/store.js';
import { importFiles, storeFor } from '../helpers/import.js';
import { haveMarcData, marcData } from '../helpers/marc-data.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

const count = async (db: Database, sql: string) => Number((await db.knex.raw(sql)).rows[0].n);

describe(`import on ${databaseLabel()}`, () => {
  let db: Database;
  let store: Store;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = storeFor(db);
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.knex.raw('TRUNCATE records, items, libraries, record_keys, record_sort_keys RESTART IDENTITY CASCADE');
  });

  it('imports the Koha sample from MARCXML with its 952 items, and the ISO 2709 copy changes nothing', async () => {
    if (!haveMarcData()) return;
    const fromXml = await importFiles(store, [marcData('koha-sample/koha-sample-marc21.xml')], { idField: '999$c' });
    expect(fromXml).toMatchObject({ read: 435, created: 435, skipped: 0 });
    expect(await count(db, 'SELECT count(*) AS n FROM records')).toBe(435);
    expect(await count(db, 'SELECT count(*) AS n FROM items')).toBe(958);
    expect(await count(db, "SELECT count(*) AS n FROM records WHERE marcxml LIKE '%tag=\"952\"%'")).toBe(0);
    const hashes = (await db.knex('records').select('local_id', 'content_hash', 'datestamp').orderBy('local_id'));

    const fromIso = await importFiles(store, [marcData('koha-sample/koha-sample-marc21.mrc')], { idField: '999$c' });
    expect(fromIso).toMatchObject({ read: 435, unchanged: 435, created: 0, updated: 0, skipped: 0 });
    expect(await db.knex('records').select('local_id', 'content_hash', 'datestamp').orderBy('local_id')).toEqual(hashes);
    expect(await count(db, 'SELECT count(DISTINCT code) AS n FROM libraries')).toBeGreaterThan(1);
  });

  it('imports the benchmark corpus with one record per position', async () => {
    if (!haveMarcData()) return;
    const report = await importFiles(store, [marcData('corpus/bench-corpus.mrc')], { idField: '@position' });
    expect(report).toMatchObject({ read: 1149, created: 1149, skipped: 0 });
    expect(await count(db, 'SELECT count(*) AS n FROM records')).toBe(1149);
    expect(await count(db, 'SELECT count(*) AS n FROM items')).toBe(970);
  });

  it('converts a MARC-8 record with diacritics to UTF-8 MARCXML', async () => {
    if (!haveMarcData()) return;
    const report = await importFiles(store, [marcData('sources/marc4j/brkrtest.mrc')], { idField: '@position' });
    expect(report).toMatchObject({ created: 8, skipped: 0 });
    const stored = await db.knex('records').select('marcxml').orderBy('id');
    const all = stored.map((r) => r.marcxml as string).join('').normalize('NFC');
    for (const word of ['Łódź', 'København', 'Löwenbräu', 'mañana', 'időszaki', 'črny', 'årbok', '¿Que pasó?']) expect(all).toContain(word);
    expect(all).not.toMatch(/[\u0080-\u009f]/); // no raw MARC-8 bytes leaked as C1 controls
    const leader = (await readAll(stored[1]!.marcxml)).leader;
    expect(leader.charAt(9)).toBe('a');
  });

  it('skips a record without an identifier, reports it with file and position, and exits non-zero material', async () => {
    if (!haveMarcData()) return;
    const report = await importFiles(store, [marcData('koha-sample/koha-sample-marc21.xml')], { idField: '001' });
    expect(report.skipped).toBe(53);
    expect(report.skips[0]).toMatchObject({ file: marcData('koha-sample/koha-sample-marc21.xml'), reason: 'no identifier in 001' });
    expect(report.skips[0]!.position).toBeGreaterThan(0);
    expect(report.created + report.updated + report.unchanged + report.skipped).toBe(435);
  });

  it('reports and skips records the reader cannot read, keeping the sound ones', async () => {
    if (!haveMarcData()) return;
    const report = await importFiles(store, [marcData('sources/ruby-marc/three-records-second-bad.xml')], { idField: '@position' });
    expect(report.read).toBe(3);
    expect(report.skipped).toBe(1);
    expect(report.skips[0]).toMatchObject({ position: 2 });
    expect(await count(db, 'SELECT count(*) AS n FROM records')).toBe(2);
  });

  it('stops at the first bad record with --strict, after committing what came before', async () => {
    if (!haveMarcData()) return;
    await expect(importFiles(store, [marcData('sources/ruby-marc/three-records-second-bad.xml')], { idField: '@position', strict: true, batchSize: 1 }))
      .rejects.toThrow(/record 2/);
    expect(await count(db, 'SELECT count(*) AS n FROM records')).toBe(1);
  });

  it('counts characters XML forbids that were removed on the way in', async () => {
    if (!haveMarcData()) return;
    const report = await importFiles(store, [marcData('sources/idzebra/sample-marc')], { idField: '@position' });
    expect(report.illegalCharsReplaced).toBeGreaterThan(0);
    const xml = (await db.knex('records').select('marcxml')).map((r) => r.marcxml).join('');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('isolates a record the database refuses: the rest of its batch is written, it is reported', async () => {
    if (!haveMarcData()) return;
    await db.knex.raw("ALTER TABLE records ADD CONSTRAINT test_refuse CHECK (local_id <> '3')");
    try {
      const report = await importFiles(store, [marcData('corpus/bench-corpus.mrc')], { idField: '@position', batchSize: 100 });
      expect(report).toMatchObject({ read: 1149, created: 1148, skipped: 1 });
      expect(report.skips[0]).toMatchObject({ position: 3 });
      expect(report.skips[0]!.reason).toMatch(/^database refused the record/);
    } finally {
      await db.knex.raw('ALTER TABLE records DROP CONSTRAINT test_refuse');
    }
  });

  it('bulk-loads an empty store with search indexes and foreign keys deferred, storing exactly what an incremental import does', async () => {
    const sample = `${REPO_ROOT}/sample/catalogue.xml`;
    const schemaObjects = async () => {
      const rows = await db.knex.raw(
        `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema()
           AND tablename IN ('records', 'record_keys', 'record_sort_keys', 'items')
         UNION ALL
         SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
          WHERE contype = 'f' AND conrelid IN ('records'::regclass, 'record_keys'::regclass, 'record_sort_keys'::regclass, 'items'::regclass)
         ORDER BY 1`,
      );
      return rows.rows as Array<{ name: string; def: string }>;
    };
    const snapshot = async () => ({
      records: await db.knex.raw('SELECT id, local_id, marcxml, content_hash, deleted, search_tsv::text AS tsv FROM records ORDER BY id').then((r) => r.rows),
      keys: await db.knex.raw('SELECT record_id, index_name, key, value, num FROM record_keys ORDER BY 1, 2, 3, 4').then((r) => r.rows),
      sortKeys: await db.knex.raw('SELECT * FROM record_sort_keys ORDER BY 1, 2').then((r) => r.rows),
      items: await db.knex.raw('SELECT id, record_id, position, barcode, home_library, onloan, other_subfields FROM items ORDER BY id').then((r) => r.rows),
    });
    const before = await schemaObjects();
    expect(before.map((o) => o.name)).toEqual(expect.arrayContaining(['records_search_tsv', 'record_keys_lookup', 'record_keys_record_id_fkey']));

    const incremental = await importFiles(store, [sample]);
    const expected = await snapshot();
    await db.knex.raw('TRUNCATE records, items, libraries, record_keys, record_sort_keys RESTART IDENTITY CASCADE');

    const bulk = await importFiles(store, [sample], { bulkLoad: true, batchSize: 50 });
    expect(bulk).toEqual(incremental);
    expect(await snapshot()).toEqual(expected);
    expect(await schemaObjects()).toEqual(before);
    expect(await store.deferredIndexes.pending()).toEqual([]);

    // A store that holds records is never bulk-loaded: nothing is deferred and re-importing changes nothing.
    expect(await store.deferredIndexes.defer()).toEqual([]);
    const again = await importFiles(store, [sample], { bulkLoad: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: incremental.read });
    expect(await snapshot()).toEqual(expected);
  });

  it('repairs a bulk load that was interrupted: restore() recreates whatever is still deferred', async () => {
    const before = await db.knex.raw(`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1`).then((r) => r.rows);
    const deferred = await store.deferredIndexes.defer();
    expect(deferred.map((d) => d.name)).toEqual(expect.arrayContaining(['records_search_tsv', 'record_keys_lookup', 'items_record_id_fkey']));
    expect(deferred.map((d) => d.name)).not.toContain('records_local_id_key');
    expect(await store.deferredIndexes.pending()).toEqual(deferred.map((d) => d.name).sort());
    // (the import process dies here; the next start that migrates runs restore)
    const restored = await store.deferredIndexes.restore();
    expect(restored.map((d) => d.name).sort()).toEqual(deferred.map((d) => d.name).sort());
    expect(await db.knex.raw(`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1`).then((r) => r.rows)).toEqual(before);
    expect(await store.deferredIndexes.restore()).toEqual([]);
  });
});

async function readAll(xml: string) {
  for await (const result of readMarcXml([Buffer.from(xml)])) if (result.ok) return result.record;
  throw new Error('stored MARCXML did not read back');
}

