import { isControlField, isDataField, type MarcRecord } from '../marc/record.js';

/**
 * Where a record's local identifier comes from, as written in config or `--id`: a comma-separated
 * list tried in order, each `TAG` (control field, e.g. 001), `TAG$c` (subfield, e.g. 999$c) or
 * `@position` (the record's 1-based position in its file, for dumps that carry no identifier).
 */
export type IdSpec = string;

export const ID_SPEC_PATTERN = /^(?:[0-9A-Za-z]{3}(?:\$[0-9a-z])?|@position)(?:,(?:[0-9A-Za-z]{3}(?:\$[0-9a-z])?|@position))*$/;

export type IdReader = (record: MarcRecord, position: number) => string | undefined;

export function idReader(spec: IdSpec): IdReader {
  if (!ID_SPEC_PATTERN.test(spec)) throw new Error(`not an identifier source: ${spec}`);
  const readers = spec.split(',').map((part): IdReader => {
    if (part === '@position') return (_record, position) => String(position);
    const [tag, code] = part.split('$') as [string, string | undefined];
    return (record) => readField(record, tag, code);
  });
  return (record, position) => {
    for (const read of readers) {
      const id = read(record, position);
      if (id) return id;
    }
    return undefined;
  };
}

function readField(record: MarcRecord, tag: string, code: string | undefined): string | undefined {
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
