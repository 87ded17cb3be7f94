/**
 * Which character set a record's bytes are in, and decoding them to Unicode.
 *
 * Leader/09 'a' means UTF-8. Anything else is taken as MARC-8, as real tools do, with one
 * heuristic (pymarc, MARC::Record and yaz users meet it daily): when leader/09 is not 'a' but the
 * record has no MARC-8 escape and its bytes are valid UTF-8 with at least one multibyte sequence,
 * the flag is wrong and the record is read as UTF-8, with a warning. Pure ASCII is the same in
 * both, so the choice does not matter for it.
 *
 * Invalid UTF-8 never throws: Node's decoder replaces each bad sequence with U+FFFD and the
 * record gets one warning.
 */
import { isUtf8 } from 'node:buffer';
import { decodeMarc8 } from './marc8.js';

const ESC = 0x1b;

export type Charset = 'utf8' | 'marc8';

/** Decodes a record's bytes, one value (subfield or control field) at a time; collects its warnings. */
export interface FieldDecoder {
  readonly charset: Charset;
  /** Decodes bytes [start, end); MARC-8 starts from its default sets on every call. */
  decode(start: number, end: number): string;
  /** Record-level notes (wrong flag, invalid bytes, unmapped MARC-8), once the fields are decoded. */
  warnings(): string[];
}

export function fieldDecoder(record: Buffer, leader09: string): FieldDecoder {
  if (leader09 === 'a') return utf8Decoder(record, []);
  if (looksLikeUtf8(record)) {
    return utf8Decoder(record, [`leader/09 is ${JSON.stringify(leader09)} but the data is UTF-8: read as UTF-8`]);
  }
  return marc8RecordDecoder(record);
}

function utf8Decoder(record: Buffer, notes: string[]): FieldDecoder {
  if (!isUtf8(record)) notes.push('invalid UTF-8 bytes replaced with U+FFFD');
  return {
    charset: 'utf8',
    decode: (start, end) => record.toString('utf8', start, end),
    warnings: () => notes,
  };
}

function marc8RecordDecoder(record: Buffer): FieldDecoder {
  let unmapped = 0;
  return {
    charset: 'marc8',
    decode(start, end) {
      const decoded = decodeMarc8(record, start, end);
      unmapped += decoded.unmapped;
      return decoded.text;
    },
    warnings: () => (unmapped ? [`MARC-8: ${unmapped} byte sequence(s) with no Unicode mapping replaced with U+FFFD`] : []),
  };
}

/** Valid UTF-8 with at least one multibyte sequence and no MARC-8 escape. */
function looksLikeUtf8(record: Buffer): boolean {
  let multibyte = false;
  for (let i = 0; i < record.length; i++) {
    const byte = record[i]!;
    if (byte === ESC) return false;
    if (byte >= 0x80) multibyte = true;
  }
  return multibyte && isUtf8(record);
}
