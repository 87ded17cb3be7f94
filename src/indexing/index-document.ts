import type { MarcRecord } from '../marc/record.js';
import { fold, identifierKey, isbnKey, issnKey, numberValue, words, yearValue } from './analyze.js';
import { extractValues, fieldsByTag } from './extract.js';
import type { CompiledIndex, IndexMap } from './index-map.js';

/** What search needs of one record, computed at ingest and stored with it. */
export interface IndexDocument {
  /** A PostgreSQL tsvector literal of index-prefixed words with positions. */
  readonly lexemes: string;
  readonly keys: readonly IndexKey[];
  readonly sortKeys: readonly SortKey[];
}

export interface IndexKey {
  readonly index: string;
  /** Normalised whole value: what ==, ranges and scan compare. */
  readonly key: string;
  /** The value as catalogued (scan's displayTerm, respectCase checks). */
  readonly value: string;
  readonly num: number | null;
}

export interface SortKey {
  readonly index: string;
  readonly key: string;
}

/** Separates the index name from the word in a lexeme: "title~history". */
export const LEXEME_SEPARATOR = '~';
/** Gap between two values of one index, so a phrase never spans two fields (larger than any proximity distance we accept). */
export const VALUE_POSITION_GAP = 20;
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;

export function lexeme(index: string, word: string): string {
  return `${index}${LEXEME_SEPARATOR}${word}`;
}

export function buildIndexDocument(record: MarcRecord, indexMap: IndexMap): IndexDocument {
  const positions = new Map<string, number[]>();
  const keys: IndexKey[] = [];
  const sortKeys: SortKey[] = [];
  const fields = fieldsByTag(record);
  // The same field feeds several indexes (100 is in creator, name, personal_name, anywhere): split it once.
  const wordCache = new Map<string, string[]>();
  const wordsOf = (text: string): string[] => {
    let list = wordCache.get(text);
    if (!list) wordCache.set(text, (list = words(fold(text))));
    return list;
  };
  for (const index of indexMap) {
    const values = extractValues(record, index, fields);
    if (values.length === 0) continue;
    if (index.hasWords || index.anywhere) addWords(positions, index.name, values.map((v) => v.text), wordsOf);
    if (!index.hasKeys) continue;
    const indexKeys = uniqueKeys(values.map((v) => keyFor(index, v.filing, v.text, wordsOf)).filter((k) => k !== undefined));
    keys.push(...indexKeys);
    if (index.config.sort && indexKeys[0]) sortKeys.push({ index: index.name, key: sortKeyOf(indexKeys[0]) });
  }
  return { lexemes: tsvectorLiteral(positions), keys, sortKeys };
}

function addWords(positions: Map<string, number[]>, index: string, texts: readonly string[], wordsOf: (text: string) => string[]): void {
  let position = 1;
  const prefix = `${index}${LEXEME_SEPARATOR}`;
  for (const text of texts) {
    for (const word of wordsOf(text)) {
      const lex = prefix + word;
      let list = positions.get(lex);
      if (!list) positions.set(lex, (list = []));
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(Math.min(position, MAX_POSITION));
      position += 1;
    }
    position += VALUE_POSITION_GAP;
  }
}

function keyFor(index: CompiledIndex, filing: string, text: string, wordsOf: (text: string) => string[]): IndexKey | undefined {
  const value = text.slice(0, 1000);
  switch (index.config.type) {
    case 'isbn': {
      const key = isbnKey(text);
      return key ? { index: index.name, key, value, num: null } : undefined;
    }
    case 'issn': {
      const key = issnKey(text);
      return key ? { index: index.name, key, value, num: null } : undefined;
    }
    case 'date': {
      const year = yearValue(text);
      return year === undefined ? undefined : { index: index.name, key: String(year), value, num: year };
    }
    case 'number': {
      const num = numberValue(text);
      return num === undefined ? undefined : { index: index.name, key: String(num), value, num };
    }
    case 'identifier':
      return { index: index.name, key: identifierKey(text).slice(0, 500), value, num: null };
    default: {
      const key = wordsOf(filing).join(' ').slice(0, 500); // phraseKey(filing), through the cache
      return key ? { index: index.name, key, value, num: null } : undefined;
    }
  }
}

function uniqueKeys(keys: IndexKey[]): IndexKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k.key) ? false : (seen.add(k.key), true)));
}

/** Numbers sort as zero-padded text so one text column orders every index type. */
function sortKeyOf(key: IndexKey): string {
  if (key.num === null) return key.key.slice(0, 200);
  return String(Math.max(0, Math.round(key.num))).padStart(12, '0');
}

/**
 * Lexemes in sorted order: PostgreSQL sorts a tsvector's lexemes when it reads the literal, and its
 * sort is much cheaper on input that is already in order (what it stores does not change).
 */
function tsvectorLiteral(positions: Map<string, number[]>): string {
  const parts: string[] = [];
  for (const lex of [...positions.keys()].sort()) {
    const list = positions.get(lex)!;
    const quoted = lex.includes('\\') || lex.includes("'") ? lex.replace(/\\/g, '\\\\').replace(/'/g, "''") : lex;
    parts.push(`'${quoted}':${list.join(',')}`);
  }
  return parts.join(' ');
}
