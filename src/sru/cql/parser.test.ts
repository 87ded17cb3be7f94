import { describe, expect, it } from '@jest/globals';
import { parseFailure as failure, toCompact } from '../../../test/helpers/cql.js';
import { EMPTY_SCOPE, extendScope, splitIndex, type CqlQuery, type PrefixNode, type SearchClause } from './ast.js';
import { CqlLimitError, CqlSyntaxError } from './errors.js';
import { DEFAULT_PARSE_OPTIONS, parseCql, type ParseOptions } from './parser.js';

const c = (query: string, options?: ParseOptions) => toCompact(parseCql(query, options));

describe('parseCql: clauses', () => {
  it('gives a bare term the implied defaults cql.serverChoice and =', () => {
    expect(parseCql('fish')).toEqual({
      kind: 'searchClause', index: 'cql.serverChoice', relation: { base: '=', modifiers: [] }, term: 'fish', implied: true, pos: 0,
    });
    expect(parseCql('cql.serverChoice = fish')).toMatchObject({ index: 'cql.serverChoice', implied: false });
  });

  it('recognises the CQL 1.2 named relations in any case, and any dotted word', () => {
    for (const rel of ['any', 'ALL', 'adj', 'Within', 'encloses', 'cql.any', 'rel.X']) {
      expect(c(`title ${rel} fish`)).toEqual({ index: 'title', relation: rel, term: 'fish' });
    }
  });

  it('does not take CQL 1.1 relations or quoted words as relations', () => {
    expect(c('title exact fish')).toEqual({ and: [{ and: [{ term: 'title' }, { term: 'exact' }] }, { term: 'fish' }] });
    expect(() => parseCql('title exact fish', { freeForm: false })).toThrow(CqlSyntaxError);
    expect(c('title "any" fish')).toEqual({ and: [{ and: [{ term: 'title' }, { term: 'any' }] }, { term: 'fish' }] });
  });

  it('accepts keywords as index, term, prefix and sort key where the grammar has a term', () => {
    expect(c('title = or')).toEqual({ index: 'title', relation: '=', term: 'or' });
    expect(c('and = not')).toEqual({ index: 'and', relation: '=', term: 'not' });
    expect(c('and and and')).toEqual({ and: [{ term: 'and' }, { term: 'and' }] });
    expect(c('prox prox prox')).toEqual({ prox: [{ term: 'prox' }, { term: 'prox' }] });
    expect(c('sortby sortby sortby')).toEqual({ query: { term: 'sortby' }, sortBy: [{ index: 'sortby' }] });
    expect(c('> and = or x')).toEqual({ prefixes: [['and', 'or']], query: { term: 'x' } });
  });

  it('keeps modifiers in source order with their comparisons, whitespace around / allowed', () => {
    expect(c('dc.title any / relevant /cql.string fish')).toEqual({
      index: 'dc.title', relation: 'any', modifiers: [['relevant'], ['cql.string']], term: 'fish',
    });
    expect(c('a =/x<>y/z==w/u>="v w" b')).toEqual({
      index: 'a', relation: '=', modifiers: [['x', '<>', 'y'], ['z', '==', 'w'], ['u', '>=', 'v w']], term: 'b',
    });
  });

  it('preserves the case of names, lower-cases boolean operators', () => {
    expect(c('dC.tiTlE Any/rEl.algOriThm=CORI fish OR x')).toEqual({
      or: [{ index: 'dC.tiTlE', relation: 'Any', modifiers: [['rEl.algOriThm', '=', 'CORI']], term: 'fish' }, { term: 'x' }],
    });
  });

  it('records where each node stands: first token, boolean operator, sortby, sort index', () => {
    const q = parseCql('> dc = "u" (a and dc.title = b) sortby x/y z') as PrefixNode<never>;
    expect(q.pos).toBe(0);
    const sorted = q.query as unknown as { pos: number; sortKeys: { pos: number }[]; query: { pos: number; right: SearchClause } };
    expect(sorted.pos).toBe(32);
    expect(sorted.sortKeys.map((k) => k.pos)).toEqual([39, 43]);
    expect(sorted.query.pos).toBe(14);
    expect(sorted.query.right.pos).toBe(18);
  });
});

