/**
 * MARC-8 -> Unicode, after the Library of Congress code tables (data in marc8-tables.ts).
 *
 * Contract: decodeMarc8 never throws. Bytes it cannot map become U+FFFD and are counted in
 * `unmapped`, so the caller can warn. The result is NFC-normalised: MARC-8 puts combining marks
 * before their base letter, Unicode after, and NFC then composes "e" + U+0301 into "é" where a
 * precomposed character exists.
 *
 * State rules (MARC 21 Specifications, "Character sets and encoding options", part 2):
 * - every call starts with G0 = Basic Latin (ASCII) and G1 = Extended Latin (ANSEL). Callers decode
 *   one subfield (or control field) value at a time, as yaz and pymarc do: records re-designate at
 *   the start of each subfield that needs it (CJK and Cyrillic 880s in the test files rely on the
 *   reset, e.g. a "$h" in ASCII right after a CJK "$a"), and the subfield code byte after 0x1F is
 *   always ASCII, even while G0 is CJK, so callers cut subfields on the bytes first;
 * - ESC [$] (|,|)|- [!] F designates set F into G0 ("(" ",") or G1 (")" "-"); "$" marks the
 *   multibyte EACC set; ESC g / b / p / s switch G0 to Greek symbols / subscripts / superscripts /
 *   back to ASCII (technique 1);
 * - space and control bytes (below 0x20) mean themselves whatever set is designated.
 * "&#xXXXX;" references (the lossless convention) are expanded to the character they name.
 */
import { C1_CODES, EACC_RUNS, SINGLE_BYTE_SETS, type SingleByteSet } from './marc8-tables.js';

const ESC = 0x1b;
const BASIC_LATIN = 0x42;
const ANSEL = 0x45;
const EACC = 0x31;
/** Technique 1 final "s" means: back to ASCII. */
const RETURN_TO_ASCII = 0x73;
const REPLACEMENT = 0xfffd;
/** ANSEL EC (ligature, second half) and FB (double tilde, second half). */
const DOUBLE_DIACRITIC_SECOND_HALVES = new Set([0xec, 0xfb]);

export interface Marc8Decoded {
  readonly text: string;
  /** Bytes (or EACC triples) with no mapping, each now U+FFFD; broken escape sequences count too. */
  readonly unmapped: number;
}

interface SetInfo {
  readonly set: SingleByteSet;
  readonly combining: ReadonlySet<number>;
}

const singleByteSets = new Map<number, SetInfo>(
  Object.entries(SINGLE_BYTE_SETS).map(([iso, set]) => [Number(iso), { set, combining: new Set(set.combining) }]),
);

let eaccTable: Map<number, number> | undefined;

/** Built on first use: most catalogues never meet a CJK record. */
function eaccCodePoint(code: number): number | undefined {
  if (!eaccTable) {
    eaccTable = new Map();
    for (const run of EACC_RUNS.split(';')) {
      const [start, codePoints] = run.split(':') as [string, string];
      let key = parseInt(start, 16);
      for (const cp of codePoints.split(',')) eaccTable.set(key++, parseInt(cp, 16));
    }
  }
  return eaccTable.get(code);
}

