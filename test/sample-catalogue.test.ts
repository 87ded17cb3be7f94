// Invariants of the bundled sample catalogue (sample/catalogue.xml), checked on the shipped file itself:
// what `npm start` imports must be valid MARCXML with the variety the README promises.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { librariesSchema } from '../src/config/sections/libraries.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CATALOGUE = path.join(ROOT, 'sample', 'catalogue.xml');
const LIBRARIES = path.join(ROOT, 'sample', 'libraries.yaml');
const XSD = path.resolve(ROOT, '..', 'shared', 'data', 'xsd', 'MARC21slim.xsd');

interface Subfield { code: string; value: string }
interface DataField { tag: string; ind1: string; ind2: string; subfields: Subfield[] }
interface Rec { leader: string; control: Map<string, string>; fields: DataField[] }

interface RawSubfield { '@_code': string; '#text'?: string }
interface RawDataField { '@_tag': string; '@_ind1': string; '@_ind2': string; subfield?: RawSubfield[] }
interface RawControlField { '@_tag': string; '#text'?: string }
interface RawRecord { leader: string; controlfield?: RawControlField[]; datafield?: RawDataField[] }

function readCatalogue(): Rec[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ['record', 'controlfield', 'datafield', 'subfield'].includes(name),
  });
  const doc = parser.parse(readFileSync(CATALOGUE, 'utf8')) as { collection: { record: RawRecord[] } };
  return doc.collection.record.map((r) => ({
    leader: r.leader,
    control: new Map((r.controlfield ?? []).map((c) => [c['@_tag'], c['#text'] ?? ''])),
    fields: (r.datafield ?? []).map((d) => ({
      tag: d['@_tag'],
      ind1: d['@_ind1'],
      ind2: d['@_ind2'],
      subfields: (d.subfield ?? []).map((s) => ({ code: s['@_code'], value: s['#text'] ?? '' })),
    })),
  }));
}

const sub = (f: DataField, code: string): string | undefined => f.subfields.find((s) => s.code === code)?.value;
const all = (r: Rec, tag: string): DataField[] => r.fields.filter((f) => f.tag === tag);
const typeOf = (r: Rec): string => r.leader.slice(6, 8);
const isDeleted = (r: Rec): boolean => r.leader[5] === 'd';

