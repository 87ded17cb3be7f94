/**
 * Splits a MARCXML byte stream into the text of its <record> elements (with or without a
 * namespace prefix), holding at most one record in memory, so that one broken record costs only
 * itself: each piece is parsed on its own. Everything outside records (XML declaration, DOCTYPE,
 * <collection>, OAI-PMH or SRU envelopes, comments) is skipped unread.
 *
 * A record whose end tag never comes before the next record starts is handed over up to that
 * point, so the parser reports it as not well-formed and the next record is still read.
 */
import { byteChunks, type MarcInput } from './input.js';

/** Larger than any real record; a run-away record is reported, not buffered without end. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

export type RecordText =
  | { readonly kind: 'record'; readonly xml: string }
  | { readonly kind: 'oversize'; readonly skipped: number };

/** `<record` or `<prefix:record` followed by whitespace, '>' or '/'. */
const START = /<([A-Za-z_][\w.-]*:)?record(?=[\s>/])/g;

export async function* splitMarcXml(input: MarcInput, maxRecordChars = MAX_RECORD_CHARS): AsyncGenerator<RecordText> {
  const decoder = new TextDecoder('utf-8'); // bad bytes become U+FFFD; the record then reads with a warning-free repair
  let text = '';
  let searchFrom = 0;
  const pieces = function* (final: boolean): Generator<RecordText> {
    for (;;) {
      START.lastIndex = searchFrom;
      const start = START.exec(text);
      if (!start) {
        // keep only a tail that could hold the beginning of a start tag
        const keep = Math.max(text.lastIndexOf('<'), text.length - 64);
        text = final ? '' : text.slice(Math.max(0, keep));
        searchFrom = 0;
        return;
      }
      const prefix = start[1] ?? '';
      const afterStart = start.index + start[0].length;
      const selfClosing = /^[^<>]*\/>/.exec(text.slice(afterStart, afterStart + 4096));
      let stop: number;
      if (selfClosing) stop = afterStart + selfClosing[0].length;
      else {
        const endTag = new RegExp(`</${prefix.replace(/\./g, '\\.')}record\\s*>`, 'g');
        endTag.lastIndex = afterStart;
        const end = endTag.exec(text);
        START.lastIndex = afterStart;
        const next = START.exec(text);
        if (next && (!end || next.index < end.index)) stop = next.index; // unterminated record
        else if (end) stop = end.index + end[0].length;
        else if (final) stop = text.length;
        else {
          if (text.length - start.index > maxRecordChars) {
            yield { kind: 'oversize', skipped: text.length - start.index };
            text = '';
            searchFrom = 0;
            return;
          }
          text = text.slice(start.index); // wait for more input
          searchFrom = 0;
          return;
        }
      }
      yield { kind: 'record', xml: text.slice(start.index, stop) };
      text = text.slice(stop);
      searchFrom = 0;
    }
  };
  for await (const chunk of byteChunks(input)) {
    text += decoder.decode(chunk, { stream: true });
    yield* pieces(false);
  }
  text += decoder.decode();
  yield* pieces(true);
}
