/**
 * Golden responses for every verb and every error, with a fixed clock (responseDate 2026-01-15T12:00:00Z,
 * sample imported at 2026-01-10T09:30:00Z). Each case is one request; the answer must equal
 * test/golden/oai/<name>.xml byte for byte, and every answer validates against the official schemas
 * (OAI-PMH, oai_dc, MARC21 slim, MODS, oai-identifier). UPDATE_GOLDEN=1 rewrites the files (review the diff).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { importSample, OAI_RESPONSE_XSD, oaiApp } from '../helpers/oai.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { validateFiles } from '../helpers/xmllint.js';

const GOLDEN = path.join(REPO_ROOT, 'test', 'golden', 'oai');
const ID = 'oai:libgate.example.org';

/** name -> query string (GET), or [form body] for POST. */
const CASES: Record<string, string | [string]> = {
  'identify': 'verb=Identify',
  'identify-post': ['verb=Identify'],
  'list-metadata-formats': 'verb=ListMetadataFormats',
  'list-metadata-formats-identifier': `verb=ListMetadataFormats&identifier=${ID}:1`,
  'list-metadata-formats-deleted': `verb=ListMetadataFormats&identifier=${ID}:197`,
  'list-sets': 'verb=ListSets',
  'list-identifiers-set': 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=library:MUSIC',
  'list-identifiers-deleted-in-range': 'verb=ListIdentifiers&metadataPrefix=marc21&from=2026-01-10&until=2026-01-10',
  'list-records-marc21-set': 'verb=ListRecords&metadataPrefix=marc21&set=library:MUSIC',
  'list-records-oai_dc-set': 'verb=ListRecords&metadataPrefix=oai_dc&set=type:video',
  'list-records-mods-set': 'verb=ListRecords&metadataPrefix=mods&set=library:MUSIC',
  'get-record-marc21': `verb=GetRecord&identifier=${ID}:2&metadataPrefix=marc21`,
  'get-record-marcxml-alias': `verb=GetRecord&identifier=${ID}:2&metadataPrefix=marcxml`,
  'get-record-oai_dc': `verb=GetRecord&identifier=${ID}:2&metadataPrefix=oai_dc`,
  'get-record-mods': `verb=GetRecord&identifier=${ID}:2&metadataPrefix=mods`,
  'get-record-deleted': `verb=GetRecord&identifier=${ID}:197&metadataPrefix=oai_dc`,
  'get-record-post': [`verb=GetRecord&identifier=${encodeURIComponent(`${ID}:2`)}&metadataPrefix=oai_dc`],
  // errors
  'error-no-verb': '',
  'error-junk': 'junk',
  'error-verb-junk': 'verb=junk',
  'error-verb-repeated': 'verb=Identify&verb=Identify',
  'error-identify-extra-argument': 'verb=Identify&metadataPrefix=oai_dc',
  'error-list-records-no-prefix': 'verb=ListRecords',
  'error-list-identifiers-no-prefix': 'verb=ListIdentifiers&from=2026-01-01',
  'error-get-record-no-arguments': 'verb=GetRecord',
  'error-get-record-missing-identifier': 'verb=GetRecord&metadataPrefix=oai_dc',
  'error-argument-repeated': 'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=marc21',
  'error-bad-from': 'verb=ListRecords&metadataPrefix=oai_dc&from=junk',
  'error-bad-until-fraction': 'verb=ListRecords&metadataPrefix=oai_dc&until=2026-01-10T00:00:00.5Z',
  'error-bad-until-offset': 'verb=ListRecords&metadataPrefix=oai_dc&until=2026-01-10T00:00:00%2B01:00',
  'error-bad-date-no-z': 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-10T00:00:00',
  'error-impossible-date': 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-02-30',
  'error-mixed-granularity': 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-01&until=2026-01-20T05:35:00Z',
  'error-from-after-until': 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-20&until=2026-01-01',
  'error-several-at-once': 'verb=ListRecords&from=junk&foo=bar&set=a%20b',
  'error-until-before-earliest': 'verb=ListIdentifiers&metadataPrefix=oai_dc&until=2025-01-10T09:30:00Z',
  'error-bad-token': 'verb=ListRecords&resumptionToken=junk',
  'error-token-with-until': 'verb=ListRecords&resumptionToken=junk&until=2026-01-01',
  'error-list-sets-token': 'verb=ListSets&resumptionToken=junk',
  'error-unknown-prefix': 'verb=ListRecords&metadataPrefix=junk',
  'error-unknown-prefix-and-unknown-id': `verb=GetRecord&identifier=${ID}:nope&metadataPrefix=junk`,
  'error-unknown-identifier': `verb=GetRecord&identifier=${ID}:99999&metadataPrefix=oai_dc`,
  'error-foreign-identifier': 'verb=GetRecord&identifier=oai:elsewhere.org:1&metadataPrefix=oai_dc',
  'error-identifier-with-quote': 'verb=GetRecord&identifier=invalid%22id&metadataPrefix=oai_dc',
  'error-list-metadata-formats-unknown-id': 'verb=ListMetadataFormats&identifier=really-wrong-id',
  'error-unknown-set': 'verb=ListRecords&metadataPrefix=oai_dc&set=nosuchset',
  'error-empty-set': 'verb=ListRecords&metadataPrefix=oai_dc&set=library:MUSIC&from=2026-01-11',
};

describe('OAI-PMH golden responses', () => {
  let db: Database;
  let app: Express;
  const answers = new Map<string, string>();
  beforeAll(async () => {
    db = await openTestDatabase();
    await importSample(db);
    ({ app } = await oaiApp(db));
    for (const [name, spec] of Object.entries(CASES)) {
      const res = typeof spec === 'string'
        ? await request(app).get(`/oai${spec === '' ? '' : `?${spec}`}`)
        : await request(app).post('/oai').type('form').send(spec[0]);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=UTF-8');
      answers.set(name, res.text);
    }
  }, 300_000);
  afterAll(async () => db.close());

  it.each(Object.keys(CASES))('%s', (name) => {
    const file = path.join(GOLDEN, `${name}.xml`);
    const body = answers.get(name)!;
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, body);
    expect(body).toBe(readFileSync(file, 'utf8'));
  });

  it('every answer validates against the official schemas', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oai-golden-'));
    const files = [...answers].map(([name, body]) => {
      const file = path.join(dir, `${name}.xml`);
      writeFileSync(file, body);
      return file;
    });
    expect(validateFiles(OAI_RESPONSE_XSD, files)).toEqual([]);
  });
});
