/**
 * readIso2709: a stream of ISO 2709 bytes -> one ReadResult per record, in order, numbered from 1.
 * Memory holds one record at a time. Never throws because of the data: a record that cannot be
 * read is a ReadFailure with a reason, and reading goes on with the next record. Errors of the
 * input stream itself (a file that cannot be read) do propagate.
 */
import type { MarcInput } from './input.js';
import { parseIso2709 } from './iso2709-parse.js';
import { splitIso2709 } from './iso2709-split.js';
import type { ReadResult } from './record.js';

export async function* readIso2709(input: MarcInput): AsyncGenerator<ReadResult> {
  let position = 0;
  for await (const piece of splitIso2709(input)) {
    position++;
    if (piece.kind === 'oversize') {
      yield { ok: false, position, reason: `no record terminator within ${piece.skipped} bytes: skipped` };
      continue;
    }
    yield readOne(piece.bytes, piece.terminated, position);
  }
}

function readOne(bytes: Buffer, terminated: boolean, position: number): ReadResult {
  let outcome;
  try {
    outcome = parseIso2709(bytes);
  } catch (error) {
    // A bug of ours, not the data's fault; still one record must not end the whole import.
    return { ok: false, position, reason: `internal error while parsing: ${(error as Error).message}` };
  }
  if (!outcome.ok) {
    return { ok: false, position, reason: terminated ? outcome.reason : `truncated record (no record terminator at end of input): ${outcome.reason}` };
  }
  if (!terminated && !outcome.directoryHeld) {
    // The input ended inside a record and its directory does not vouch for the fields: the last one
    // may be cut short, so this is a failure rather than a repair.
    return { ok: false, position, reason: `truncated record: input ends after ${bytes.length} bytes without record terminator, and the directory does not match the data` };
  }
  const warnings = terminated ? outcome.warnings : ['no record terminator at end of input', ...outcome.warnings];
  return { ok: true, position, record: outcome.record, warnings, illegalCharsReplaced: outcome.illegalCharsReplaced };
}
