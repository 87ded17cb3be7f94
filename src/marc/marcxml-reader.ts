/**
 * readMarcXml: a MARCXML stream (a collection, a single record, or any envelope holding records,
 * with or without namespace prefix) -> one ReadResult per <record> element, numbered from 1.
 * Memory holds one record at a time. Never throws because of the data; errors of the input
 * stream itself do propagate.
 */
import type { MarcInput } from './input.js';
import { parseMarcXmlRecord } from './marcxml-parse.js';
import { splitMarcXml } from './marcxml-split.js';
import type { ReadResult } from './record.js';

export async function* readMarcXml(input: MarcInput): AsyncGenerator<ReadResult> {
  let position = 0;
  for await (const piece of splitMarcXml(input)) {
    position++;
    if (piece.kind === 'oversize') {
      yield { ok: false, position, reason: `record element not closed within ${piece.skipped} characters: skipped` };
      continue;
    }
    const outcome = parseMarcXmlRecord(piece.xml);
    yield outcome.ok
      ? { ok: true, position, record: outcome.record, warnings: outcome.warnings, illegalCharsReplaced: outcome.illegalCharsReplaced }
      : { ok: false, position, reason: outcome.reason };
  }
}
