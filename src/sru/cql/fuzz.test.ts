/**
 * Property: on any input the parser either returns a tree or throws a CqlError with a position
 * inside the query; never anything else (no TypeError, no stack overflow). Whatever it accepts
 * survives the round trip through canonical CQL and renders as XCQL.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stripPositions } from '../../../test/helpers/cql.js';
import { CqlError, CqlLimitError, CqlSyntaxError } from './errors.js';
import { parseCql, type ParseOptions } from './parser.js';
import { toCql } from './serialize.js';
import { toXcql } from './xcql.js';

/** Pieces that reach deep into the grammar far more often than random characters do. */
const piece = fc.constantFrom(
  '(', ')', '"', '\\', '/', '=', '==', '<', '>', '<=', '<>', ' ', '\t', 'a', 'b.c', 'any', 'adj',
  'and', 'OR', 'not', 'prox', 'sortby', '> p = "u" ', '> "u" ', 'x="y z"', '*', '^', 'é', '\ud800', '🐟',
);
const soup = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
const anything = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
  soup,
);

function check(input: string, options?: ParseOptions): void {
  let ast;
  try {
    ast = parseCql(input, options);
  } catch (e) {
    expect(e).toBeInstanceOf(CqlError);
    expect(e instanceof CqlSyntaxError || e instanceof CqlLimitError).toBe(true);
    const position = (e as CqlError).position;
    expect(Number.isInteger(position) && position >= 0 && position <= input.length).toBe(true);
    return;
  }
  // The canonical text may be longer (quotes, explicit `and`s) and one level deeper per term
  // list in a right operand (`c or a b` -> `c or (a and b)`), so those limits are lifted.
  const again = parseCql(toCql(ast), { ...options, maxLength: Infinity, maxDepth: Infinity });
  expect(stripPositions(again)).toEqual(stripPositions(ast));
  expect(typeof toXcql(ast)).toBe('string');
}

describe('CQL parser on arbitrary input', () => {
  it('accepts or throws a positioned CqlError, and round-trips what it accepts', () => {
    fc.assert(fc.property(anything, (input) => check(input)), { numRuns: 3000 });
  });

  it('does the same in strict mode and under tight limits', () => {
    const options = fc.record({
      freeForm: fc.boolean(),
      maxLength: fc.integer({ min: 0, max: 100 }),
      maxTermLength: fc.integer({ min: 0, max: 5 }),
      maxBooleans: fc.integer({ min: 0, max: 5 }),
      maxDepth: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(fc.property(anything, options, (input, opts) => check(input, opts)), { numRuns: 2000 });
  });

  it('survives pathological nesting and length within the default limits', () => {
    for (const input of [
      '('.repeat(10_000),
      ')'.repeat(10_000),
      '('.repeat(5_000) + 'a' + ')'.repeat(4_999),
      'a '.repeat(4_999),
      'a and '.repeat(1_666) + 'a',
      'a and '.repeat(1_000) + 'a',
      'a and ('.repeat(64) + 'a' + ')'.repeat(64),
      '> p = "u" '.repeat(999) + 'a',
      '"'.repeat(9_999),
      '\\'.repeat(10_000),
      'a/'.repeat(5_000),
      'a sortby' + ' b/c'.repeat(2_000),
    ]) check(input);
  });
});
