/**
 * MARCXML output: canonical, deterministic, valid against MARC21slim.xsd.
 *
 * Canonical form: no whitespace between elements, attributes in the order tag, ind1, ind2 / code,
 * no XML declaration on a single record (it is embedded in OAI-PMH and SRU responses), control fields
 * before data fields (the schema's order).
 *
 * Records from the readers are already repaired (repair.ts) and are written unchanged. A record built
 * elsewhere goes through the same repairs first, silently, so the output validates whatever it is
 * given; call repairRecord yourself to see the warnings.
 */
import { escapeXmlAttribute, escapeXmlText } from './xml-text.js';
import { isControlField, type MarcRecord } from './record.js';
import { validLeader } from './leader.js';
import { repairRecord } from './repair.js';

export const MARC21_NAMESPACE = 'http://www.loc.gov/MARC21/slim';

export interface MarcXmlOptions {
  /** Put xmlns on <record> (default true); false for records inside a <collection> that declares it. */
  readonly namespace?: boolean;
}

export function toMarcXml(record: MarcRecord, options: MarcXmlOptions = {}): string {
  const { fields, leader } = repairRecord(record.leader, record.fields, []).record;
  const parts: string[] = [options.namespace === false ? '<record>' : `<record xmlns="${MARC21_NAMESPACE}">`];
  parts.push(`<leader>${escapeXmlText(validLeader(leader))}</leader>`);
  for (const field of fields) {
    if (isControlField(field)) {
      parts.push(`<controlfield tag="${escapeXmlAttribute(field.tag)}">${escapeXmlText(field.value)}</controlfield>`);
      continue;
    }
    parts.push(`<datafield tag="${escapeXmlAttribute(field.tag)}" ind1="${escapeXmlAttribute(field.ind1)}" ind2="${escapeXmlAttribute(field.ind2)}">`);
    for (const { code, value } of field.subfields) {
      parts.push(`<subfield code="${escapeXmlAttribute(code)}">${escapeXmlText(value)}</subfield>`);
    }
    parts.push('</datafield>');
  }
  parts.push('</record>');
  return parts.join('');
}

const COLLECTION_START = `<?xml version="1.0" encoding="UTF-8"?><collection xmlns="${MARC21_NAMESPACE}">`;
const COLLECTION_END = '</collection>';

/** A whole <collection> document in memory; for small sets (tests, single responses). */
export function toMarcXmlCollection(records: Iterable<MarcRecord>): string {
  const parts = [COLLECTION_START];
  for (const record of records) parts.push(toMarcXml(record, { namespace: false }));
  parts.push(COLLECTION_END);
  return parts.join('');
}

/** The same document as a stream of strings, one record at a time; pipe it to a file or response. */
export async function* marcXmlCollection(records: AsyncIterable<MarcRecord> | Iterable<MarcRecord>): AsyncGenerator<string> {
  yield COLLECTION_START;
  for await (const record of records) yield toMarcXml(record, { namespace: false });
  yield COLLECTION_END;
}
