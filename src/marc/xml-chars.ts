/**
 * Characters XML 1.0 forbids (production [2] Char): C0 controls other than TAB, LF and CR,
 * U+FFFE, U+FFFF and surrogates that are not part of a pair. Records must never carry them, or
 * the MARCXML we serve would not be well-formed.
 */
const ILLEGAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ILLEGAL_ALL = new RegExp(ILLEGAL.source, 'g');
/** Cheap first look (no lookaround): any control, surrogate or U+FFFE/U+FFFF at all. */
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const C0 = /^[\x00-\x1F]$/;

export interface Scrubbed {
  readonly value: string;
  /** How many characters were dropped or replaced. */
  readonly count: number;
}

export function hasXmlIllegalChars(value: string): boolean {
  return SUSPECT.test(value) && ILLEGAL.test(value);
}

/** C0 controls are dropped (they carry no text); the others become U+FFFD. */
export function scrubXmlIllegalChars(value: string): Scrubbed {
  if (!hasXmlIllegalChars(value)) return { value, count: 0 };
  let count = 0;
  const cleaned = value.replace(ILLEGAL_ALL, (ch) => {
    count++;
    return C0.test(ch) ? '' : '\uFFFD';
  });
  return { value: cleaned, count };
}
