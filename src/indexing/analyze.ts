/**
 * Text analysis shared by ingest (what is stored) and search (how query terms are read), so both
 * sides always agree. Folding is done here, in JavaScript, rather than by PostgreSQL's unaccent, so
 * the embedded and the server database behave identically.
 */

const COMBINING_MARKS = /\p{M}+/gu;
/** Letters and digits; everything else separates words. Apostrophes inside words split too ("l'été" -> l, ete). */
const WORD = /[\p{L}\p{N}]+/gu;
/** Scripts written without spaces between words: each character is indexed as a word of its own. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Special-case letters that NFD does not decompose into base + mark. */
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', ł: 'l', œ: 'oe', æ: 'ae', ß: 'ss', þ: 'th', ŀ: 'l',
};
const EXTRA_FOLD_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'gu');

const ASCII = /^[\x00-\x7f]*$/;
/** WORD restricted to ASCII: the letters and digits \p{L} and \p{N} match there. */
const ASCII_WORD = /[A-Za-z0-9]+/g;

/** Lower-cases and strips diacritics: "Élève Østergård" -> "eleve ostergard". */
export function fold(text: string): string {
  // Plain ASCII has nothing to decompose or fold beyond case (most catalogue text): skip the rest.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(EXTRA_FOLD_PATTERN, (ch) => EXTRA_FOLDS[ch] ?? ch)
    .normalize('NFC');
}

/** Longest word kept; PostgreSQL refuses lexemes over 2 KB and nobody searches for such words. */
export const MAX_WORD_LENGTH = 100;

/** Splits already-folded text into words, in order. */
export function words(folded: string): string[] {
  const out: string[] = [];
  if (ASCII.test(folded)) {
    // The same split for ASCII text, without Unicode property classes or unspaced scripts.
    for (const match of folded.matchAll(ASCII_WORD)) out.push(match[0].slice(0, MAX_WORD_LENGTH));
    return out;
  }
  for (const match of folded.matchAll(WORD)) {
    const token = match[0];
    if (UNSPACED.test(token)) {
      let run = '';
      for (const ch of token) {
        if (UNSPACED.test(ch)) {
          if (run) out.push(run.slice(0, MAX_WORD_LENGTH));
          run = '';
          out.push(ch);
        } else run += ch;
      }
      if (run) out.push(run.slice(0, MAX_WORD_LENGTH));
    } else out.push(token.slice(0, MAX_WORD_LENGTH));
  }
  return out;
}

/** A whole-value key: folded, punctuation reduced to single spaces, trimmed ("Smith, John," -> "smith john"). */
export function phraseKey(text: string): string {
  return words(fold(text)).join(' ');
}

/**
 * ISBN-10 and ISBN-13 normalise to the same 13-digit key (so either form finds the record);
 * anything else yields undefined.
 */
export function isbnKey(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  const match = /^(97[89]\d{10}|\d{9}[\dX])/.exec(compact);
  if (!match?.[1]) return undefined;
  const isbn = match[1];
  if (isbn.length === 13) return isbn;
  const core = `978${isbn.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(core[i]) * (i % 2 === 0 ? 1 : 3);
  return `${core}${(10 - (sum % 10)) % 10}`;
}

/** ISSN as NNNN-NNNX. */
export function issnKey(text: string): string | undefined {
  const match = /(\d{4})-?(\d{3}[\dXx])/.exec(text);
  return match ? `${match[1]}-${match[2]!.toUpperCase()}` : undefined;
}

/** The first plausible year (1000-2999) in a date statement: "c1998." -> 1998, "[19--?]" -> undefined. */
export function yearValue(text: string): number | undefined {
  const match = /(?<!\d)([12]\d{3})(?!\d)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

export function numberValue(text: string): number | undefined {
  const match = /-?\d+(\.\d+)?/.exec(text);
  return match ? Number(match[0]) : undefined;
}

/** Identifier keys keep their characters but ignore case and surrounding space. */
export function identifierKey(text: string): string {
  return text.trim().toLowerCase();
}
