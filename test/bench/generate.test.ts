// The benchmark record generator: deterministic, valid MARC 21 that libgate reads back unchanged,
// and varied the way the sample catalogue is (kinds, languages, scripts, items), with Zipf-like
// term frequencies. The records are also run through the real import once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { barcode, generateRecords, writeRecordsFile } from '../../bench/generate.js';
import {
  isControlField, isDataField, readIso2709, readMarcXml, toIso2709, toMarcXml, toMarcXmlCollection, type DataField, type MarcRecord,
} from '../../src/marc/index.js';
import { readAll } from '../helpers/read-all.js';
import { importFiles, storeFor } from '../helpers/import.js';
import { SHARED_DIR } from '../helpers/paths.js';
import { openTestDatabase } from '../helpers/test-db.js';

const SAMPLE_SIZE = 2000;
const LIBRARIES = new Set(['CENTRAL', 'EAST', 'MUSIC', 'RARE', 'ANNEX']);
const ITEM_TYPES = new Set(['BK', 'REF', 'SER', 'SCORE', 'CD', 'LP', 'DVD', 'BLURAY', 'MAP', 'PHOTO', 'PRINT', 'POSTER', 'SOFT', 'CDROM']);

const control = (r: MarcRecord, tag: string) => r.fields.find((f) => f.tag === tag && isControlField(f)) as { value: string } | undefined;
const data = (r: MarcRecord, tag: string) => r.fields.filter((f): f is DataField => f.tag === tag && isDataField(f));
const sub = (f: DataField, code: string) => f.subfields.find((s) => s.code === code)?.value;

