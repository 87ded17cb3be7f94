import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from '@jest/globals';
import { detectFormat, readMarcFile } from './read-file.js';
import { toIso2709 } from './iso2709-write.js';
import { toMarcXmlCollection } from './marcxml-write.js';
import type { MarcRecord } from './record.js';
import { readAll } from '../../test/helpers/read-all.js';

const record: MarcRecord = {
  leader: '00000nam a2200000 a 4500',
  fields: [{ tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'Één' }] }],
};
const dir = mkdtempSync(path.join(tmpdir(), 'read-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: Buffer | string): string {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
}

describe('readMarcFile', () => {
  it('detects MARCXML by a first non-blank "<" (after a BOM) and ISO 2709 otherwise', () => {
    expect(detectFormat(Buffer.from('\uFEFF \n<collection/>'))).toBe('marcxml');
    expect(detectFormat(Buffer.from('00123nam'))).toBe('iso2709');
  });

  it('reads either format, plain or gzip-compressed, without being told which', async () => {
    const xml = toMarcXmlCollection([record]);
    const iso = toIso2709(record);
    for (const name of [file('a.xml', xml), file('a.mrc', iso), file('a.xml.gz', gzipSync(xml)), file('a.bin', gzipSync(iso))]) {
      const results = await readAll(readMarcFile(name));
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ ok: true, record: { fields: record.fields } });
    }
  });

  it('obeys an explicit format, gives nothing for an empty file and rejects a missing one', async () => {
    const results = await readAll(readMarcFile(file('b.dat', toMarcXmlCollection([record])), 'iso2709'));
    expect(results).toHaveLength(1);
    expect(results[0]?.ok).toBe(false);
    expect(await readAll(readMarcFile(file('empty', '')))).toEqual([]);
    await expect(readAll(readMarcFile(path.join(dir, 'missing.mrc')))).rejects.toThrow(/ENOENT/);
  });
});