/** Decodes bytes [start, end) of `bytes` from MARC-8; marks left without a base at the end are kept. */
export function decodeMarc8(bytes: Uint8Array, start = 0, end = bytes.length): Marc8Decoded {
  let g0 = BASIC_LATIN;
  let g1 = ANSEL;
  let unmapped = 0;
  const out: number[] = [];
  /** Combining marks seen before their base character. */
  let pending: number[] = [];

  const emitBase = (cp: number): void => {
    out.push(cp);
    if (pending.length) {
      for (const mark of pending) out.push(mark);
      pending = [];
    }
  };
  const flushPending = (): void => {
    for (const mark of pending) out.push(mark);
    pending = [];
  };

  let i = start;
  while (i < end) {
    const byte = bytes[i]!;
    if (byte === ESC) {
      const escape = readEscape(bytes, i, end);
      if (!escape) {
        unmapped++; // a lone, incomplete or unknown escape: drop the ESC byte, keep what follows
        i++;
        continue;
      }
      const set = escape.final === RETURN_TO_ASCII ? BASIC_LATIN : escape.final;
      if (escape.target === 'G1') g1 = set;
      else g0 = set;
      i += escape.length;
      continue;
    }
    if (byte < 0x20) {
      flushPending(); // a mark never attaches across a subfield delimiter or other control
      out.push(byte);
      i++;
      continue;
    }
    if (byte === 0x20) {
      emitBase(0x20);
      i++;
      continue;
    }
    if (byte >= 0x80 && byte < 0xa0) {
      const cp = C1_CODES[byte];
      if (cp === undefined) {
        unmapped++;
        emitBase(REPLACEMENT);
      } else {
        out.push(cp);
      }
      i++;
      continue;
    }
    const setId = byte < 0x80 ? g0 : g1;
    if (setId === EACC) {
      if (i + 3 > end || bytes[i + 1]! <= 0x20 || bytes[i + 2]! <= 0x20) {
        // A stray byte where a triple should be (an ASCII ":" after a space, say): read it as ASCII.
        emitBase(byte & 0x7f);
        i++;
        continue;
      }
      const code = ((bytes[i]! & 0x7f) << 16) | ((bytes[i + 1]! & 0x7f) << 8) | (bytes[i + 2]! & 0x7f);
      const cp = eaccCodePoint(code);
      if (cp === undefined) {
        // Usually a lost byte has shifted the triples: resynchronise one byte on, as yaz does,
        // marking the damage with a single U+FFFD however many bytes it takes.
        unmapped++;
        if (out[out.length - 1] !== REPLACEMENT) emitBase(REPLACEMENT);
        i++;
        continue;
      }
      emitBase(cp);
      i += 3;
      continue;
    }
    const info = singleByteSets.get(setId);
    const index = (byte & 0x7f) - 0x20;
    const cp = info ? info.set.chars.charCodeAt(index) : REPLACEMENT;
    if (info && cp === REPLACEMENT && byte < 0x80) {
      // Non-Latin G0 sets (Basic Greek lacks digits and most punctuation) leave gaps that records
      // fill with ASCII without switching back: read the byte as ASCII, as marc4j and yaz users expect.
      emitBase(byte);
    } else if (!info || cp === REPLACEMENT) {
      // ANSEL second halves of double diacritics (EC, FB) are unmapped on purpose: Unicode writes
      // the double diacritic once (U+0360/U+0361), so they are dropped rather than reported.
      if (!(setId === ANSEL && DOUBLE_DIACRITIC_SECOND_HALVES.has(byte | 0x80))) {
        unmapped++;
        emitBase(REPLACEMENT);
      }
    } else if (info.combining.has(index)) {
      pending.push(cp);
    } else {
      emitBase(cp);
    }
    i++;
  }
  flushPending();
  return { text: expandCharacterReferences(codePointsToString(out)).normalize('NFC'), unmapped };
}

/**
 * MARC-8's lossless convention writes a character outside its repertoire as "&#xXXXX;" (MARC 21
 * Specifications, "Lossless conversion"); once in Unicode the character itself is wanted.
 */
const CHARACTER_REFERENCE = /&#x([0-9A-Fa-f]{1,6});/g;

function expandCharacterReferences(text: string): string {
  if (!text.includes('&#x')) return text;
  return text.replace(CHARACTER_REFERENCE, (reference, hex: string) => {
    const cp = parseInt(hex, 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : reference;
  });
}

/** String.fromCodePoint takes its arguments on the stack: convert long fields in slices. */
function codePointsToString(codePoints: readonly number[]): string {
  if (codePoints.length <= 8192) return String.fromCodePoint(...codePoints);
  let text = '';
  for (let k = 0; k < codePoints.length; k += 8192) text += String.fromCodePoint(...codePoints.slice(k, k + 8192));
  return text;
}

interface Escape {
  readonly length: number;
  readonly target: 'G0' | 'G1';
  readonly final: number;
}

/** Reads the escape sequence at `i`; undefined if it is incomplete or names a set MARC-8 lacks. */
function readEscape(bytes: Uint8Array, i: number, end: number): Escape | undefined {
  let p = i + 1;
  let target: Escape['target'] = 'G0';
  if (p < end && bytes[p] === 0x24) p++; // "$": multibyte set
  if (p < end && (bytes[p] === 0x28 || bytes[p] === 0x2c)) p++; // "(" or ",": G0
  else if (p < end && (bytes[p] === 0x29 || bytes[p] === 0x2d)) {
    target = 'G1'; // ")" or "-": G1
    p++;
  }
  if (p < end && bytes[p] === 0x21) p++; // "!": ANSEL's intermediate
  if (p >= end) return undefined;
  const final = bytes[p]!;
  if (final !== EACC && final !== RETURN_TO_ASCII && !singleByteSets.has(final)) return undefined;
  return { length: p + 1 - i, target, final };
}
