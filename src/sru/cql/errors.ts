/**
 * The only errors the CQL parser throws. The SRU layer maps them to diagnostics
 * (`fromCqlError` in ../diagnostics.ts); anything else escaping the parser is a bug.
 */

export abstract class CqlError extends Error {
  /** 0-based offset into the query (UTF-16 code units) where the problem was found. */
  abstract readonly position: number;
}

/**
 * `parentheses` and `quotes` exist so the SRU layer can answer diag 13 and 14 instead of the
 * generic 10: an unclosed or stray parenthesis, or a parenthesis where none may stand
 * (`title = (x)`, `()`), is `parentheses`; an unterminated quoted string is `quotes`.
 */
export type CqlSyntaxErrorKind = 'syntax' | 'parentheses' | 'quotes';

export class CqlSyntaxError extends CqlError {
  override readonly name = 'CqlSyntaxError';
  constructor(
    message: string,
    readonly position: number,
    readonly kind: CqlSyntaxErrorKind = 'syntax',
  ) {
    super(message);
  }
}

/** Which configured limit a query exceeded (see ParseOptions in parser.ts). */
export type CqlLimit = 'length' | 'termLength' | 'booleans' | 'depth';

export class CqlLimitError extends CqlError {
  override readonly name = 'CqlLimitError';
  constructor(
    readonly limit: CqlLimit,
    /** The configured maximum, reported as the diagnostic's details. */
    readonly max: number,
    readonly position: number,
  ) {
    super(`query exceeds the ${limit} limit of ${max}`);
  }
}
