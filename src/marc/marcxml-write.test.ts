import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { toMarcXml, toMarcXmlCollection, marcXmlCollection } from './marcxml-write.js';
import { toIso2709 } from './iso2709-write.js';
import { readMarcXml } from './marcxml-reader.js';
import { readIso2709 } from './iso2709-reader.js';
import { readMarcFile } from './read-file.js';
import type { MarcRecord, ReadResult } from './record.js';
import { haveMarcData, marcData, MARC21_XSD } from '../../test/helpers/marc-data.js';
import { readAll } from '../../test/helpers/read-all.js';

const record: MarcRecord = {
  leader: '00000nam a2200000 a 4500',
  fields: [
    { tag: '001', value: 'a&b<c>' },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Fish "&" chips\r\n' }, { code: 'c', value: 'Ø' }] },
  ],
};

function successes(results: ReadResult[]): MarcRecord[] {
  return results.flatMap((result) => (result.ok ? [result.record] : []));
}

function withoutLengths(r: MarcRecord): MarcRecord {
  return { ...r, leader: `00000${r.leader.slice(5, 12)}00000${r.leader.slice(17)}` };
}

describe('toMarcXml', () => {
  it('writes canonical MARCXML: no whitespace between elements, escaped text and attributes', () => {
    expect(toMarcXml(record)).toBe(
      '<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader>' +
        '<controlfield tag="001">a&amp;b&lt;c&gt;</controlfield>' +
        '<datafield tag="245" ind1="1" ind2="0"><subfield code="a">Fish "&amp;" chips&#13;\n</subfield><subfield code="c">Ø</subfield></datafield>' +
        '</record>',
    );
    expect(toMarcXml(record, { namespace: false })).toMatch(/^<record><leader>/);
  });

  it('repairs what the schema forbids in a record built by hand, so the output still validates', () => {
    const bad: MarcRecord = {
      leader: 'garbage',
      fields: [{ tag: '245', ind1: '#', ind2: '\u0000', subfields: [{ code: '@', value: 'x' }, { code: 'a', value: 'ok\u0001' }] }],
    };
    // "garbage" padded to 24: non-digits in the length become '0', leader/09 becomes 'a'
    expect(toMarcXml(bad)).toBe(
      '<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000ge  a              </leader>' +
        '<datafield tag="245" ind1=" " ind2=" "><subfield code="a">ok</subfield></datafield></record>',
    );
  });

  it('round-trips: record -> MARCXML -> record, and record -> ISO 2709 -> record', async () => {
    const [fromXml] = successes(await readAll(readMarcXml([Buffer.from(toMarcXmlCollection([record]))])));
    expect(fromXml).toEqual(record);
    const [fromIso] = successes(await readAll(readIso2709([toIso2709(record)])));
    expect(withoutLengths(fromIso!)).toEqual(record);
  });

  it('round-trips every corpus record through both formats unchanged', async () => {
    if (!haveMarcData()) return;
    const corpus = successes(await readAll(readMarcFile(marcData('corpus/bench-corpus.mrc'))));
    expect(corpus).toHaveLength(1149);
    const viaXml = successes(await readAll(readMarcXml(toChunks(corpus))));
    expect(viaXml).toEqual(corpus);
    const viaIso = successes(await readAll(readIso2709(corpus.map(toIso2709))));
    expect(viaIso.map(withoutLengths)).toEqual(corpus.map(withoutLengths));
  });

  it('writes collections that validate against MARC21slim.xsd (corpus and repaired damaged records)', async () => {
    if (!haveMarcData()) return;
    const corpus = successes(await readAll(readMarcFile(marcData('corpus/bench-corpus.xml')))).slice(0, 400);
    const damaged: MarcRecord[] = [];
    for (const file of ['sources/catmandu-marc/bu_bibs.mrc', 'sources/yaz/marc4.marc', 'sources/marc4j/bad-characters-in-various-fields.mrc', 'sources/pymarc/bad_records.mrc', 'sources/idzebra/sample-marc', 'sources/ruby-marc/messed_up_leader.xml', 'sources/pymarc/bad_tag.xml', 'sources/yaz/marc12.marc']) {
      damaged.push(...successes(await readAll(readMarcFile(marcData(file)))));
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'marcxml-'));
    try {
      const file = path.join(dir, 'collection.xml');
      writeFileSync(file, toMarcXmlCollection([...corpus, ...damaged]));
      // throws (failing the test) with xmllint's messages if any record does not validate
      execFileSync('xmllint', ['--nonet', '--noout', '--schema', MARC21_XSD, file], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function* toChunks(records: MarcRecord[]): AsyncGenerator<Buffer> {
  for await (const text of marcXmlCollection(records)) yield Buffer.from(text, 'utf8');
}
