import { isControlField, isDataField, type MarcRecord } from '../marc/record.js';

/** Reads the local identifier from `001`-style control fields or `999$c`-style subfields (first non-empty value). */
export function readLocalId(record: MarcRecord, fieldRef: string): string | undefined {
  const [tag, code] = fieldRef.split('$') as [string, string | undefined];
  for (const field of record.fields) {
    if (field.tag !== tag) continue;
    if (code === undefined && isControlField(field)) {
      const value = field.value.trim();
      if (value) return value;
    }
    if (code !== undefined && isDataField(field)) {
      const value = field.subfields.find((sf) => sf.code === code)?.value.trim();
      if (value) return value;
    }
  }
  return undefined;
}
