// `libgate reindex`: after the index map changes, search data is recomputed from the stored records
// and items; what the import wrote is reproduced exactly for an unchanged map.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Config } from '../../src/config/schema.js';
import { compileIndexMap } from '../../src/indexing/index-map.js';
import { reindexAll } from '../../src/indexing/reindex.js';
import { main } from '../../src/main.js';
import { parseAndTranslate } from '../../src/sru/cql-to-sql.js';
import { buildIndexCatalog } from '../../src/sru/index-catalog.js';
import type { Database } from '../../src/store/db.js';
import type { Store } from '../../src/store/store.js';
import { importFiles, shippedConfig, storeFor } from '../helpers/import.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { liveRecords, plainWords, values } from '../helpers/sample-records.js';
import { openTestDatabase } from '../helpers/test-db.js';

const shipped = shippedConfig();
const withEdition: Config = {
  ...shipped,
  indexes: { ...shipped.indexes, edition: { type: 'words', sources: ['250$ab'], names: ['bib.edition', 'edition'], title: 'Edition', scan: true, sort: false, recordId: false } },
};

let db: Database;
let store: Store;

beforeAll(async () => {
  db = await openTestDatabase();
  store = storeFor(db, shipped);
  await importFiles(store, [`${REPO_ROOT}/sample/catalogue.xml`]);
}, 120_000);

afterAll(async () => {
  await db.close();
});

async function ids(config: Config, cql: string): Promise<string[]> {
  const q = parseAndTranslate(cql, buildIndexCatalog(config.indexes));
  const r = await store.search.search({ filter: q.filter, sort: [], rank: undefined, offset: 0, limit: 1000 }, { timeoutMs: 0 });
  return r.hits.map((h) => h.localId).sort();
}

describe('reindex', () => {
  it('reproduces the import for an unchanged map, items included', async () => {
    const queries = ['dc.title = history', 'library = RARE', 'dc.date >= 1990', 'callnumber = "PR4034 .P7 1813"', 'isbn = 055305340X'];
    const before = await Promise.all(queries.map((q) => ids(shipped, q)));
    const done = await reindexAll(store.records, compileIndexMap(shipped.indexes), shipped.import.items, { batchSize: 50 });
    expect(done).toBe(289);
    expect(await Promise.all(queries.map((q) => ids(shipped, q)))).toEqual(before);
    expect(before[1]!.length).toBeGreaterThan(0);
  });

  it('makes a newly configured index searchable', async () => {
    const want = liveRecords().filter((r) => values(r, '250', 'ab').some((v) => plainWords(v).includes('edition'))).map((r) => r.id).sort();
    expect(want.length).toBeGreaterThan(0);
    await reindexAll(store.records, compileIndexMap(withEdition.indexes), withEdition.import.items, { batchSize: 100 });
    expect(await ids(withEdition, 'bib.edition = edition')).toEqual(want);
  });
});

describe('libgate reindex (CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'libgate-reindex-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports, then reindexes every live record', async () => {
    const config = path.join(dir, 'libgate.yaml');
    writeFileSync(config, `database:\n  dataDir: ${path.join(dir, 'pglite')}\nserver:\n  logLevel: silent\n`);
    let stdout = '';
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['import', '--config', config, `${REPO_ROOT}/sample/catalogue.xml`], {})).toBe(0);
      expect(await main(['reindex', '--config', config], {})).toBe(0);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(stdout).toContain('reindexed 289 records');
  }, 120_000);
});
