/**
 * Every record of the bench corpus (1,149 MARCXML records: books, serials, scores, sound, video,
 * images, 880 scripts, 952 items) through every built-in crosswalk, and every output validated
 * against the official schema with one xmllint call per format.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TransformError } from '../../src/crosswalk/errors.js';
import type { CrosswalkRegistry } from '../../src/crosswalk/registry.js';
import { loadBuiltinCrosswalks } from '../helpers/crosswalks.js';
import { corpusRecords } from '../helpers/marc-corpus.js';
import { validateFiles } from '../helpers/xmllint.js';

// Transforming the whole corpus takes tens of seconds on a small machine.
const SLOW = 600_000;

const formats = [
  { name: 'oai_dc', schema: 'oai_dc.xsd', root: /^<oai_dc:dc[\s>]/ },
  { name: 'srw_dc', schema: 'dc-schema.xsd', root: /^<srw_dc:dc[\s>]/ },
  { name: 'mods', schema: 'mods-3-7.xsd', root: /^<mods[\s>]/ },
] as const;

let registry: CrosswalkRegistry;
let workDir: string;
const records = corpusRecords();
const outputs = new Map<string, string[]>();

beforeAll(async () => {
  registry = await loadBuiltinCrosswalks();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'libgate-corpus-'));
}, SLOW);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

function transformed(name: string): string[] {
  let list = outputs.get(name);
  if (list === undefined) {
    const results = registry.transformMany(name, records);
    const failures = results.flatMap((r, i) => (r instanceof TransformError ? [`record ${i + 1}: ${r.message}`] : []));
    expect(failures).toEqual([]);
    list = results as string[];
    outputs.set(name, list);
  }
  return list;
}

describe('bench corpus', () => {
  it('has the 1,149 records the manifest lists', () => {
    expect(records).toHaveLength(1149);
  });

  it('uses a validator that does reject invalid output', () => {
    const file = path.join(workDir, 'invalid.xml');
    writeFileSync(file, '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
      + 'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:titel>x</dc:titel></oai_dc:dc>');
    expect(validateFiles('oai_dc.xsd', [file]).join('\n')).toContain('titel');
  });

  describe.each(formats)('$name', ({ name, schema, root }) => {
    it(`gives one ${name} element per record, without XML declaration`, () => {
      const list = transformed(name);
      expect(list).toHaveLength(records.length);
      expect(list.filter((xml) => !root.test(xml))).toEqual([]);
    }, SLOW);

    it(`validates every record against ${schema}`, () => {
      const dir = path.join(workDir, name);
      mkdirSync(dir);
      const files = transformed(name).map((xml, i) => {
        const file = path.join(dir, `${String(i + 1).padStart(4, '0')}.xml`);
        writeFileSync(file, xml);
        return file;
      });
      expect(validateFiles(schema, files)).toEqual([]);
    }, SLOW);

    it('gives the same result one by one as in a batch', () => {
      const list = transformed(name);
      for (let i = 0; i < records.length; i += 97) {
        expect(registry.transform(name, records[i] ?? '')).toBe(list[i]);
      }
    }, SLOW);
  });

  it('embeds oai_dc in an OAI-PMH ListRecords response that validates', () => {
    const body = transformed('oai_dc').map((xml, i) =>
      `<record><header><identifier>oai:bench.localhost:${i + 1}</identifier><datestamp>2024-01-01</datestamp></header>`
      + `<metadata>${xml}</metadata></record>`).join('\n');
    const file = path.join(workDir, 'list-records.xml');
    writeFileSync(file, '<?xml version="1.0" encoding="UTF-8"?>\n'
      + '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      + 'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">'
      + '<responseDate>2024-01-01T00:00:00Z</responseDate>'
      + '<request verb="ListRecords" metadataPrefix="oai_dc">http://localhost/oai</request>'
      + `<ListRecords>${body}</ListRecords></OAI-PMH>\n`);
    expect(validateFiles('oai-pmh-response.xsd', [file])).toEqual([]);
  }, SLOW);

  it('never lets 952 item data (barcodes) into any output', () => {
    const leaks: string[] = [];
    records.forEach((record, i) => {
      const barcodes = [...record.matchAll(/<datafield tag="952"[\s\S]*?<\/datafield>/g)]
        .flatMap(([field]) => [...field.matchAll(/<subfield code="p">([^<]{6,})<\/subfield>/g)].map((m) => m[1] ?? ''));
      for (const { name } of formats) {
        const out = transformed(name)[i] ?? '';
        for (const barcode of barcodes) if (out.includes(barcode)) leaks.push(`record ${i + 1} ${name}: ${barcode}`);
      }
    });
    expect(leaks).toEqual([]);
    // the corpus does have items: the check above is not vacuous
    expect(records.filter((r) => r.includes('tag="952"')).length).toBeGreaterThan(400);
  }, SLOW);
});
