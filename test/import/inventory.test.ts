import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readMarcFile, readMarcXml } from '../../src/marc/index.js';
import type { Database } from '../../src/store/db.js';
import type { Store } from '../../src/store/store.js';
import { importFiles, storeFor } from '../helpers/import.js';
import { haveMarcData, marcData } from '../helpers/marc-data.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

interface InventoryRow {
  file: string;
  format: string;
  yazCount: number;
  problems: string;
}

function inventory(): InventoryRow[] {
  const [header, ...lines] = readFileSync(marcData('inventory.tsv'), 'utf8').trim().split('\n');
  const columns = header!.split('\t');
  const at = (name: string) => columns.indexOf(name);
  return lines
    .map((line) => line.split('\t'))
    .map((cells) => ({ file: cells[at('file')]!, format: cells[at('format')]!, yazCount: Number(cells[at('yaz_count')]), problems: cells[at('problems')]! }))
    .filter((row) => row.format === 'iso2709' || row.format === 'marcxml');
}

/**
 * Every MARC file of the shared inventory goes through the real import. Records are identified by
 * position so that what is counted is what was read and stored, not what 001 happens to hold.
 */
describe(`import of every inventory file on ${databaseLabel()}`, () => {
  let db: Database;
  let store: Store;
  beforeAll(async () => {
    db = await openTestDatabase();
    store = storeFor(db);
  });
  afterAll(async () => db.close());

  it('stores exactly yaz_count records of each clean file; damaged files import as far as sound, every bad record reported', async () => {
    if (!haveMarcData()) return;
    const problems: string[] = [];
    for (const row of inventory()) {
      await db.knex.raw('TRUNCATE records, items, libraries, record_keys, record_sort_keys RESTART IDENTITY CASCADE');
      let report;
      try {
        report = await importFiles(store, [marcData(row.file)], { idField: '@position', batchSize: 50 });
      } catch (error) {
        problems.push(`${row.file}: import threw ${(error as Error).message}`);
        continue;
      }
      const stored = Number((await db.knex.raw('SELECT count(*) AS n FROM records')).rows[0].n);
      const written = report.created + report.deleted;
      if (stored !== written) problems.push(`${row.file}: report says ${written} written, store holds ${stored}`);
      if (report.read !== written + report.skipped) problems.push(`${row.file}: read ${report.read} != written ${written} + skipped ${report.skipped}`);
      if (report.skips.some((s) => !s.reason || s.position < 1)) problems.push(`${row.file}: a skip without reason or position`);
      if (row.problems === '-') {
        if (stored !== row.yazCount || report.skipped !== 0) problems.push(`${row.file}: clean file gave ${stored} records and ${report.skipped} skips, yaz counts ${row.yazCount}`);
      }
      // No partial records: every stored record reads back, and the item rows are all the items read.
      let itemsRead = 0;
      for await (const result of readMarcFile(marcData(row.file))) if (result.ok) itemsRead += result.record.fields.filter((f) => f.tag === '952').length;
      const itemRows = Number((await db.knex.raw('SELECT count(*) AS n FROM items')).rows[0].n);
      if (report.skipped === 0 && itemRows !== itemsRead) problems.push(`${row.file}: ${itemsRead} items read, ${itemRows} stored`);
      const rows = await db.knex('records').select('id', 'marcxml');
      for (const stored of rows) {
        const results = [];
        for await (const result of readMarcXml([Buffer.from(stored.marcxml as string)])) results.push(result);
        if (results.length !== 1 || !results[0]!.ok) problems.push(`${row.file}: stored record ${stored.id} does not read back`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000); // ~120 files through the whole pipeline: generous on a loaded machine
});
