import { describe, expect, it } from '@jest/globals';
import { readMarcXml } from './marcxml-reader.js';
import { readMarcFile } from './read-file.js';
import type { MarcRecord, ReadResult } from './record.js';
import { controlValue, subfieldValues } from './fields.js';
import { haveMarcData, marcData } from '../../test/helpers/marc-data.js';
import { readAll } from '../../test/helpers/read-all.js';

const LEADER = '00000nam a2200000 a 4500';
const xml = (body: string): Buffer[] => [Buffer.from(body, 'utf8')];

function records(results: ReadResult[]): MarcRecord[] {
  return results.map((result) => {
    if (!result.ok) throw new Error(`record ${result.position} failed: ${result.reason}`);
    return result.record;
  });
}

function withoutLengths(record: MarcRecord): MarcRecord {
  return { ...record, leader: `00000${record.leader.slice(5, 12)}00000${record.leader.slice(17)}` };
}

describe('readMarcXml', () => {
  it('reads a collection with a namespace prefix, decoding entities and character references', async () => {
    const input = `<?xml version="1.0"?><marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">
      <marc:record><marc:leader>${LEADER}</marc:leader><marc:controlfield tag="001"> id 1 </marc:controlfield>
      <marc:datafield tag="245" ind1="1" ind2="0"><marc:subfield code="a">Tom &amp; Jerry &lt;3 &#x263A;&#233;<![CDATA[ <raw&> ]]></marc:subfield></marc:datafield>
      </marc:record></marc:collection>`;
    const [record] = records(await readAll(readMarcXml(xml(input))));
    expect(controlValue(record!, '001')).toBe(' id 1 '); // whitespace in values is data
    expect(subfieldValues(record!, '245$a')).toEqual(['Tom & Jerry <3 ☺é <raw&> ']);
  });

  it('reads a single record without namespace, split across chunks inside a multibyte character', async () => {
    const bytes = Buffer.from(`<record><leader>${LEADER}</leader><datafield tag="245" ind1="0" ind2="0"><subfield code="a">東京</subfield></datafield></record>`);
    const results = await readAll(readMarcXml([...bytes].map((byte) => Buffer.from([byte]))));
    expect(subfieldValues(records(results)[0]!, '245$a')).toEqual(['東京']);
  });

  it('fails a record that is not well-formed and goes on with the next', async () => {
    const good = `<record><leader>${LEADER}</leader><controlfield tag="001">x</controlfield></record>`;
    const input = `<collection>${good}<record><leader>${LEADER}</leader><controlfield tag="001">broken</record>${good}</collection>`;
    const results = await readAll(readMarcXml(xml(input)));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ position: 2, reason: expect.stringMatching(/not well-formed XML/) });
  });

  it('never resolves external or DTD entities', async () => {
    const input = `<?xml version="1.0"?><!DOCTYPE collection [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY big "BIG">]>
      <collection><record><leader>${LEADER}</leader><controlfield tag="001">&xxe;&big;</controlfield></record></collection>`;
    const [result] = await readAll(readMarcXml(xml(input)));
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/undefined entity/) });
  });

  it('fails records without leader or tag, repairs missing indicators, with reasons and warnings', async () => {
    const input = `<collection>
      <record><controlfield tag="001">no leader</controlfield></record>
      <record><leader>${LEADER}</leader><datafield ind1=" " ind2=" "><subfield code="a">x</subfield></datafield></record>
      <record><leader>${LEADER}</leader><datafield tag="245"><subfield code="a">x</subfield></datafield></record>
    </collection>`;
    const results = await readAll(readMarcXml(xml(input)));
    expect(results[0]).toMatchObject({ ok: false, reason: 'record has no leader' });
    expect(results[1]).toMatchObject({ ok: false, reason: 'datafield without tag attribute' });
    expect(results[2]).toMatchObject({ ok: true, warnings: ['245: ind1 missing, set to blank', '245: ind2 missing, set to blank'] });
  });

  it('reads the shared files with broken records as the brief expects', async () => {
    if (!haveMarcData()) return;
    const three = await readAll(readMarcFile(marcData('sources/ruby-marc/three-records-second-bad.xml')));
    expect(three.map((r) => r.ok)).toEqual([true, false, true]);
    for (const file of ['marc4j/chabon-missing-controlfield-tag.xml', 'marc4j/chabon-missing-datafield-tag.xml']) {
      const [result] = await readAll(readMarcFile(marcData(`sources/${file}`)));
      expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/without tag attribute/) });
    }
    const [koha369] = await readAll(readMarcFile(marcData('koha-sample/koha-sample-marc21-unparseable-369.xml')));
    expect(koha369).toMatchObject({ ok: false, reason: expect.stringMatching(/not well-formed XML/) });
  });

  it('gives the same 435 records for the Koha sample in ISO 2709 and in MARCXML', async () => {
    if (!haveMarcData()) return;
    const iso = records(await readAll(readMarcFile(marcData('koha-sample/koha-sample-marc21.mrc'))));
    const marcxml = records(await readAll(readMarcFile(marcData('koha-sample/koha-sample-marc21.xml'))));
    expect(iso).toHaveLength(435);
    // The leader's record length and base address are byte counts of the exported file; in the
    // MARCXML they are stale (Koha counts before embedding items). Everything else must be equal.
    expect(marcxml.map(withoutLengths)).toEqual(iso.map(withoutLengths));
  });
});
