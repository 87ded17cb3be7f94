import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { fixedClock } from '../../src/clock.js';
import type { Config } from '../../src/config/schema.js';
import type { Database } from '../../src/store/db.js';
import { createStore } from '../../src/store/store.js';
import { testApp } from '../helpers/app.js';
import { ILSDI_NOW, ilsdiDeps, KEYS, schemaProblems, xpathAll, xpathOne } from '../helpers/ilsdi.js';
import { importFiles, shippedConfig } from '../helpers/import.js';
import { hashApiKey } from '../../src/ilsdi/access/api-keys.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

/**
 * Koha concatenates GetAvailability's XML by hand without escaping: a library called "A & B" breaks
 * it. Here library names, titles, call numbers and locations carry &, < and quotes, and every answer
 * must still be well-formed (and schema-valid) with the text coming back exactly.
 */
const LIBRARY = 'Smith & Jones <Branch> "North"';
const TITLE = 'Tom & Jerry <live> "quoted" \'single\'';
const CALL = 'PN1997 <2> & "x"';

const record = `<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim"><record>
<leader>00000nam a2200000 a 4500</leader>
<controlfield tag="001">9001</controlfield>
<controlfield tag="008">240101s2024    xxu           000 0 eng d</controlfield>
<datafield tag="100" ind1="1" ind2=" "><subfield code="a">O'Brien &amp; "Sons" &lt;Ltd&gt;</subfield></datafield>
<datafield tag="245" ind1="1" ind2="0"><subfield code="a">${TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</subfield></datafield>
<datafield tag="952" ind1=" " ind2=" "><subfield code="a">ESC</subfield><subfield code="b">ESC</subfield><subfield code="c">Q&amp;A</subfield><subfield code="o">${CALL.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</subfield><subfield code="p">X&lt;1&gt;</subfield><subfield code="y">BK</subfield><subfield code="9">90001</subfield></datafield>
</record></collection>`;

describe(`ILS-DI escaping on ${databaseLabel()}`, () => {
  let db: Database;
  let dir: string;
  let config: Config;
  beforeAll(async () => {
    db = await openTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'ilsdi-esc-'));
    const file = path.join(dir, 'escape.xml');
    writeFileSync(file, record);
    const shipped = shippedConfig();
    config = {
      ...shipped,
      libraries: { ...shipped.libraries, ESC: { name: LIBRARY, pickup: true } },
      ilsdi: { ...shipped.ilsdi, locations: { ...shipped.ilsdi.locations, 'Q&A': 'Questions & <Answers>' } } as Config['ilsdi'],
    };
    const store = createStore(db, config, fixedClock(ILSDI_NOW));
    await store.records.syncLibraries(config.libraries);
    await importFiles(store, [file], { config });
    await store.patrons.write([{
      borrowernumber: 1, cardnumber: 'C&1', userid: 'a&b', fields: { surname: 'Dupont & "Fils" <x>', branchcode: 'ESC', categorycode: 'ADULT' },
      passwordHash: undefined, passwordExpirationDate: undefined, attributes: [], sourceHash: 'x',
    }], fixedClock(ILSDI_NOW).now());
    await store.access.createKey({ name: 'all', keyPrefix: 'x', keyHash: hashApiKey(KEYS.all), scopes: ['availability', 'patron-read', 'patron-write'] }, new Date(ILSDI_NOW));
  }, 300_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  });

  it('GetAvailability stays well-formed and gives the names back exactly', async () => {
    for (const idType of ['bib', 'item']) {
      const id = idType === 'bib' ? '9001' : '90001';
      const res = await request(testApp(ilsdiDeps(db, { config }))).get(`/ilsdi?service=GetAvailability&id=${id}+%3Cx%3E%26&id_type=${idType}`);
      expect(schemaProblems(res.text)).toBe('');
      expect(xpathOne(res.text, '//dlf:item[@id="90001"]//dlf:location')).toBe(LIBRARY);
      expect(xpathOne(res.text, '//dlf:item[@id="90001"]//dlf:itemcallnumber')).toBe(CALL);
      if (idType === 'item') expect(xpathAll(res.text, '//dlf:identifier')).toEqual(['90001', '<x>&']);
    }
  });

  it('GetRecords escapes columns and embeds the MARCXML as an escaped string that parses back', async () => {
    const res = await request(testApp(ilsdiDeps(db, { config }))).get('/ilsdi?service=GetRecords&id=9001');
    expect(schemaProblems(res.text)).toBe('');
    expect(xpathOne(res.text, '//record/title')).toBe(TITLE);
    expect(xpathOne(res.text, '//record/author')).toBe('O\'Brien & "Sons" <Ltd>');
    expect(xpathOne(res.text, '//item/holdingbranchname')).toBe(LIBRARY);
    expect(xpathOne(res.text, '//item/location_description')).toBe('Questions & <Answers>');
    expect(xpathOne(res.text, '//item/barcode')).toBe('X<1>');
    const marcxml = xpathOne(res.text, '//record/marcxml')!;
    expect(xpathOne(marcxml, '//*[local-name()="datafield"][@tag="245"]/*[@code="a"]')).toBe(TITLE);
    expect(xpathOne(marcxml, '//*[local-name()="datafield"][@tag="952"]/*[@code="b"]')).toBe('ESC');
  });

  it('patron verbs escape names and library names', async () => {
    const app = testApp(ilsdiDeps(db, { config }));
    const info = await request(app).get('/ilsdi?service=GetPatronInfo&patron_id=1').set('X-Api-Key', KEYS.all);
    expect(schemaProblems(info.text)).toBe('');
    expect(xpathOne(info.text, '/GetPatronInfo/surname')).toBe('Dupont & "Fils" <x>');
    expect(xpathOne(info.text, '/GetPatronInfo/branchname')).toBe(LIBRARY);
    const hold = await request(app).get('/ilsdi?service=HoldTitle&patron_id=1&bib_id=9001&request_location=x').set('X-Api-Key', KEYS.all);
    expect(schemaProblems(hold.text)).toBe('');
    expect(xpathOne(hold.text, '/HoldTitle/title')).toBe(TITLE);
    expect(xpathOne(hold.text, '/HoldTitle/pickup_location')).toBe(LIBRARY);
    const lookup = await request(app).get('/ilsdi?service=LookupPatron&id=C%261').set('X-Api-Key', KEYS.all);
    expect(xpathOne(lookup.text, '/LookupPatron/id')).toBe('1');
  });
});