function isbn10Valid(isbn: string): boolean {
  if (!/^\d{9}[\dX]$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (10 - i) * (isbn[i] === 'X' ? 10 : Number(isbn[i]));
  return sum % 11 === 0;
}
function isbn13Valid(isbn: string): boolean {
  if (!/^97[89]\d{10}$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(isbn[i]) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}
function issnValid(issn: string): boolean {
  const m = /^(\d{4})-(\d{3}[\dX])$/.exec(issn);
  if (!m) return false;
  const d = `${m[1]}${m[2]}`;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (8 - i) * (d[i] === 'X' ? 10 : Number(d[i]));
  return sum % 11 === 0;
}
function luhnValid(code: string): boolean {
  let sum = 0;
  for (let i = 0; i < code.length; i++) {
    let d = Number(code[code.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

describe('generateRecords', () => {
  let records: MarcRecord[];
  beforeAll(() => {
    records = [...generateRecords(SAMPLE_SIZE, 1)];
  });

  it('is deterministic: the same seed gives identical records, another seed different ones', () => {
    expect([...generateRecords(300, 1)]).toEqual(records.slice(0, 300));
    const other = [...generateRecords(300, 2)];
    expect(other).not.toEqual(records.slice(0, 300));
    expect(other.map((r) => control(r, '001')!.value)).toEqual(records.slice(0, 300).map((r) => control(r, '001')!.value));
  });

  it('numbers records 1..count in 001, each once', () => {
    expect(records.map((r) => control(r, '001')?.value)).toEqual(Array.from({ length: SAMPLE_SIZE }, (_, i) => String(i + 1)));
    for (const r of records) expect(control(r, '003')?.value).toBe('LIBGATE');
  });

  it('writes records that read back unchanged and without repairs from MARCXML and ISO 2709', async () => {
    const some = records.slice(0, 500);
    const fromXml = await readAll(readMarcXml([Buffer.from(toMarcXmlCollection(some))]));
    const fromIso = await readAll(readIso2709([Buffer.concat(some.map((r) => toIso2709(r)))]));
    for (const results of [fromXml, fromIso]) {
      expect(results).toHaveLength(some.length);
      results.forEach((result, i) => {
        if (!result.ok) throw new Error(`record ${i + 1}: ${result.reason}`);
        expect(result.warnings).toEqual([]);
        expect(result.illegalCharsReplaced).toBe(0);
        expect(result.record).toEqual(some[i]);
      });
    }
  });

  it('carries the real ISO 2709 record length and base address in the leader', () => {
    for (const r of records.slice(0, 300)) {
      const iso = toIso2709(r);
      expect(r.leader.slice(0, 5)).toBe(String(iso.length).padStart(5, '0'));
      expect(r.leader.slice(12, 17)).toBe(iso.subarray(12, 17).toString('latin1'));
      expect(control(r, '008')!.value).toHaveLength(40);
    }
  });

  it('produces MARCXML valid against MARC21slim.xsd', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'libgate-gen-'));
    try {
      const file = path.join(dir, 'records.xml');
      writeFileSync(file, toMarcXmlCollection(records.slice(0, 600)));
      const lint = spawnSync('xmllint', ['--nonet', '--noout', '--schema', path.join(SHARED_DIR, 'data/xsd/MARC21slim.xsd'), file], {
        encoding: 'utf8',
        env: { ...process.env, XML_CATALOG_FILES: path.join(SHARED_DIR, 'data/xsd/catalog.xml') },
      });
      expect(lint.stderr).toContain('validates');
      expect(lint.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a stable prefix: the first k records do not depend on the count asked for', () => {
    expect([...generateRecords(40, 1)]).toEqual(records.slice(0, 40));
  });

  it('mixes the kinds of material of the sample catalogue, books first', () => {
    const types = new Map<string, number>();
    for (const r of records) types.set(r.leader.slice(6, 8), (types.get(r.leader.slice(6, 8)) ?? 0) + 1);
    for (const t of ['am', 'aa', 'as', 'ai', 'cm', 'em', 'gm', 'im', 'jm', 'km', 'mm', 'pc']) expect(types.get(t) ?? 0).toBeGreaterThan(0);
    expect(types.get('am')!).toBeGreaterThan(SAMPLE_SIZE * 0.6);
  });

  it('spreads languages, publication dates over centuries, and has deletions', () => {
    const languages = new Set(records.map((r) => control(r, '008')!.value.slice(35, 38)));
    expect(languages.size).toBeGreaterThanOrEqual(20);
    const years = records.map((r) => Number(control(r, '008')!.value.slice(7, 11))).filter(Number.isFinite);
    expect(Math.min(...years)).toBeLessThan(1700);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2020);
    expect(years.filter((y) => y < 1900).length).toBeGreaterThan(SAMPLE_SIZE * 0.03);
    const deleted = records.filter((r) => r.leader[5] === 'd');
    expect(deleted.length).toBeGreaterThan(5);
    expect(deleted.length).toBeLessThan(SAMPLE_SIZE * 0.04);
    for (const r of deleted) expect(data(r, '952')).toEqual([]);
  });

  it('writes non-Latin 880 fields linked both ways, and diacritics', () => {
    const with880 = records.filter((r) => data(r, '880').length > 0);
    expect(with880.length).toBeGreaterThan(SAMPLE_SIZE * 0.04);
    const scripts = new Set<string>();
    for (const r of with880) {
      for (const field of data(r, '880')) {
        const link = /^(\d{3})-(\d{2})\/([^/]+)(\/r)?$/.exec(sub(field, '6') ?? '');
        expect(link).not.toBeNull();
        scripts.add(link![3]!);
        const [, tag, occurrence] = link!;
        expect(data(r, tag!).some((f) => sub(f, '6') === `880-${occurrence}`)).toBe(true);
        expect(field.subfields.map((s) => s.value).join(' ')).toMatch(/[\u0370-\u03FF\u0400-\u04FF\u0590-\u06FF\u0900-\u09FF\u0E00-\u0E7F\u0530-\u058F\u10A0-\u10FF\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/);
      }
    }
    for (const code of ['(N', '$1', '(3', '(2', '(S']) expect(scripts).toContain(code);
    const accented = records.filter((r) => r.fields.some((f) => isDataField(f) && f.tag !== '880' && f.subfields.some((s) => /[\u00C0-\u024F\u02B9-\u02BF\u1E00-\u1EFF]/.test(s.value))));
    expect(accented.length).toBeGreaterThan(SAMPLE_SIZE * 0.1);
  });

  it('gives valid ISBN and ISSN check digits', () => {
    let isbns = 0;
    let issns = 0;
    for (const r of records) {
      for (const f of data(r, '020')) {
        const value = sub(f, 'a') ?? sub(f, 'z')!;
        const isbn = value.split(' ')[0]!;
        expect(isbn.length === 13 ? isbn13Valid(isbn) : isbn10Valid(isbn)).toBe(true);
        isbns++;
      }
      for (const f of data(r, '022')) {
        expect(issnValid(sub(f, 'a')!)).toBe(true);
        issns++;
      }
    }
    expect(isbns).toBeGreaterThan(SAMPLE_SIZE * 0.4);
    expect(issns).toBeGreaterThan(20);
  });

  it('embeds 0-6 Koha items per record with unique item numbers and barcodes over the whole set', () => {
    const items = records.flatMap((r) => data(r, '952'));
    const perRecord = records.map((r) => data(r, '952').length);
    expect(Math.max(...perRecord)).toBe(6);
    expect(perRecord.filter((n) => n === 0).length).toBeGreaterThan(0);
    expect(items.map((f) => Number(sub(f, '9')))).toEqual(Array.from({ length: items.length }, (_, i) => i + 1));
    const barcodes = items.map((f) => sub(f, 'p')!);
    expect(new Set(barcodes).size).toBe(items.length);
    for (const [i, code] of barcodes.entries()) {
      expect(code).toMatch(/^3910\d{10}$/);
      expect(luhnValid(code)).toBe(true);
      expect(code).toBe(barcode(i + 1));
    }
    for (const f of items) {
      expect(LIBRARIES.has(sub(f, 'a')!)).toBe(true);
      expect(LIBRARIES.has(sub(f, 'b')!)).toBe(true);
      expect(ITEM_TYPES.has(sub(f, 'y')!)).toBe(true);
      expect(sub(f, 'o')).toBeTruthy();
    }
    const share = (code: string) => items.filter((f) => sub(f, code) !== undefined).length / items.length;
    expect(share('q')).toBeGreaterThan(0.05); // on loan
    expect(share('7')).toBeGreaterThan(0.03); // not for loan (every RARE copy)
    for (const code of ['1', '0', '4']) expect(share(code)).toBeGreaterThan(0);
    for (const f of items.filter((i) => sub(i, 'a') === 'RARE')) expect(sub(f, '7')).toBe('1');
    expect(items.some((f) => sub(f, 'a') !== sub(f, 'b'))).toBe(true);
    expect(new Set(items.map((f) => sub(f, 'a'))).size).toBe(5);
  });

  it('draws title words with Zipf-like frequencies: a few very common words, a long tail', () => {
    const frequency = new Map<string, number>();
    for (const r of records) {
      const words = new Set(data(r, '245').flatMap((f) => f.subfields.filter((s) => s.code === 'a' || s.code === 'b').map((s) => s.value))
        .join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));
      for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    }
    const counts = [...frequency.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThan(SAMPLE_SIZE * 0.05); // the commonest content word is in over 5% of titles
    expect(counts[Math.floor(counts.length / 2)]!).toBeLessThanOrEqual(2); // the median word is rare
    expect(counts.filter((c) => c === 1).length / counts.length).toBeGreaterThan(0.4); // hapaxes dominate the vocabulary
    expect(counts.length).toBeGreaterThan(1000);
  });

  it('imports through the real pipeline: every record created or deleted, nothing skipped, every item stored', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'libgate-gen-'));
    const db = await openTestDatabase();
    try {
      const file = path.join(dir, 'records.mrc');
      const written = await writeRecordsFile(file, { count: 400, seed: 3 });
      const report = await importFiles(storeFor(db), [file]);
      expect(report.skipped).toBe(0);
      expect(report.repaired).toBe(0);
      expect(report.created + report.deleted).toBe(400);
      const [row] = await db.knex('items').count<{ n: string | number }[]>({ n: '*' });
      expect(Number(row?.n)).toBe(written.items);
      const libraries = (await db.knex('libraries').select('code')).map((row) => row.code as string);
      expect(new Set(libraries)).toEqual(LIBRARIES);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

