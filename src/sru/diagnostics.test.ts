import { describe, expect, it } from '@jest/globals';
import { parseFailure } from '../../test/helpers/cql.js';
import type { ParseOptions } from './cql/parser.js';
import { DIAG, DIAGNOSTICS, diagnosticUri, fromCqlError, SruDiagnostic } from './diagnostics.js';

describe('the diagnostics table', () => {
  it('holds the official list: 1-121 as published, plus 235', () => {
    const published = [
      1, 2, 3, 4, 5, 6, 7, 8,
      ...range(10, 74), ...range(80, 96), 100, 101, 102, 110, 111, 120, 121, 235,
    ];
    expect([...DIAGNOSTICS.keys()].sort((a, b) => a - b)).toEqual(published);
  });

  it('marks the deprecated numbers', () => {
    const deprecated = [...DIAGNOSTICS.values()].filter((e) => 'deprecated' in e).map((e) => e.code);
    expect(deprecated).toEqual([11, 17, 25, 45, 54, 56, 57, 62, 63, 81, 85, 100, 101, 102]);
  });

  it('names every number exactly once', () => {
    const codes = Object.values(DIAG);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(DIAGNOSTICS.size);
    expect(DIAG.UNSUPPORTED_INDEX).toBe(16);
    expect(DIAG.QUERY_SYNTAX_ERROR).toBe(10);
  });

  it('knows the surrogate and non-fatal ones', () => {
    const kinds = (kind: string) => [...DIAGNOSTICS.values()].filter((e) => e.kind === kind).map((e) => e.code);
    expect(kinds('surrogate')).toEqual([64, 65, 67, 68, 69, 70]);
    expect(kinds('nonFatal')).toEqual([58, 59, 61, 94, 95]);
  });
});

describe('SruDiagnostic', () => {
  it('carries code, uri, standard message, details and kind', () => {
    const d = new SruDiagnostic(DIAG.UNSUPPORTED_INDEX, 'dc.author');
    expect(d).toBeInstanceOf(Error);
    expect(d).toMatchObject({ code: 16, details: 'dc.author', message: 'Unsupported index', kind: 'fatal' });
    expect(d.uri).toBe('info:srw/diagnostic/1/16');
    expect(diagnosticUri(DIAG.DATABASE_DOES_NOT_EXIST)).toBe('info:srw/diagnostic/1/235');
  });

  it('takes the usual kind from the table, unless told otherwise', () => {
    expect(new SruDiagnostic(DIAG.RECORD_DOES_NOT_EXIST).kind).toBe('surrogate');
    expect(new SruDiagnostic(DIAG.RECORD_DOES_NOT_EXIST, undefined, { kind: 'fatal' }).kind).toBe('fatal');
  });
});

describe('fromCqlError', () => {
  const diag = (query: string, options?: ParseOptions) => {
    const d = fromCqlError(parseFailure(query, options));
    return [d.code, d.details];
  };

  it('maps syntax, parentheses and quotes errors to 10, 13 and 14 with the offset', () => {
    expect(diag('a and')).toEqual([10, '5']);
    expect(diag('(a')).toEqual([13, '0']);
    expect(diag('a "b')).toEqual([14, '2']);
  });

  it('maps limits to 12, 23 and 38 with the maximum, too deep nesting to 13 at the parenthesis', () => {
    expect(diag('abcdef', { maxLength: 3 })).toEqual([12, '3']);
    expect(diag('abcdef', { maxTermLength: 3 })).toEqual([23, '3']);
    expect(diag('a or b or c', { maxBooleans: 1 })).toEqual([38, '1']);
    expect(diag('a or ((b))', { maxDepth: 1 })).toEqual([13, '6']);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
