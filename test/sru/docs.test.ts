// The SRU docs cannot drift: docs/sru-indexes.md is what the generator makes from the shipped
// config, and every example query in docs/sru.md finds records in the sample catalogue.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseAndTranslate } from '../../src/sru/cql-to-sql.js';
import { buildIndexCatalog } from '../../src/sru/index-catalog.js';
import { renderIndexDocs, renderIndexSummary, README_BEGIN, README_END } from '../../src/sru/index-docs.js';
import type { Database } from '../../src/store/db.js';
import type { Store } from '../../src/store/store.js';
import { importFiles, shippedConfig, storeFor } from '../helpers/import.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { openTestDatabase } from '../helpers/test-db.js';

const config = shippedConfig();

describe('docs/sru-indexes.md', () => {
  it('is up to date with conf/libgate.yaml (run npm run docs:indexes)', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'docs', 'sru-indexes.md'), 'utf8')).toBe(renderIndexDocs(config.indexes));
  });

  it('README.md carries the same index table (run npm run docs:indexes)', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf(README_BEGIN), readme.indexOf(README_END) + README_END.length);
    expect(block).toBe(renderIndexSummary(config.indexes));
  });
});

describe('docs/sru.md examples', () => {
  let db: Database;
  let store: Store;
  beforeAll(async () => {
    db = await openTestDatabase();
    store = storeFor(db, config);
    await importFiles(store, [`${REPO_ROOT}/sample/catalogue.xml`]);
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  const text = readFileSync(path.join(REPO_ROOT, 'docs', 'sru.md'), 'utf8');
  const section = text.slice(text.indexOf('## Examples on the sample catalogue'));
  const examples = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);

  it('lists examples', () => {
    expect(examples.length).toBeGreaterThan(15);
  });

  it.each(examples)('%s finds records', async (cql) => {
    const q = parseAndTranslate(cql, buildIndexCatalog(config.indexes));
    const result = await store.search.search({ filter: q.filter, sort: q.sort, rank: q.rank, offset: 0, limit: 1 }, { timeoutMs: 0 });
    expect(result.total).toBeGreaterThan(0);
  });
});