describe('parseCql: booleans', () => {
  it('associates booleans of equal precedence to the left', () => {
    expect(c('a or b and c not d')).toEqual({ not: [{ and: [{ or: [{ term: 'a' }, { term: 'b' }] }, { term: 'c' }] }, { term: 'd' }] });
  });

  it('lets parentheses override, and drops them from the tree', () => {
    expect(c('a or (b and (c))')).toEqual({ or: [{ term: 'a' }, { and: [{ term: 'b' }, { term: 'c' }] }] });
  });

  it('reads boolean modifiers, prox ones included', () => {
    expect(c('cat PROX/unit=paragraph/distance>=2/ordered dog')).toEqual({
      prox: [{ term: 'cat' }, { term: 'dog' }], modifiers: [['unit', '=', 'paragraph'], ['distance', '>=', '2'], ['ordered']],
    });
  });
});

describe('parseCql: prefix assignments', () => {
  it('gathers a run of assignments into one node scoping over the query and its sort keys', () => {
    expect(c('> dc = "info:a" > "info:b" dc.title = x sortby dc.date')).toEqual({
      prefixes: [['dc', 'info:a'], [null, 'info:b']],
      query: { query: { index: 'dc.title', relation: '=', term: 'x' }, sortBy: [{ index: 'dc.date' }] },
    });
  });

  it('keeps an assignment in parentheses on the operand it scopes', () => {
    expect(c('a and (> dc = "u" dc.title = b)')).toEqual({
      and: [{ term: 'a' }, { prefixes: [['dc', 'u']], query: { index: 'dc.title', relation: '=', term: 'b' } }],
    });
  });

  it('rejects an assignment after a boolean without parentheses, as the BNF does', () => {
    expect(failure('a and > dc = "u" b')).toMatchObject({ kind: 'syntax', position: 6 });
  });

  it('resolves prefixes against the nearest enclosing assignment', () => {
    const outer = parseCql('> dc = "outer" > "default" (> DC = "inner" x)') as PrefixNode;
    const inner = outer.query as PrefixNode;
    const scope = extendScope(extendScope(EMPTY_SCOPE, outer.assignments), inner.assignments);
    expect(scope.get(splitIndex('dc.title').prefix!.toLowerCase())).toBe('inner');
    expect(scope.get('')).toBe('default');
    expect(splitIndex('marc.245.a')).toEqual({ prefix: 'marc', base: '245.a' });
    expect(splitIndex('title')).toEqual({ prefix: undefined, base: 'title' });
  });
});

describe('parseCql: sortby', () => {
  it('reads sort keys with modifiers, in the 1.2 and OASIS form alike', () => {
    expect(c('dinosaur SortBy dc.date/sort.descending dc.title/sort.ascending/sort.missingValue=1970')).toEqual({
      query: { term: 'dinosaur' },
      sortBy: [
        { index: 'dc.date', modifiers: [['sort.descending']] },
        { index: 'dc.title', modifiers: [['sort.ascending'], ['sort.missingValue', '=', '1970']] },
      ],
    });
  });

  it('allows sortby only at the top level, with at least one key', () => {
    expect(failure('(a sortby b)')).toMatchObject({ kind: 'syntax', position: 3 });
    expect(failure('a sortby')).toMatchObject({ kind: 'syntax', position: 8 });
    expect(failure('a sortby (b)')).toMatchObject({ kind: 'parentheses', position: 9 });
    expect(failure('a sortby b = c')).toMatchObject({ kind: 'syntax', position: 11 });
    expect(c('a sortby b and c')).toEqual({ query: { term: 'a' }, sortBy: [{ index: 'b' }, { index: 'and' }, { index: 'c' }] });
  });
});

describe('parseCql: free-form terms', () => {
  it('joins extra terms with and, each with its clause index and relation', () => {
    expect(c('title =/stem harry "potter" sortby x')).toEqual({
      query: {
        and: [
          { index: 'title', relation: '=', modifiers: [['stem']], term: 'harry' },
          { index: 'title', relation: '=', modifiers: [['stem']], term: 'potter' },
        ],
      },
      sortBy: [{ index: 'x' }],
    });
    const q = parseCql('a b') as { right: SearchClause };
    expect(q.right).toMatchObject({ implied: true, index: 'cql.serverChoice', pos: 2 });
  });

  it('binds a term list tighter than booleans', () => {
    expect(c('c or a b')).toEqual({ or: [{ term: 'c' }, { and: [{ term: 'a' }, { term: 'b' }] }] });
  });

  it('rejects a relation-like word inside a term list', () => {
    expect(failure('a b c.d e')).toMatchObject({ kind: 'syntax', position: 4 });
    expect(failure('a b any e')).toMatchObject({ kind: 'syntax', position: 4 });
  });

  it('rejects term lists in strict mode, at the extra term', () => {
    expect(failure('a b', { freeForm: false })).toMatchObject({ kind: 'syntax', position: 2 });
    expect(failure('title = a "b"', { freeForm: false })).toMatchObject({ kind: 'syntax', position: 10 });
    expect(c('a any b', { freeForm: false })).toEqual({ index: 'a', relation: 'any', term: 'b' });
  });
});

