/**
 * The sample catalogue read with a plain XML parser, independently of libgate's MARC reader and
 * indexing, so search tests can derive their expected record sets on their own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { REPO_ROOT } from './paths.js';

export interface SampleField { readonly tag: string; readonly ind1: string; readonly ind2: string; readonly subfields: ReadonlyArray<readonly [string, string]> }
export interface SampleRecord {
  readonly id: string;
  readonly deleted: boolean;
  readonly leader: string;
  readonly control: ReadonlyMap<string, string>;
  readonly fields: readonly SampleField[];
}

interface RawSubfield { '@_code': string; '#text'?: string }
interface RawRecord {
  leader: string;
  controlfield?: Array<{ '@_tag': string; '#text'?: string }>;
  datafield?: Array<{ '@_tag': string; '@_ind1': string; '@_ind2': string; subfield?: RawSubfield[] }>;
}

let cached: SampleRecord[] | undefined;

export function sampleRecords(): SampleRecord[] {
  if (cached) return cached;
  const parser = new XMLParser({
    ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, trimValues: false,
    isArray: (name) => ['record', 'controlfield', 'datafield', 'subfield'].includes(name),
  });
  const doc = parser.parse(readFileSync(path.join(REPO_ROOT, 'sample', 'catalogue.xml'), 'utf8')) as { collection: { record: RawRecord[] } };
  cached = doc.collection.record.map((r) => {
    const control = new Map((r.controlfield ?? []).map((c) => [c['@_tag'], c['#text'] ?? '']));
    return {
      id: control.get('001') ?? '',
      deleted: r.leader[5] === 'd',
      leader: r.leader,
      control,
      fields: (r.datafield ?? []).map((d) => ({
        tag: d['@_tag'], ind1: d['@_ind1'], ind2: d['@_ind2'],
        subfields: (d.subfield ?? []).map((s) => [s['@_code'], s['#text'] ?? ''] as const),
      })),
    };
  });
  return cached;
}

export function liveRecords(): SampleRecord[] {
  return sampleRecords().filter((r) => !r.deleted);
}

/** Values of TAG$codes (codes empty = every subfield), one string per field. */
export function values(record: SampleRecord, tag: string, codes = ''): string[] {
  return record.fields
    .filter((f) => f.tag === tag)
    .map((f) => f.subfields.filter(([c]) => codes === '' || codes.includes(c)).map(([, v]) => v).join(' '))
    .filter((v) => v !== '');
}

/** Lower case, no diacritics, words of letters and digits. */
export function plainWords(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
