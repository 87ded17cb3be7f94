/**
 * The vocabulary of CQL 1.2 (LoC cql/spec.html, BNF) as the lexer hands it to the parser.
 *
 * Positions are 0-based offsets into the query string in UTF-16 code units (what JavaScript
 * string indices count), so `query.slice(token.pos, token.end)` is the token's source text.
 */

/** Reserved words: matched case-insensitively, and only on unquoted words. */
export const KEYWORDS = ['and', 'or', 'not', 'prox', 'sortby'] as const;
export type Keyword = (typeof KEYWORDS)[number];

export const BOOLEAN_OPERATORS = ['and', 'or', 'not', 'prox'] as const;
export type BooleanOperator = (typeof BOOLEAN_OPERATORS)[number];

/** comparitorSymbol: relation symbols, also the comparison inside a modifier (`/distance<=3`). */
export const COMPARISON_SYMBOLS = ['=', '==', '<>', '<', '>', '<=', '>='] as const;
export type ComparisonSymbol = (typeof COMPARISON_SYMBOLS)[number];

/**
 * A word (charString1) or a quoted string (charString2). Both are "terms" in the grammar: the same
 * token may serve as index, search term, relation name, modifier name or value, prefix or URI.
 *
 * `value` applies one escaping rule to both forms: a backslash takes the next character with it,
 * and the backslash is KEPT in the value, except before `"` where it is dropped. So `"a\*b"` has
 * the value `a\*b` (the translator decides that `\*` is a literal asterisk, diag 26 for `\x`), and
 * `"say \"hi\""` has the value `say "hi"`. Reading a value pairwise from the left therefore tells
 * exactly which characters were escaped: every backslash starts a pair, and a bare `"` can only
 * have come from `\"` (see term.ts).
 */
export interface TermToken {
  readonly type: 'term';
  readonly value: string;
  readonly quoted: boolean;
  /** Set on an unquoted word spelling a reserved word in any case; a quoted string never is one. */
  readonly keyword: Keyword | undefined;
  readonly pos: number;
  readonly end: number;
}

export interface ComparisonToken {
  readonly type: 'comparison';
  readonly symbol: ComparisonSymbol;
  readonly pos: number;
  readonly end: number;
}

export interface PunctuationToken {
  readonly type: '(' | ')' | '/' | 'eof';
  readonly pos: number;
  readonly end: number;
}

export type Token = TermToken | ComparisonToken | PunctuationToken;

/** Characters that end an unquoted word, besides whitespace (charString1). */
export const WORD_DELIMITERS = '()=<>"/';

/** Whitespace as ECMAScript defines it (so U+00A0 and U+3000 separate words too). */
export function isWhitespace(ch: string): boolean {
  return /\s/.test(ch);
}

export function keywordOf(word: string): Keyword | undefined {
  if (word.length > 6) return undefined;
  const lower = word.toLowerCase();
  return (KEYWORDS as readonly string[]).includes(lower) ? (lower as Keyword) : undefined;
}

/** Describes a token for an error message. */
export function describeToken(token: Token): string {
  switch (token.type) {
    case 'eof': return 'end of query';
    case 'term': return token.quoted ? `"${token.value}"` : `'${token.value}'`;
    case 'comparison': return `'${token.symbol}'`;
    default: return `'${token.type}'`;
  }
}
