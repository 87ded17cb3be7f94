// The SRU endpoint through the app: versions, transports, operations, diagnostics. Every response is
// validated against the official schemas (srw-types for 1.x, OASIS for 2.0, ZeeRex inside).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DOMParser } from '@xmldom/xmldom';
import type { Express } from 'express';
import request from 'supertest';
import xpath from 'xpath';
import type { Database } from '../../src/store/db.js';
import { testApp, testDeps } from '../helpers/app.js';
import { loadBuiltinCrosswalks } from '../helpers/crosswalks.js';
import { importFiles } from '../helpers/import.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { validateFiles } from '../helpers/xmllint.js';

const NS = {
  zs: 'http://www.loc.gov/zing/srw/',
  diag: 'http://www.loc.gov/zing/srw/diagnostic/',
  sru: 'http://docs.oasis-open.org/ns/search-ws/sruResponse',
  scan: 'http://docs.oasis-open.org/ns/search-ws/scan',
  d2: 'http://docs.oasis-open.org/ns/search-ws/diagnostic',
  zr: 'http://explain.z3950.org/dtd/2.0/',
  marc: 'http://www.loc.gov/MARC21/slim',
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
};
const select = xpath.useNamespaces(NS);

let db: Database;
let app: Express;
const outDir = mkdtempSync(path.join(os.tmpdir(), 'libgate-sru-'));
const written: Array<{ file: string; schema: string }> = [];

beforeAll(async () => {
  db = await openTestDatabase();
  const deps = testDeps(db, { crosswalks: await loadBuiltinCrosswalks() });
  await importFiles(deps.store, [`${REPO_ROOT}/sample/catalogue.xml`]);
  app = testApp(deps);
}, 180_000);

afterAll(async () => {
  await db.close();
});

/** GETs /sru?query, parses, and queues the body for schema validation. */
async function get(query: string, schema?: string): Promise<Document> {
  const res = await request(app).get(`/sru${query ? `?${query}` : ''}`);
  expect(res.status).toBe(200);
  return keep(res.text, schema ?? (/version=1\./.test(query) ? 'sru-1.2-response.xsd' : 'sru-2.0/sruResponse.xsd'));
}

function keep(body: string, schema: string): Document {
  const file = path.join(outDir, `${written.length}.xml`);
  writeFileSync(file, body);
  written.push({ file, schema });
  return new DOMParser().parseFromString(body, 'text/xml') as unknown as Document;
}

const str = (doc: Document, expr: string) => String(select(`string(${expr})`, doc as unknown as Node));
const count = (doc: Document, expr: string) => Number(select(`count(${expr})`, doc as unknown as Node));

describe('SRU explain', () => {
  it('answers a bare GET with a 2.0 explain record generated from config', async () => {
    const doc = await get('');
    expect(str(doc, '/sru:explainResponse/sru:record/sru:recordSchema')).toBe('http://explain.z3950.org/dtd/2.0/');
    expect(count(doc, '//zr:index/zr:map/zr:name[@set="dc" and .="title"]')).toBe(1);
    expect(str(doc, '//zr:configInfo/zr:default[@type="numberOfRecords"]')).toBe('10');
  });

  it('answers 1.1 and 1.2 in the srw namespace with the version', async () => {
    for (const version of ['1.1', '1.2']) {
      const doc = await get(`operation=explain&version=${version}`);
      expect(str(doc, '/zs:explainResponse/zs:version')).toBe(version);
      expect(count(doc, '//zr:explain/zr:serverInfo')).toBe(1);
    }
  });
});

