/**
 * Splits a byte stream into ISO 2709 records at the 0x1D record terminator, holding at most one
 * record in memory. The terminator is used rather than the leader's length because the length is
 * the first thing broken files get wrong (oversize records, character counts); 0x1D cannot occur
 * inside UTF-8 or MARC-8 text, so it is the safer boundary.
 *
 * Bytes that are only line breaks or NULs between records are skipped. A last record without
 * terminator is still handed over, marked unterminated.
 */
import { byteChunks, type MarcInput } from './input.js';
import { RECORD_TERMINATOR } from './iso2709-parse.js';

/** Larger than any real record (ISO 2709 caps at 99,999 bytes; oversize exports reach ~1 MB). */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export type RecordBytes =
  | { readonly kind: 'record'; readonly bytes: Buffer; readonly terminated: boolean }
  | { readonly kind: 'oversize'; readonly skipped: number };

export async function* splitIso2709(input: MarcInput, maxRecordBytes = MAX_RECORD_BYTES): AsyncGenerator<RecordBytes> {
  let parts: Buffer[] = [];
  let held = 0;
  /** Bytes thrown away since the buffer overflowed; -1 when not discarding. */
  let discarded = -1;
  for await (const chunk of byteChunks(input)) {
    let pos = 0;
    while (pos < chunk.length) {
      const stop = chunk.indexOf(RECORD_TERMINATOR, pos);
      if (stop < 0) {
        if (discarded >= 0) discarded += chunk.length - pos;
        else {
          parts.push(chunk.subarray(pos));
          held += chunk.length - pos;
          if (held > maxRecordBytes) {
            discarded = held;
            parts = [];
            held = 0;
          }
        }
        break;
      }
      if (discarded >= 0) {
        yield { kind: 'oversize', skipped: discarded + stop + 1 - pos };
        discarded = -1;
      } else {
        const tail = chunk.subarray(pos, stop + 1);
        const bytes = parts.length ? Buffer.concat([...parts, tail], held + tail.length) : tail;
        parts = [];
        held = 0;
        const record = trimSeparators(bytes);
        if (record.length > 1) yield { kind: 'record', bytes: record, terminated: true };
      }
      pos = stop + 1;
    }
  }
  if (discarded >= 0) yield { kind: 'oversize', skipped: discarded };
  else if (held) {
    const record = trimSeparators(Buffer.concat(parts, held));
    if (record.some((byte) => byte !== 0x20)) yield { kind: 'record', bytes: record, terminated: false };
  }
}

/** Drops line breaks and NULs that some exports put between records. */
function trimSeparators(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x00)) start++;
  return start ? bytes.subarray(start) : bytes;
}
