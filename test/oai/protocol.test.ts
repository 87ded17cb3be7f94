/**
 * The official validator's checks (zimeon/oaipmh-validator, run_complete_validation) and the
 * resumption-token rules, written as tests, with small page sizes so the sample catalogue (294
 * records, 5 tombstones) spans several pages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';
import type { Config } from '../../src/config/schema.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { harvestPages, importSample, OAI_RESPONSE_XSD, oaiApp, oaiGet, xp } from '../helpers/oai.js';
import { shippedConfig } from '../helpers/import.js';
import { validateFiles } from '../helpers/xmllint.js';
import { TEST_NOW } from '../helpers/app.js';

function smallPages(): Config {
  const config = structuredClone(shippedConfig()) as { oai: { pageSize: { records: number; identifiers: number } } } & Config;
  config.oai.pageSize = { records: 100, identifiers: 98 };
  return config;
}

const ID = 'oai:libgate.example.org';

/** GET without any client-side decompression. */
function rawGet(url: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}
const DATESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('OAI-PMH validator checks and token rules', () => {
  let db: Database;
  let app: Express;
  const seen: string[] = [];
  const get = async (query: string) => {
    const body = await oaiGet(app, query);
    seen.push(body);
    return body;
  };
  beforeAll(async () => {
    db = await openTestDatabase();
    await importSample(db);
    ({ app } = await oaiApp(db, { config: smallPages() }));
  }, 300_000);
  afterAll(async () => db.close());

  describe('given the Identify response', () => {
    it('has the exact baseURL, the granularity, a well-formed earliestDatestamp and one oai-identifier', async () => {
      const body = await get('verb=Identify');
      expect(xp(body, '//oai:Identify/oai:baseURL/text()')).toEqual(['http://localhost:8080/oai']);
      expect(xp(body, '//oai:request/text()')).toEqual(['http://localhost:8080/oai']);
      expect(xp(body, '//oai:granularity/text()')).toEqual(['YYYY-MM-DDThh:mm:ssZ']);
      expect(xp(body, '//oai:earliestDatestamp/text()')).toEqual(['2026-01-10T09:30:00Z']);
      expect(xp(body, '//oai:deletedRecord/text()')).toEqual(['persistent']);
      expect(xp(body, '//oai:compression/text()')).toEqual(['gzip', 'deflate']);
      expect(xp(body, "//*[local-name()='oai-identifier']/*[local-name()='repositoryIdentifier']/text()")).toEqual(['libgate.example.org']);
      expect(xp(body, '//oai:responseDate/text()')).toEqual([TEST_NOW]);
    });
  });

  describe('when a harvester lists sets, identifiers, formats and gets a record', () => {
    it('ListSets, then ListIdentifiers in oai_dc and the first set, then GetRecord with the same granularity', async () => {
      const sets = await get('verb=ListSets');
      const first = xp(sets, '//oai:set/oai:setSpec/text()')[0]!;
      const ids = await get(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=${first}`);
      const live = xp(ids, '//oai:header[not(@status)]/oai:identifier/text()')[0]!;
      expect(live).toMatch(/^oai:libgate\.example\.org:/);
      const formats = await get('verb=ListMetadataFormats');
      expect(xp(formats, '//oai:metadataPrefix/text()')).toEqual(expect.arrayContaining(['oai_dc', 'marc21', 'marcxml', 'mods']));
      const record = await get(`verb=GetRecord&identifier=${encodeURIComponent(live)}&metadataPrefix=oai_dc`);
      const datestamp = xp(record, '//oai:header/oai:datestamp/text()')[0]!;
      expect(datestamp).toMatch(DATESTAMP);
    });

    it('set=library includes the descendants, and headers list the minimal setSpecs', async () => {
      const parent = (await harvestPages(app, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=library')).flatMap((p) => xp(p, '//oai:identifier/text()'));
      const children = new Set<string>();
      for (const spec of ['library:CENTRAL', 'library:MUSIC', 'library:RARE']) {
        for (const page of await harvestPages(app, `verb=ListIdentifiers&metadataPrefix=oai_dc&set=${spec}`)) {
          for (const id of xp(page, '//oai:identifier/text()')) children.add(id);
        }
      }
      expect(new Set(parent)).toEqual(children);
      expect(parent.length).toBe(children.size); // nothing twice
      const specs = xp(await get(`verb=GetRecord&identifier=${ID}:2&metadataPrefix=oai_dc`), '//oai:setSpec/text()');
      expect(specs).toContain('library:CENTRAL');
      expect(specs).not.toContain('library');
    });
  });

  describe('given v2 error requests', () => {
    it('mixed granularity is badArgument; until a year before earliestDatestamp is noRecordsMatch', async () => {
      expect(xp(await get('verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-01&until=2026-01-20T05:35:00Z'), '//oai:error/@code')).toEqual(['badArgument']);
      expect(xp(await get('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2025-01-10T09:30:00Z'), '//oai:error/@code')).toEqual(['noRecordsMatch']);
    });

    it('a day-granularity until includes the whole day; a seconds until is inclusive', async () => {
      const day = await harvestPages(app, 'verb=ListIdentifiers&metadataPrefix=oai_dc&until=2026-01-10');
      expect(day.flatMap((p) => xp(p, '//oai:identifier/text()'))).toHaveLength(294);
      const exact = await harvestPages(app, 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-10T09:30:00Z&until=2026-01-10T09:30:00Z');
      expect(exact.flatMap((p) => xp(p, '//oai:identifier/text()'))).toHaveLength(294);
      const before = await get('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2026-01-10T09:29:59Z');
      expect(xp(before, '//oai:error/@code')).toEqual(['noRecordsMatch']);
    });

    it('badVerb and badArgument answers echo no arguments; other errors echo them', async () => {
      expect(xp(await get('verb=junk&x=1'), '//oai:request/@*')).toEqual([]);
      expect(xp(await get('verb=Identify&x=1'), '//oai:request/@*')).toEqual([]);
      expect(xp(await get('verb=ListRecords&metadataPrefix=junk'), '//oai:request/@metadataPrefix')).toEqual(['junk']);
    });
  });

  describe('given POST', () => {
    it('answers Identify and GetRecord from a form body as GET does', async () => {
      const post = await request(app).post('/oai').type('form').send('verb=Identify');
      expect(post.status).toBe(200);
      expect(post.text).toBe(await oaiGet(app, 'verb=Identify'));
      const record = await request(app).post('/oai').type('form').send(`verb=GetRecord&identifier=${encodeURIComponent(`${ID}:2`)}&metadataPrefix=marc21`);
      expect(xp(record.text, '//oai:header/oai:identifier/text()')).toEqual([`${ID}:2`]);
      const repeated = await request(app).post('/oai').type('form').send('verb=Identify&verb=Identify');
      expect(xp(repeated.text, '//oai:error/@code')).toEqual(['badVerb']);
    });
  });

  describe('resumption tokens', () => {
    it('no token when the list fits; cursor 0 and completeListSize on the first page; an empty token on the last', async () => {
      const fits = await get('verb=ListRecords&metadataPrefix=marc21&set=library:MUSIC');
      expect(xp(fits, '//oai:resumptionToken')).toEqual([]);
      const pages = await harvestPages(app, 'verb=ListRecords&metadataPrefix=oai_dc');
      seen.push(...pages);
      expect(pages).toHaveLength(3);
      expect(xp(pages[0]!, '//oai:resumptionToken/@cursor')).toEqual(['0']);
      expect(xp(pages[0]!, '//oai:resumptionToken/@completeListSize')).toEqual(['294']);
      expect(xp(pages[1]!, '//oai:resumptionToken/@cursor')).toEqual(['100']);
      expect(xp(pages[2]!, '//oai:resumptionToken/@cursor')).toEqual(['200']);
      expect(xp(pages[2]!, '//oai:resumptionToken/text()')).toEqual([]);
      const ids = pages.flatMap((p) => xp(p, '//oai:header/oai:identifier/text()'));
      expect(ids).toHaveLength(294);
      expect(new Set(ids).size).toBe(294);
      expect(pages.flatMap((p) => xp(p, '//oai:header[@status="deleted"]/oai:identifier/text()')).sort())
        .toEqual(['197', '240', '283', '291', '292'].map((n) => `${ID}:${n}`));
    });

    it('an exact multiple of the page size ends with an empty token, not an extra empty page', async () => {
      // 98 identifiers per page: 294 = 3 x 98.
      const pages = await harvestPages(app, 'verb=ListIdentifiers&metadataPrefix=marc21');
      expect(pages).toHaveLength(3);
      expect(xp(pages[2]!, '//oai:resumptionToken/@cursor')).toEqual(['196']);
      expect(xp(pages[2]!, '//oai:header')).toHaveLength(98);
    });

    it('the current and the previous token can be re-sent and give the same page', async () => {
      const first = await get('verb=ListIdentifiers&metadataPrefix=oai_dc');
      const t1 = xp(first, '//oai:resumptionToken/text()')[0]!;
      const second = await get(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(t1)}`);
      const t2 = xp(second, '//oai:resumptionToken/text()')[0]!;
      await get(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(t2)}`);
      expect(await oaiGet(app, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(t1)}`)).toBe(second);
      expect(await oaiGet(app, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(t1)}`)).toBe(second);
    });

    it('the generated key is kept in the database: another instance over it accepts the token', async () => {
      const first = await get('verb=ListIdentifiers&metadataPrefix=oai_dc');
      const token = xp(first, '//oai:resumptionToken/text()')[0]!;
      const other = (await oaiApp(db, { config: smallPages() })).app;
      expect(await oaiGet(other, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`))
        .toBe(await oaiGet(app, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`));
    });

    it('a tampered, truncated or cross-verb token is badResumptionToken', async () => {
      const first = await get('verb=ListIdentifiers&metadataPrefix=oai_dc');
      const token = xp(first, '//oai:resumptionToken/text()')[0]!;
      const [body, mac] = token.split('.');
      const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
      const forged = `${Buffer.from(JSON.stringify({ ...payload, cursor: 0, id: 1 })).toString('base64url')}.${mac}`;
      for (const bad of [forged, token.slice(0, -2), `${token}x`, 'junk', `${body}.`]) {
        expect(xp(await get(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(bad)}`), '//oai:error/@code')).toEqual(['badResumptionToken']);
      }
      expect(xp(await get(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`), '//oai:error/@code')).toEqual(['badResumptionToken']);
    });

    it('the token carries the prefix: a continuation needs no metadataPrefix and keeps the set', async () => {
      const pages = await harvestPages(app, 'verb=ListIdentifiers&metadataPrefix=marc21&set=type:text');
      const all = pages.flatMap((p) => xp(p, '//oai:header'));
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.flatMap((p) => xp(p, '//oai:header/oai:setSpec/text()')).filter((s) => s === 'type:text')).toHaveLength(all.length);
    });
  });

  describe('HTTP', () => {
    it('honours Accept-Encoding gzip and deflate, identity otherwise', async () => {
      const plain = await oaiGet(app, 'verb=ListRecords&metadataPrefix=marc21&set=library:MUSIC');
      const server = app.listen(0);
      try {
        const port = (server.address() as AddressInfo).port;
        for (const [encoding, inflate] of [['gzip', gunzipSync], ['deflate', inflateSync]] as const) {
          const { headers, body } = await rawGet(`http://127.0.0.1:${port}/oai?verb=ListRecords&metadataPrefix=marc21&set=library:MUSIC`, encoding);
          expect(headers['content-encoding']).toBe(encoding);
          expect(inflate(body).toString('utf8')).toBe(plain);
        }
      } finally {
        server.close();
      }
      const none = await request(app).get('/oai?verb=Identify').set('Accept-Encoding', 'gzip;q=0, identity');
      expect(none.headers['content-encoding']).toBeUndefined();
    });

    it('every OAI error is HTTP 200 text/xml', async () => {
      for (const query of ['', 'verb=junk', 'verb=GetRecord', 'verb=ListRecords&metadataPrefix=nope']) {
        const res = await request(app).get(`/oai?${query}`);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/xml; charset=UTF-8');
      }
    });

    it('whole harvests in every format are collected for schema validation', async () => {
      for (const prefix of ['marc21', 'marcxml', 'mods']) {
        const pages = await harvestPages(app, `verb=ListRecords&metadataPrefix=${prefix}`);
        expect(pages.flatMap((p) => xp(p, '//oai:record'))).toHaveLength(294);
        seen.push(...pages);
      }
    });

    it('every response of this file validates against the official schemas', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'oai-protocol-'));
      const files = seen.map((body, i) => {
        const file = path.join(dir, `${i}.xml`);
        writeFileSync(file, body);
        return file;
      });
      expect(files.length).toBeGreaterThan(20);
      expect(validateFiles(OAI_RESPONSE_XSD, files)).toEqual([]);
    });
  });
});

describe('when the database is down', () => {
  it('answers 503 with Retry-After, not an OAI error or a 500', async () => {
    const db = await openTestDatabase();
    const { app } = await oaiApp(db);
    await db.close();
    const res = await request(app).get('/oai?verb=ListRecords&metadataPrefix=oai_dc');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
  }, 300_000);
});
