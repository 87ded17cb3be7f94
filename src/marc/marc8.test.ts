import { describe, expect, it } from '@jest/globals';
import { decodeMarc8 } from './marc8.js';
import { readIso2709 } from './iso2709-reader.js';
import { readMarcFile } from './read-file.js';
import { isControlField, type MarcRecord, type ReadResult } from './record.js';
import { subfieldValues } from './fields.js';
import { haveMarcData, marcData } from '../../test/helpers/marc-data.js';
import { readAll } from '../../test/helpers/read-all.js';

const ESC = '\x1b';
const decode = (latin1: string): string => decodeMarc8(Buffer.from(latin1, 'latin1')).text;

function records(results: ReadResult[]): MarcRecord[] {
  return results.map((result) => {
    if (!result.ok) throw new Error(`record ${result.position} failed: ${result.reason}`);
    return result.record;
  });
}

/** Field values as comparable lines, NFC-normalised. */
function lines(record: MarcRecord): string[] {
  return record.fields.map((field) =>
    `${field.tag} ${isControlField(field) ? field.value : `${field.ind1}${field.ind2}${field.subfields.map((s) => `$${s.code}${s.value}`).join('')}`}`.normalize('NFC'),
  );
}

describe('decodeMarc8', () => {
  it('puts a combining mark after its base letter and composes to NFC', () => {
    expect(decode('Caf\xe2e')).toBe('Café'); // E2 = combining acute, before the "e" it belongs to
    expect(decode('\xe2\xf0c')).toBe('ḉ'); // two marks on one letter: acute and cedilla
  });

  it('switches to Cyrillic and back with escape sequences', () => {
    expect(decode(`${ESC}(NmOSKWA${ESC}(B :`)).toBe('Москва :');
  });

  it('switches to subscripts, superscripts and Greek symbols with technique 1', () => {
    expect(decode(`H${ESC}b2${ESC}sO`)).toBe('H₂O');
    expect(decode(`x${ESC}p2${ESC}s`)).toBe('x²');
    expect(decode(`${ESC}ga${ESC}s-rays`)).toBe('α-rays');
  });

  it('decodes EACC (CJK) triples', () => {
    // LoC EACC table: 0x213021 -> U+4E00, 0x212F30 -> U+3007
    expect(decode(`${ESC}$1!0!!/0${ESC}(B ok`)).toBe('\u4e00\u3007 ok');
  });

  it('expands the lossless "&#xXXXX;" references', () => {
    expect(decode('a &#x263A; b')).toBe('a ☺ b');
  });

  it('replaces and counts bytes the tables do not define, without throwing', () => {
    const decoded = decodeMarc8(Buffer.from([0x41, 0xaf, 0x42]));
    expect(decoded.text).toBe('A\uFFFDB');
    expect(decoded.unmapped).toBe(1);
    expect(decodeMarc8(Buffer.from([0x41, 0x1b])).unmapped).toBe(1); // escape cut off at the end
  });
});

describe('MARC-8 records', () => {
  it('converts brkrtest.mrc (MARC-8) to exactly brkrtest_UTF8.mrc, record by record', async () => {
    if (!haveMarcData()) return;
    const marc8 = records(await readAll(readMarcFile(marcData('sources/marc4j/brkrtest.mrc'))));
    const utf8 = records(await readAll(readMarcFile(marcData('sources/marc4j/brkrtest_UTF8.mrc'))));
    expect(marc8).toHaveLength(8);
    expect(marc8.map(lines)).toEqual(utf8.map(lines));
    expect(marc8.every((record) => record.leader[9] === 'a')).toBe(true);
  });

  it('converts the CJK 880 fields of yaz/marc12.marc as yaz-marcdump -f MARC-8 -t UTF-8 does', async () => {
    if (!haveMarcData()) return;
    const [record] = records(await readAll(readMarcFile(marcData('sources/yaz/marc12.marc'))));
    const values = subfieldValues(record!, '880$a');
    expect(values).toContain('刘旭恭,');
    expect(values).toContain('车票去哪儿了 /');
    expect(values).toContain('第1版.');
    expect(subfieldValues(record!, '880$b')).toContain('长江少年儿童出版社,');
  });

  it('resets to the default sets at each subfield, as the CJK test records expect', async () => {
    if (!haveMarcData()) return;
    const [first] = records(await readAll(readMarcFile(marcData('sources/marc4j/chinese_mangled_multibyte.mrc'))));
    expect(subfieldValues(first!, '880$h')).toContain('videorecording /');
    expect(subfieldValues(first!, '880$b')).toContain('齐鲁音像出版社 :');
  });

  it('expands &#x...; references in ruby-marc/escaped_character_reference.marc8.marc', async () => {
    if (!haveMarcData()) return;
    const [result] = await readAll(readMarcFile(marcData('sources/ruby-marc/escaped_character_reference.marc8.marc')));
    expect(result?.ok).toBe(true);
    const text = lines((result as { record: MarcRecord }).record).join('\n');
    expect(text).not.toMatch(/&#x[0-9a-f]+;/i);
  });

  it('reads a record flagged MARC-8 whose bytes are UTF-8 as UTF-8, with a warning', async () => {
    if (!haveMarcData()) return;
    const [flagged] = await readAll(readMarcFile(marcData('sources/pymarc/utf8_with_leader_flag.dat')));
    const [unflagged] = await readAll(readMarcFile(marcData('sources/pymarc/utf8_without_leader_flag.dat')));
    if (!flagged?.ok || !unflagged?.ok) throw new Error('expected both records to read');
    expect(lines(unflagged.record)).toEqual(lines(flagged.record));
    expect(unflagged.warnings.join(' ')).toMatch(/data is UTF-8/);
  });

  it('replaces invalid UTF-8 with U+FFFD and warns', async () => {
    const bad = Buffer.from('00000nam a2200000 a 4500', 'latin1');
    const record = buildIso(bad, [['245', '10\x1faBad \xff\xfe byte']]);
    const [result] = await readAll(readIso2709([record]));
    if (!result?.ok) throw new Error('expected the record to read');
    expect(subfieldValues(result.record, '245$a')).toEqual(['Bad \uFFFD\uFFFD byte']);
    expect(result.warnings.join(' ')).toMatch(/invalid UTF-8/);
  });
});

/** A minimal ISO 2709 record from raw (Latin-1 string) field bodies, to test byte-level cases. */
function buildIso(leader: Buffer, fields: [string, string][]): Buffer {
  let directory = '';
  const bodies: Buffer[] = [];
  let offset = 0;
  for (const [tag, body] of fields) {
    const bytes = Buffer.from(`${body}\x1e`, 'latin1');
    directory += `${tag}${String(bytes.length).padStart(4, '0')}${String(offset).padStart(5, '0')}`;
    bodies.push(bytes);
    offset += bytes.length;
  }
  const base = 24 + directory.length + 1;
  const head = Buffer.concat([leader.subarray(0, 12), Buffer.from(String(base).padStart(5, '0')), leader.subarray(17, 24), Buffer.from(`${directory}\x1e`, 'latin1')]);
  const all = Buffer.concat([head, ...bodies, Buffer.from('\x1d')]);
  all.write(String(all.length).padStart(5, '0'), 0, 'latin1');
  return all;
}
