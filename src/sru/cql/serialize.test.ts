import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RELATION, type CqlQuery, type SearchClause } from './ast.js';
import { parseCql } from './parser.js';
import { quote, toCql } from './serialize.js';

describe('toCql', () => {
  it.each([
    ['a or b and c not d', 'a or b and c not d'],
    ['a or (b and c)', 'a or (b and c)'],
    ['((a or b) and (c))', 'a or b and c'],
    ['A AND B Prox/Unit=Word C SORTBY t/sort.Descending', 'A and B prox/Unit=Word C sortby t/sort.Descending'],
    ['title   any/ stem  fish', 'title any/stem fish'],
    ['cql.serverChoice = x', 'cql.serverChoice = x'],
    ['title = harry potter', 'title = harry and title = potter'],
    ['a b c', 'a and b and c'],
    ['c or a b', 'c or (a and b)'],
    ['"and" or "Sortby"', '"and" or "Sortby"'],
    ['title = or', 'title = "or"'],
    ['"dc.title" = "fish"', 'dc.title = fish'],
    ['"my index" ="a/b"', '"my index" = "a/b"'],
    ['""', '""'],
    ['title == "" sortby x', 'title == "" sortby x'],
    ['a prox/unit="x y"/distance<=3 b', 'a prox/unit="x y"/distance<=3 b'],
    ['> dc="info:srw/cql-context-set/1/dc-v1.1" dc.title="fish"', '> dc = "info:srw/cql-context-set/1/dc-v1.1" dc.title = fish'],
    ['> "urn:x" x sortby y', '> "urn:x" x sortby y'],
    ['> x = u (> y = "v" a)', '> x = "u" (> y = "v" a)'],
    ['a and (> dc = x b)', 'a and (> dc = "x" b)'],
    ['> and = or x', '> "and" = "or" x'],
    ['(> dc = x a) and b', '(> dc = "x" a) and b'],
    ['(> a = x a) sortby b', '(> a = "x" a) sortby b'],
    [String.raw`"say \"hi\""`, String.raw`"say \"hi\""`],
    [String.raw`a\*b \^c\\`, String.raw`a\*b and \^c\\`],
    [String.raw`"a b\*" a\"b`, String.raw`"a b\*" and "a\"b"`],
    [String.raw`a\ b`, String.raw`a\ b`],
    ['Достоевский and "東京 🐟"', 'Достоевский and "東京 🐟"'],
  ])('%s  ->  %s', (query, canonical) => {
    expect(toCql(parseCql(query))).toBe(canonical);
    expect(toCql(parseCql(canonical))).toBe(canonical);
  });

  it('writes an implied clause as its bare term and an explicit one in full', () => {
    const clause = (implied: boolean): SearchClause => ({
      kind: 'searchClause', index: 'cql.serverChoice', relation: DEFAULT_RELATION, term: 'x', implied, pos: 0,
    });
    expect(toCql(clause(true))).toBe('x');
    expect(toCql(clause(false))).toBe('cql.serverChoice = x');
  });

  it('parenthesises a prefixed operand on either side', () => {
    const q: CqlQuery = {
      kind: 'boolean', op: 'or', modifiers: [], pos: 0,
      left: parseCql('> p = u a') as never,
      right: parseCql('> q = v b') as never,
    };
    expect(toCql(q)).toBe('(> p = "u" a) or (> q = "v" b)');
  });
});

describe('quote', () => {
  it('quotes what the lexer would split, and reserved words', () => {
    expect(['a', 'a b', 'a(b', 'a)', 'x=y', '<', '>', 'a"b', 'a/b', '', 'OR', 'prox', 'android', '\u00a0'].map(quote)).toEqual([
      'a', '"a b"', '"a(b"', '"a)"', '"x=y"', '"<"', '">"', '"a\\"b"', '"a/b"', '""', '"OR"', '"prox"', 'android', '"\u00a0"',
    ]);
  });

  it('refuses a value no query could produce', () => {
    expect(() => quote('a\\')).toThrow(/cannot be written/);
    expect(() => quote('a\\"b')).toThrow(/cannot be written/);
  });
});