describe('sample catalogue', () => {
  let records: Rec[];
  let items: DataField[];

  beforeAll(() => {
    records = readCatalogue();
    items = records.flatMap((r) => all(r, '952'));
  });

  it('has at least 220 records with unique numeric 001s starting at 1 and LIBGATE in 003', () => {
    expect(records.length).toBeGreaterThanOrEqual(220);
    const ids = records.map((r) => r.control.get('001') ?? '');
    for (const id of ids) expect(id).toMatch(/^[1-9][0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids.map(Number))).toBe(1);
    for (const r of records) expect(r.control.get('003')).toBe('LIBGATE');
  });

  it('has well-formed leaders, 005 timestamps and 40-character 008s', () => {
    for (const r of records) {
      expect(r.leader).toHaveLength(24);
      expect(r.leader).toMatch(/^[0-9]{5}[acdnp][acdefgijkmoprt][abcdims][ a]a22[0-9]{5}[ 1-8uz][ aciu] 4500$/);
      expect(r.control.get('005')).toMatch(/^[0-9]{14}\.[0-9]$/);
      expect(r.control.get('008')).toHaveLength(40);
      expect(all(r, '245')).toHaveLength(1);
    }
  });

  it('contains every kind of material in the promised numbers', () => {
    const live = records.filter((r) => !isDeleted(r));
    const count = (pred: (t: string) => boolean): number => live.filter((r) => pred(typeOf(r))).length;
    expect(count((t) => t === 'am')).toBeGreaterThan(live.length / 2);
    expect(count((t) => t === 'as')).toBeGreaterThanOrEqual(8);
    expect(count((t) => t[0] === 'c')).toBeGreaterThanOrEqual(5);
    expect(count((t) => t[0] === 'j')).toBeGreaterThanOrEqual(8);
    expect(count((t) => t[0] === 'e')).toBeGreaterThanOrEqual(5);
    expect(count((t) => t[0] === 'g')).toBeGreaterThanOrEqual(8);
    for (const other of ['i', 'k', 'm', 'p']) expect(count((t) => t[0] === other)).toBeGreaterThanOrEqual(1);
  });

  it('describes serials with ISSNs and RDA-era records with 336/337/338', () => {
    for (const r of records.filter((x) => typeOf(x) === 'as')) expect(all(r, '022').length).toBe(1);
    const rda = records.filter((r) => all(r, '264').length > 0);
    expect(rda.length).toBeGreaterThan(0);
    for (const r of rda) for (const tag of ['336', '337', '338']) expect(all(r, tag).length).toBeGreaterThan(0);
  });

  it('links at least 20 records to 880 fields, consistently in both directions', () => {
    const withScripts = records.filter((r) => all(r, '880').length > 0);
    expect(withScripts.length).toBeGreaterThanOrEqual(20);
    const scripts = new Set<string>();
    for (const r of withScripts) {
      const id = r.control.get('001');
      for (const f880 of all(r, '880')) {
        expect(f880.subfields[0]?.code).toBe('6');
        const m = /^([0-9]{3})-([0-9]{2})\/(\(3|\(N|\(S|\(2|\$1|[A-Z][a-z]{3})(\/r)?$/.exec(f880.subfields[0]?.value ?? '');
        expect({ id, linkage: f880.subfields[0]?.value, ok: m !== null }).toEqual(expect.objectContaining({ ok: true }));
        const [, tag, occ, script, rtl] = m!;
        scripts.add(script!);
        expect(rtl === '/r').toBe(script === '(3' || script === '(2');
        const partners = all(r, tag!).filter((f) => f.subfields[0]?.code === '6' && f.subfields[0].value === `880-${occ}`);
        expect({ id, tag, occ, partners: partners.length }).toEqual({ id, tag, occ, partners: 1 });
      }
      for (const f of r.fields.filter((x) => x.tag !== '880' && x.subfields[0]?.code === '6')) {
        const occ = /^880-([0-9]{2})$/.exec(f.subfields[0]!.value)?.[1];
        expect(occ).toBeDefined();
        const back = all(r, '880').filter((x) => x.subfields[0]!.value.startsWith(`${f.tag}-${occ}/`));
        expect({ id, tag: f.tag, back: back.length }).toEqual({ id, tag: f.tag, back: 1 });
      }
    }
    for (const code of ['(3', '(N', '(S', '(2', '$1']) expect(scripts).toContain(code);
  });

  it('keeps the 245 non-filing indicator on a word boundary', () => {
    for (const r of records) {
      const f = all(r, '245')[0]!;
      const skip = Number(f.ind2);
      if (skip === 0) continue;
      const title = sub(f, 'a') ?? '';
      expect({ id: r.control.get('001'), title, skipped: title.slice(0, skip) }).toEqual({
        id: r.control.get('001'),
        title,
        skipped: expect.stringMatching(/^\[?["“]?[A-Za-z]+( |')$/),
      });
    }
  });

  it('exercises XML escaping with &, <, > and both quote characters in the data', () => {
    const values = records.flatMap((r) => r.fields.flatMap((f) => f.subfields.map((s) => s.value)));
    for (const ch of ['&', '<', '>', '"', "'"]) expect(values.some((v) => v.includes(ch))).toBe(true);
    expect(values.some((v) => v.includes('<') && v.includes('&'))).toBe(true);
  });

  it('has at least 4 deleted records, numbered among the others', () => {
    const deleted = records.filter(isDeleted);
    expect(deleted.length).toBeGreaterThanOrEqual(4);
    const max = Math.max(...records.map((r) => Number(r.control.get('001'))));
    for (const r of deleted) expect(Number(r.control.get('001'))).toBeLessThanOrEqual(max);
  });

  it('embeds at least 400 Koha items with unique item numbers and barcodes', () => {
    expect(items.length).toBeGreaterThanOrEqual(400);
    const numbers = items.map((f) => sub(f, '9') ?? '');
    const barcodes = items.map((f) => sub(f, 'p') ?? '');
    for (const n of numbers) expect(n).toMatch(/^[1-9][0-9]*$/);
    for (const b of barcodes) expect(b).toMatch(/^[0-9]{14}$/);
    expect(new Set(numbers).size).toBe(items.length);
    expect(new Set(barcodes).size).toBe(items.length);
    for (const f of items) {
      for (const code of ['a', 'b', 'c', 'o', 'y']) expect(sub(f, code)).toBeTruthy();
      expect(sub(f, 'd')).toMatch(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
    }
    const perRecord = records.map((r) => all(r, '952').length);
    expect(perRecord.filter((n) => n === 0).length).toBeGreaterThan(0);
    expect(perRecord.filter((n) => n >= 10).length).toBeGreaterThan(0);
  });

  it('has items on loan, lost, not for loan, withdrawn and damaged', () => {
    const due = items.map((f) => sub(f, 'q')).filter((q): q is string => q !== undefined);
    expect(due.length).toBeGreaterThan(0);
    for (const q of due) expect(q).toMatch(/^(2026-12|2027-01)-[0-9]{2}$/);
    for (const code of ['1', '7', '0', '4']) expect(items.filter((f) => sub(f, code) === '1').length).toBeGreaterThan(0);
  });

  it('spreads items over at least 4 libraries, all described in sample/libraries.yaml', () => {
    const libraries = librariesSchema.parse(parseYaml(readFileSync(LIBRARIES, 'utf8')));
    const used = new Set(items.flatMap((f) => [sub(f, 'a') ?? '', sub(f, 'b') ?? '']));
    expect(used.size).toBeGreaterThanOrEqual(4);
    for (const code of used) expect(Object.keys(libraries)).toContain(code);
    expect(libraries.RARE?.pickup).toBe(false);
  });

  it('is what the build script produces from sample/src', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-sample-catalogue.mjs'), '--check'], { encoding: 'utf8' });
    expect(run.stderr + run.stdout).toContain('up to date');
    expect(run.status).toBe(0);
  });

  it('validates against MARC21slim.xsd', () => {
    if (!existsSync(XSD)) {
      // The schema lives outside the repository (../shared/data/xsd); CI has it.
      console.warn(`sample catalogue: XSD validation not run, ${XSD} is missing`);
      return;
    }
    const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', XSD, CATALOGUE], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toContain('validates');
    expect(run.status).toBe(0);
  });
});
