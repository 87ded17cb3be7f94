import type { ItemMapping } from '../config/sections/import.js';
import { itemFields } from '../import/item-fields.js';
import { controlValue, dataFields, subfieldValues, toMarcXml, type MarcRecord } from '../marc/index.js';
import { parseMarcXmlRecord } from '../marc/marcxml-parse.js';
import type { ItemInput } from '../store/types.js';

/**
 * Koha's biblio and biblioitems columns, as its MARC 21 framework maps them, read from a stored
 * record. Only what ILS-DI shows; values absent from the record are left undefined (and so omitted).
 */
export interface BiblioColumns {
  readonly title: string | undefined;
  readonly subtitle: string | undefined;
  readonly author: string | undefined;
  readonly isbn: string | undefined;
  readonly issn: string | undefined;
  readonly publicationyear: string | undefined;
  readonly publishercode: string | undefined;
  readonly place: string | undefined;
  readonly editionstatement: string | undefined;
  readonly pages: string | undefined;
  readonly illus: string | undefined;
  readonly size: string | undefined;
  readonly lccn: string | undefined;
  readonly url: string | undefined;
  readonly notes: string | undefined;
  readonly collectiontitle: string | undefined;
  readonly itemtype: string | undefined;
}

/** Parses stored MARCXML (written by import, so well-formed); undefined if it somehow is not. */
export function parseStored(marcxml: string): MarcRecord | undefined {
  const parsed = parseMarcXmlRecord(marcxml);
  return parsed.ok ? parsed.record : undefined;
}

export function biblioColumns(record: MarcRecord | undefined): BiblioColumns {
  const values = (path: string) => (record ? subfieldValues(record, path).map(clean).filter(Boolean) : []);
  const first = (...paths: string[]) => paths.map((p) => values(p)[0]).find((v) => v !== undefined);
  const joined = (path: string) => {
    const all = values(path);
    return all.length > 0 ? all.join(' | ') : undefined;
  };
  return {
    title: first('245$a'),
    subtitle: joined('245$b'),
    author: first('100$a', '110$a', '111$a'),
    isbn: joined('020$a'),
    issn: joined('022$a'),
    publicationyear: record ? publicationYear(record) : undefined,
    publishercode: record ? publisher(record, 'b') : undefined,
    place: record ? publisher(record, 'a') : undefined,
    editionstatement: first('250$a'),
    pages: first('300$a'),
    illus: first('300$b'),
    size: first('300$c'),
    lccn: first('010$a'),
    url: joined('856$u'),
    notes: joined('500$a'),
    collectiontitle: first('490$a', '830$a'),
    itemtype: first('942$c'),
  };
}

/** ISBD punctuation that ends a subfield (" /", " :", " ;", " =", ","), as OPACs strip it for display. */
function clean(value: string): string {
  return value.replace(/\s*[/:;=,]\s*$/, '').trim();
}

function publisher(record: MarcRecord, code: string): string | undefined {
  const from260 = subfieldValues(record, `260$${code}`)[0];
  if (from260) return clean(from260);
  const field = dataFields(record, '264').find((f) => f.ind2 === '1');
  const value = field?.subfields.find((s) => s.code === code)?.value;
  return value ? clean(value) : undefined;
}

function publicationYear(record: MarcRecord): string | undefined {
  const fixed = controlValue(record, '008')?.slice(7, 11);
  if (fixed && /^\d{4}$/.test(fixed)) return fixed;
  const date = subfieldValues(record, '260$c')[0] ?? dataFields(record, '264').find((f) => f.ind2 === '1')?.subfields.find((s) => s.code === 'c')?.value;
  return date ? /\d{4}/.exec(date)?.[0] : undefined;
}

/** The record with its items embedded as Koha's 952 fields, as a MARCXML document (Koha as_xml_record). */
export function marcxmlWithItems(record: MarcRecord, items: ReadonlyArray<ItemInput & { id: number }>, mapping: ItemMapping): string {
  const withItems: MarcRecord = { leader: record.leader, fields: [...record.fields.filter((f) => f.tag !== mapping.tag), ...itemFields(items, mapping)] };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${toMarcXml(withItems)}`;
}
