// Golden responses: explain, searchRetrieve (MARCXML, DC, string packing), scan and diagnostics in
// each version, compared byte for byte with test/golden/sru/<version>-<case>.xml and validated
// against the official schemas. LIBGATE_UPDATE_GOLDEN=1 rewrites the files (review the diff).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';
import type { Database } from '../../src/store/db.js';
import { testApp, testDeps } from '../helpers/app.js';
import { loadBuiltinCrosswalks } from '../helpers/crosswalks.js';
import { importFiles } from '../helpers/import.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { validateFiles } from '../helpers/xmllint.js';

const GOLDEN = path.join(REPO_ROOT, 'test', 'golden', 'sru');
const update = process.env.LIBGATE_UPDATE_GOLDEN === '1';

const CASES: ReadonlyArray<readonly [string, string]> = [
  ['explain', 'operation=explain'],
  ['search-marcxml', 'operation=searchRetrieve&query=dc.creator%3Dausten%20sortby%20dc.date&maximumRecords=2&recordSchema=marcxml'],
  ['search-dc-string', 'operation=searchRetrieve&query=dc.title%3D%22pride%20and%20prejudice%22&recordSchema=dc&PACKING=string&x-info-1-test=yes'],
  ['search-empty', 'operation=searchRetrieve&query=dc.title%3Dzzzzqqq'],
  ['scan', 'operation=scan&scanClause=dc.creator%3Dausten&maximumTerms=3&responsePosition=1'],
  ['diag-index', 'operation=searchRetrieve&query=dc.nosuchindex%3Dx'],
  ['diag-syntax', 'operation=searchRetrieve&query=%28dc.title%3Dx'],
  ['diag-scan-terms', 'operation=scan&scanClause=dc.title%3Dx&maximumTerms=1000'],
  ['diag-explain-parameter', 'operation=explain&bogus=1'],
];

const VERSIONS = ['1.1', '1.2', '2.0'] as const;

let db: Database;
let app: Express;

beforeAll(async () => {
  db = await openTestDatabase();
  const deps = testDeps(db, { crosswalks: await loadBuiltinCrosswalks() });
  await importFiles(deps.store, [`${REPO_ROOT}/sample/catalogue.xml`]);
  app = testApp(deps);
}, 180_000);

afterAll(async () => {
  await db.close();
});

function schemaFor(version: string, name: string): string {
  if (version !== '2.0') return 'sru-1.2-response.xsd';
  return name.startsWith('scan') || name === 'diag-scan-terms' ? 'sru-2.0/scan.xsd' : 'sru-2.0/sruResponse.xsd';
}

describe.each(VERSIONS)('SRU %s', (version) => {
  it.each(CASES)('%s matches its golden file and the schema', async (name, query) => {
    const packing = version === '2.0' ? 'recordXMLEscaping' : 'recordPacking';
    const res = await request(app).get(`/sru?version=${version}&${query.replace('PACKING', packing)}`);
    expect(res.status).toBe(200);
    const file = path.join(GOLDEN, `${version}-${name}.xml`);
    if (update || !existsSync(file)) writeFileSync(file, res.text);
    expect(res.text).toBe(readFileSync(file, 'utf8'));
    expect(validateFiles(schemaFor(version, name), [file])).toEqual([]);
  });
});
