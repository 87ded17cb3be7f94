/**
 * Small read-only helpers over MarcRecord for the indexing, import and protocol modules.
 * They never throw: an absent field or subfield gives undefined or an empty list.
 */
import { isControlField, isDataField, type ControlField, type DataField, type MarcField, type MarcRecord } from './record.js';

/** Fields with this tag, in record order. */
export function fieldsByTag(record: MarcRecord, tag: string): MarcField[] {
  return record.fields.filter((field) => field.tag === tag);
}

/** Data fields with this tag, in record order. */
export function dataFields(record: MarcRecord, tag: string): DataField[] {
  return record.fields.filter((field): field is DataField => field.tag === tag && isDataField(field));
}

/** The value of the first control field with this tag ("001", "008"...). */
export function controlValue(record: MarcRecord, tag: string): string | undefined {
  return record.fields.find((field): field is ControlField => field.tag === tag && isControlField(field))?.value;
}

/**
 * Every value of subfield `code` in the fields `tag`, in record order, from a path "TAG$c"
 * ("245$a", "952$p"). Several codes may be given ("245$ab"): values of any of them, in field order.
 * @throws TypeError for a malformed path: that is a programming or configuration error, not data.
 */
export function subfieldValues(record: MarcRecord, path: string): string[] {
  const match = /^(\w{3})\$(.+)$/.exec(path);
  if (!match) throw new TypeError(`subfield path must look like "245$a", got ${JSON.stringify(path)}`);
  const [, tag, codes] = match as unknown as [string, string, string];
  const values: string[] = [];
  for (const field of dataFields(record, tag)) {
    for (const subfield of field.subfields) if (codes.includes(subfield.code)) values.push(subfield.value);
  }
  return values;
}

/** The first value of subfieldValues, if any. */
export function firstSubfieldValue(record: MarcRecord, path: string): string | undefined {
  return subfieldValues(record, path)[0];
}

/** Leader/05, record status: 'n' new, 'c' corrected, 'd' deleted, ... */
export function recordStatus(record: MarcRecord): string {
  return record.leader.charAt(5);
}

/** Leader/05 = 'd': the record says it is deleted (OAI-PMH reports such records as deleted). */
export function isDeleted(record: MarcRecord): boolean {
  return recordStatus(record) === 'd';
}

/** Leader/06, type of record: 'a' language material, 'j' musical sound recording, 'x' holdings, 'z' authority... */
export function recordType(record: MarcRecord): string {
  return record.leader.charAt(6);
}

/** Leader/07, bibliographic level: 'm' monograph, 's' serial, 'a' component part, ... */
export function bibliographicLevel(record: MarcRecord): string {
  return record.leader.charAt(7);
}
