/**
 * The MARC model every other module speaks: a leader and an ordered list of fields.
 * Values are always Unicode (UTF-8 on the wire); readers convert MARC-8 on the way in.
 * Readers never throw for a bad record: they yield a ReadFailure and move on.
 */
export interface ControlField {
  readonly tag: string;
  readonly value: string;
}

export interface Subfield {
  readonly code: string;
  readonly value: string;
}

export interface DataField {
  readonly tag: string;
  readonly ind1: string;
  readonly ind2: string;
  readonly subfields: readonly Subfield[];
}

export type MarcField = ControlField | DataField;

export interface MarcRecord {
  /** 24 characters; readers repair length and force leader/09 to 'a' after conversion to UTF-8. */
  readonly leader: string;
  readonly fields: readonly MarcField[];
}

export function isControlField(field: MarcField): field is ControlField {
  return 'value' in field;
}

export function isDataField(field: MarcField): field is DataField {
  return 'subfields' in field;
}

/** One outcome per record position in the input, numbered from 1. */
export type ReadResult = ReadSuccess | ReadFailure;

export interface ReadSuccess {
  readonly ok: true;
  /** 1-based position of the record in its file. */
  readonly position: number;
  readonly record: MarcRecord;
  /** Repairs made while reading (charset fixed, XML-illegal characters replaced, ...). */
  readonly warnings: readonly string[];
  /** Number of characters XML 1.0 forbids that were replaced or dropped. */
  readonly illegalCharsReplaced: number;
}

export interface ReadFailure {
  readonly ok: false;
  readonly position: number;
  /** Why the record was skipped, e.g. "broken directory", "not well-formed XML". */
  readonly reason: string;
}
