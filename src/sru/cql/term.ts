/**
 * Reading term values: which characters the query escaped. The parser keeps backslashes in
 * values (tokens.ts), and leaves their meaning to the translator: CQL's masking rules make `*`, `?`
 * and `^` special unless escaped, `\\` a literal backslash, and any other escaped character
 * diag 26 ("Non special character escaped").
 */

export interface TermUnit {
  /** One character (a whole code point), without its backslash. */
  readonly char: string;
  /** True when the query escaped it (`\*`, `\\`, `\"`, ...). */
  readonly escaped: boolean;
}

/**
 * Splits a term value into characters, each marked escaped or not. Reads backslashes pairwise
 * from the left; a bare `"` can only have been written `\"`, so it counts as escaped. A backslash
 * ending the value (impossible from the parser) is kept as an unescaped character.
 */
export function termUnits(value: string): TermUnit[] {
  const units: TermUnit[] = [];
  const chars = Array.from(value);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\' && i + 1 < chars.length) {
      units.push({ char: chars[++i]!, escaped: true });
    } else {
      units.push({ char: ch, escaped: ch === '"' });
    }
  }
  return units;
}