describe('SRU searchRetrieve', () => {
  it('1.2: counts, pages with recordPosition and nextRecordPosition, echoes the request with xQuery', async () => {
    const doc = await get('operation=searchRetrieve&version=1.2&query=dc.subject%3Dfiction&maximumRecords=3&recordSchema=marcxml');
    const hits = Number(str(doc, '/zs:searchRetrieveResponse/zs:numberOfRecords'));
    expect(hits).toBeGreaterThan(3);
    expect(count(doc, '//zs:record')).toBe(3);
    expect(str(doc, '//zs:record[3]/zs:recordPosition')).toBe('3');
    expect(str(doc, '//zs:nextRecordPosition')).toBe('4');
    expect(count(doc, '//zs:record/zs:recordData/marc:record')).toBe(3);
    expect(count(doc, '//zs:echoedSearchRetrieveRequest/zs:xQuery')).toBe(1);
    const last = await get(`operation=searchRetrieve&version=1.2&query=dc.subject%3Dfiction&maximumRecords=3&startRecord=${hits - 1}`);
    expect(count(last, '//zs:record')).toBe(2);
    expect(count(last, '//zs:nextRecordPosition')).toBe(0);
  });

  it('2.0 (no version): OASIS namespaces, recordXMLEscaping, dc and mods through the crosswalks', async () => {
    const dc = await get('query=austen&recordSchema=dc&maximumRecords=2');
    expect(Number(str(dc, '/sru:searchRetrieveResponse/sru:numberOfRecords'))).toBeGreaterThan(0);
    expect(str(dc, '//sru:record[1]/sru:recordSchema')).toBe('info:srw/schema/1/dc-v1.1');
    expect(str(dc, '//sru:record[1]/sru:recordXMLEscaping')).toBe('xml');
    const mods = await get('query=austen&recordSchema=info:srw/schema/1/mods-v3.7&maximumRecords=1');
    expect(count(mods, '//sru:record/sru:recordData/*[local-name()="mods"]')).toBe(1);
  });

  it('string packing escapes the record; marcxml carries 952 items', async () => {
    const doc = await get('version=1.1&operation=searchRetrieve&query=rec.id%3D1&recordPacking=string');
    const data = str(doc, '//zs:record/zs:recordData');
    expect(data).toContain('<record xmlns="http://www.loc.gov/MARC21/slim">');
    expect(data).toContain('tag="952"');
  });

  it('sorts with sortby and with 1.1 sortKeys alike', async () => {
    const a = await get('version=1.2&operation=searchRetrieve&query=dc.subject%3Dfiction%20sortby%20dc.title&maximumRecords=5&recordSchema=dc');
    const b = await get('version=1.1&operation=searchRetrieve&query=dc.subject%3Dfiction&sortKeys=dc.title,,1&maximumRecords=5&recordSchema=dc');
    const titles = (d: Document) => (select('//zs:record/zs:recordData//*[local-name()="title"]/text()', d as unknown as Node) as Node[]).map((n) => n.nodeValue);
    expect(titles(a)).toEqual(titles(b));
  });

  it.each([
    ['version=1.2&operation=searchRetrieve', '7', 'query'],
    ['version=1.2&operation=searchRetrieve&query=foo.title%3Dx', '15', 'foo'],
    ['version=1.2&operation=searchRetrieve&query=dc.nothing%3Dx', '16', 'dc.nothing'],
    ["version=1.2&operation=searchRetrieve&query=dc.title%3D", "10", undefined],
    ['version=1.2&operation=searchRetrieve&query=dc.title%3D%2Fphonetic%20x', '20', 'phonetic'],
    ['version=1.2&operation=searchRetrieve&query=dc.date%20encloses%20x', '36', 'x'],
    ['version=1.2&operation=searchRetrieve&query=dc.title%20encloses%20x', '22', 'dc.title encloses'],
    ['version=1.2&operation=searchRetrieve&query=a%20and%2Ffoo%20b', '46', 'foo'],
    ['version=1.2&operation=searchRetrieve&query=a%20prox%2Funit%3Dsentence%20b', '42', 'sentence'],
    ['version=1.2&operation=searchRetrieve&query=*abc', '49', '*abc'],
    ['version=1.2&operation=searchRetrieve&query=x&recordSchema=foo', '66', 'foo'],
    ['version=1.2&operation=searchRetrieve&query=x&recordPacking=json', '71', 'json'],
    ['version=1.2&operation=searchRetrieve&query=x&startRecord=0', '6', 'startRecord'],
    ['version=1.2&operation=searchRetrieve&query=x&bogus=1', '8', 'bogus'],
    ['version=1.2&operation=searchRetrieve&query=x&sortKeys=title', '8', 'sortKeys'],
    ['version=1.2&operation=searchRetrieve&query=x%20sortby%20dc.subject', '88', 'dc.subject'],
    ['version=1.2&operation=frobnicate', '4', 'frobnicate'],
    ['version=3.5&query=x', '5', '2.0'],
    [`version=1.2&operation=searchRetrieve&query=${'a'.repeat(2001)}`, '12', '2000'],
    [`version=1.2&operation=searchRetrieve&query=${Array.from({ length: 34 }, () => 'a').join('%20and%20')}`, '38', '32'],
    ['version=1.2&operation=searchRetrieve&query=x&recordXMLEscaping=xml', '8', 'recordXMLEscaping'],
    ['version=1.1&operation=searchRetrieve&query=x&recordXPath=/a', '72', undefined],
    ['version=1.1&operation=searchRetrieve&query=x&sortKeys=dc.title,,1,1', '91', '1'],
  ])('%s gives diagnostic %s', async (query, code, details) => {
    const doc = await get(query, query.startsWith('version=3') ? 'sru-2.0/sruResponse.xsd' : 'sru-1.2-response.xsd');
    const prefix = query.startsWith('version=3') ? 'd2' : 'diag';
    expect(str(doc, `//${prefix}:diagnostic/${prefix}:uri`)).toBe(`info:srw/diagnostic/1/${code}`);
    if (details !== undefined) expect(str(doc, `//${prefix}:diagnostic/${prefix}:details`)).toBe(details);
    if (query.includes('searchRetrieve') && !query.includes('frobnicate')) expect(str(doc, '//zs:numberOfRecords')).toBe('0');
  });

  it('puts a stylesheet instruction before the root when asked', async () => {
    const res = await request(app).get('/sru?version=1.2&operation=searchRetrieve&query=rec.id%3D1&stylesheet=/s.xsl');
    expect(res.text).toMatch(/^<\?xml[^>]*\?>\n<\?xml-stylesheet type="text\/xsl" href="\/s.xsl"\?>\n<zs:searchRetrieveResponse/);
  });

  it('a start beyond the hits is a non-fatal 61 with the count', async () => {
    const doc = await get('version=1.2&operation=searchRetrieve&query=rec.id%3D1&startRecord=5');
    expect(str(doc, '//zs:numberOfRecords')).toBe('1');
    expect(str(doc, '//diag:uri')).toBe('info:srw/diagnostic/1/61');
  });

  it('answers POST forms and SOAP 1.1 the same', async () => {
    const post = await request(app).post('/sru').type('form').send('version=1.2&operation=searchRetrieve&query=rec.id%3D1');
    const postDoc = keep(post.text, 'sru-1.2-response.xsd');
    expect(str(postDoc, '//zs:numberOfRecords')).toBe('1');
    const envelope = '<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>'
      + '<SRW:searchRetrieveRequest xmlns:SRW="http://www.loc.gov/zing/srw/"><SRW:version>1.2</SRW:version><SRW:query>rec.id=1</SRW:query>'
      + '<SRW:maximumRecords>1</SRW:maximumRecords><SRW:recordSchema>marcxml</SRW:recordSchema></SRW:searchRetrieveRequest></SOAP-ENV:Body></SOAP-ENV:Envelope>';
    const soap = await request(app).post('/sru').set('Content-Type', 'text/xml').send(envelope);
    expect(soap.status).toBe(200);
    const doc = new DOMParser().parseFromString(soap.text, 'text/xml') as unknown as Document;
    expect(str(doc, '/soap:Envelope/soap:Body/zs:searchRetrieveResponse/zs:numberOfRecords')).toBe('1');
  });
});

