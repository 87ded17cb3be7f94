/**
 * Property: any tree the parser can produce is written by toCql as a query that parses back to
 * the same tree (positions aside). Trees are generated, not parsed, so the serialiser's quoting,
 * escaping and parenthesising meet shapes no corpus lists.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stripPositions } from '../../../test/helpers/cql.js';
import {
  DEFAULT_INDEX, DEFAULT_RELATION,
  type BooleanNode, type CqlNode, type CqlQuery, type Modifier, type PrefixAssignment, type PrefixNode,
  type SearchClause, type SortedQuery, type SortKey,
} from './ast.js';
import { parseCql } from './parser.js';
import { toCql } from './serialize.js';
import { BOOLEAN_OPERATORS, COMPARISON_SYMBOLS } from './tokens.js';

/**
 * Term values as the lexer makes them: any characters, where a backslash always starts a pair
 * with a character other than `"` (tokens.ts). Delimiters, keywords and the empty string make the
 * serialiser quote.
 */
const plainChar = fc.constantFrom('a', 'B', '7', '.', ':', '*', '?', '^', '#', '-', 'é', '東', '🐟', ' ', '\t', '\u00a0', '(', ')', '=', '<', '>', '"', '/');
const escapePair = fc.constantFrom('*', '?', '^', '\\', 'a', ' ', '(', '/', '🐟').map((ch) => '\\' + ch);
const termValue = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: plainChar }, escapePair), { minLength: 1, maxLength: 6 }).map((units) => units.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('', 'and', 'OR', 'Not', 'prox', 'sortBy', 'any', 'cql.any', 'exact') },
);
const name = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('dc.title', 'title', 'bath.isbn', 'stem', 'rel.algorithm', 'sort.descending', 'distance', 'Unit') },
  { weight: 1, arbitrary: termValue },
);
const relationBase = fc.constantFrom(...COMPARISON_SYMBOLS, 'any', 'all', 'adj', 'within', 'encloses', 'cql.any', 'ANY', 'rel.x');

const modifier: fc.Arbitrary<Modifier> = fc.oneof(
  name.map((n) => ({ name: n })),
  fc.record({ name, comparison: fc.constantFrom(...COMPARISON_SYMBOLS), value: termValue }),
);
const modifiers = fc.array(modifier, { maxLength: 3 });

const clause: fc.Arbitrary<SearchClause> = fc.oneof(
  termValue.map((term) => ({
    kind: 'searchClause' as const, index: DEFAULT_INDEX, relation: DEFAULT_RELATION, term, implied: true, pos: 0,
  })),
  fc.record({ index: name, base: relationBase, modifiers, term: termValue }).map(({ index, base, modifiers: mods, term }) => ({
    kind: 'searchClause' as const, index, relation: { base, modifiers: mods }, term, implied: false, pos: 0,
  })),
);

const assignment: fc.Arbitrary<PrefixAssignment> = fc.oneof(
  termValue.map((uri) => ({ uri })),
  fc.record({ name, uri: termValue }),
);
const assignments = fc.array(assignment, { minLength: 1, maxLength: 2 });

const { node } = fc.letrec<{ node: CqlNode; boolean: BooleanNode; prefix: PrefixNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, clause, tie('boolean'), tie('prefix')),
  boolean: fc.record({ op: fc.constantFrom(...BOOLEAN_OPERATORS), modifiers, left: tie('node'), right: tie('node') })
    .map((b) => ({ kind: 'boolean' as const, ...b, pos: 0 })),
  prefix: fc.record({ assignments, query: tie('node') }).map((p) => ({ kind: 'prefix' as const, ...p, pos: 0 })),
}));

const sortKey: fc.Arbitrary<SortKey> = fc.record({ index: name, modifiers }).map((k) => ({ ...k, pos: 0 }));
const sorted: fc.Arbitrary<SortedQuery> = fc.record({ query: node, sortKeys: fc.array(sortKey, { minLength: 1, maxLength: 3 }) })
  .map((s) => ({ kind: 'sortedQuery' as const, ...s, pos: 0 }));
const query: fc.Arbitrary<CqlQuery> = fc.oneof(
  { weight: 3, arbitrary: node },
  { weight: 1, arbitrary: sorted },
  { weight: 1, arbitrary: fc.record({ assignments, query: sorted }).map((p) => ({ kind: 'prefix' as const, ...p, pos: 0 })) },
);

describe('CQL round trip', () => {
  it('parses the canonical CQL of any tree back to that tree', () => {
    fc.assert(
      fc.property(query, (ast) => {
        const text = toCql(ast);
        expect(stripPositions(parseCql(text))).toEqual(stripPositions(ast));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the same text again for the tree it parsed (canonical form is a fixed point)', () => {
    fc.assert(
      fc.property(query, (ast) => {
        const text = toCql(ast);
        expect(toCql(parseCql(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
