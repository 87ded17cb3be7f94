import { describe, expect, it } from '@jest/globals';
import { parseCql } from './parser.js';
import { termUnits } from './term.js';

function units(value: string): string {
  return termUnits(value).map((u) => (u.escaped ? `[${u.char}]` : u.char)).join('');
}

describe('termUnits', () => {
  it('marks the characters the query escaped', () => {
    expect(units(String.raw`a\*b*c\?d\^e\\f`)).toBe('a[*]b*c[?]d[^]e[\\]f');
  });

  it('counts a bare double quote as escaped: only \\" can have produced it', () => {
    const clause = parseCql(String.raw`"say \"hi\" \\"`);
    expect(clause.kind === 'searchClause' && units(clause.term)).toBe('say ["]hi["] [\\]');
  });

  it('works on whole code points', () => {
    expect(termUnits('\\🐟x')).toEqual([{ char: '🐟', escaped: true }, { char: 'x', escaped: false }]);
  });

  it('keeps a final lone backslash as a plain character', () => {
    expect(units('a\\')).toBe('a\\');
  });
});