describe('SRU scan', () => {
  it('lists terms with counts, display terms and whereInList around the start term', async () => {
    const doc = await get('version=1.2&operation=scan&scanClause=dc.title%3Dp&maximumTerms=5&responsePosition=2');
    expect(count(doc, '//zs:term')).toBe(5);
    expect(str(doc, '//zs:term[1]/zs:whereInList')).toBe('first');
    expect(str(doc, '//zs:term[2]/zs:value') >= 'p').toBe(true);
    expect(str(doc, '//zs:term[1]/zs:value') < 'p').toBe(true);
    expect(Number(str(doc, '//zs:term[2]/zs:numberOfRecords'))).toBeGreaterThan(0);
    const v2 = await get('scanClause=dc.creator%3Daus&maximumTerms=3', 'sru-2.0/scan.xsd');
    expect(count(v2, '//scan:term')).toBe(3);
  });

  it.each([
    ['version=1.2&operation=scan&scanClause=dc.title%3Dp&maximumTerms=1000', '121'],
    ['version=1.2&operation=scan&scanClause=dc.title%3Dp&maximumTerms=5&responsePosition=9', '120'],
    ['version=1.2&operation=scan&scanClause=dc.date%3E1900', '19'],
    ['version=1.2&operation=scan&scanClause=cql.serverChoice%3Dx', '16'],
  ])('%s gives diagnostic %s', async (query, code) => {
    const doc = await get(query);
    expect(str(doc, '//diag:uri')).toBe(`info:srw/diagnostic/1/${code}`);
  });
});

describe('every response', () => {
  it('validates against the official schemas', () => {
    const bySchema = new Map<string, string[]>();
    for (const { file, schema } of written) bySchema.set(schema, [...(bySchema.get(schema) ?? []), file]);
    for (const [schema, files] of bySchema) expect(validateFiles(schema, files)).toEqual([]);
  });
});
