/**
 * The bench corpus split into single MARCXML records with a regular expression (the project's MARC
 * reader is developed separately; these tests must not depend on it).
 */
import { readFileSync } from 'node:fs';
import { corpusFile } from './shared-data.js';

export const MARC_NS = 'http://www.loc.gov/MARC21/slim';

/** Each `<record>` of a MARCXML collection as a stand-alone document string (namespace added). */
export function splitRecords(collection: string): string[] {
  return [...collection.matchAll(/<record(\s[^>]*)?>[\s\S]*?<\/record>/g)].map(([record, attributes]) =>
    attributes?.includes('xmlns=') ? record : record.replace(/^<record/, `<record xmlns="${MARC_NS}"`));
}

let cached: string[] | undefined;

/** The 1,149 records of bench-corpus.xml; record n of the manifest is element n - 1. */
export function corpusRecords(): string[] {
  cached ??= splitRecords(readFileSync(corpusFile, 'utf8'));
  return cached;
}