describe('parseCql: syntax errors carry a kind and a position', () => {
  it.each([
    ['', 'syntax', 0],
    ['   ', 'syntax', 3],
    ['title =', 'syntax', 7],
    ['title = = x', 'syntax', 8],
    ['a / b', 'syntax', 2],
    ['>', 'syntax', 1],
    ['> a = b', 'syntax', 7],
    ['a or and or', 'syntax', 11],
    ['a and/ b', 'syntax', 8],
    ['a =/x= b', 'syntax', 8],
    ['a\\', 'syntax', 1],
    [')', 'parentheses', 0],
    ['a and b)', 'parentheses', 7],
    ['(a and (b or c)', 'parentheses', 0],
    ['((a)', 'parentheses', 0],
    ['a (b)', 'parentheses', 2],
    ['title = (x)', 'parentheses', 8],
    ['(a = b = c)', 'syntax', 7],
    ['title = "fish', 'quotes', 8],
    ['"a" "b', 'quotes', 4],
  ] as const)('%j: %s at %d', (query, kind, position) => {
    const error = failure(query);
    expect(error).toBeInstanceOf(CqlSyntaxError);
    expect(error).toMatchObject({ kind, position });
  });
});

describe('parseCql: limits', () => {
  it('has defaults that protect the stack', () => {
    expect(DEFAULT_PARSE_OPTIONS).toMatchObject({ maxLength: 10_000, maxBooleans: 1_000, maxDepth: 64 });
    expect(failure('('.repeat(65) + 'a' + ')'.repeat(65))).toMatchObject({ limit: 'depth', max: 64, position: 64 });
    expect(c('('.repeat(64) + 'a' + ')'.repeat(64))).toEqual({ term: 'a' });
  });

  it('limits the query length before reading it', () => {
    expect(failure('a'.repeat(11), { maxLength: 10 })).toMatchObject({ limit: 'length', max: 10, position: 10 });
    expect(c('"' + 'a'.repeat(8) + '"', { maxLength: 10 })).toEqual({ term: 'aaaaaaaa' });
  });

  it('limits search terms, not other names', () => {
    expect(failure('t = abcd', { maxTermLength: 3 })).toMatchObject({ limit: 'termLength', max: 3, position: 4 });
    expect(failure('abc defg', { maxTermLength: 3 })).toMatchObject({ limit: 'termLength', position: 4 });
    expect(c('abcd.efgh = abc sortby ijklm/nopq', { maxTermLength: 3 })).toBeTruthy();
  });

  it('counts boolean operators, free-form ones included', () => {
    expect(failure('a and b or c', { maxBooleans: 1 })).toMatchObject({ limit: 'booleans', max: 1, position: 8 });
    expect(failure('a b c', { maxBooleans: 1 })).toMatchObject({ limit: 'booleans', position: 4 });
    expect(c('a and b', { maxBooleans: 1 })).toBeTruthy();
  });

  it('throws limit errors as CqlLimitError', () => {
    expect(failure('a or b', { maxBooleans: 0 })).toBeInstanceOf(CqlLimitError);
  });
});

describe('parseCql: linear time', () => {
  it('parses long flat and long free-form queries without trouble', () => {
    const flat = Array.from({ length: 1000 }, (_, i) => `t${i}`).join(' or ');
    const q: CqlQuery = parseCql(flat, { maxLength: 100_000, maxBooleans: 1000 });
    expect(q.kind).toBe('boolean');
    const words = Array.from({ length: 900 }, (_, i) => `w${i}`).join(' ');
    expect(parseCql('title =' + '/m'.repeat(2000) + ' ' + words, { maxLength: 100_000 }).kind).toBe('boolean');
  });
});
