/**
 * Leader repair: every leader a reader returns is 24 characters long, says UTF-8 (leader/09 'a')
 * and matches the MARC21slim.xsd leader pattern, so toMarcXml output always validates.
 *
 * Positions that break the pattern get a neutral value: digits positions become '0', coded
 * positions that may be blank become blank, 10/11 become '2' and 20-23 '4500' (their only
 * MARC 21 values). Leader/06 (type of record) may not be blank in the schema; Koha's minimal records
 * leave it blank, and 'a' (language material) is what such records are in practice.
 */
const DIGIT_OR_BLANK = /[0-9 ]/;
const CODE_OR_BLANK = /[0-9A-Za-z ]/;
const CODE = /[0-9A-Za-z]/;
const TWO_OR_BLANK = /[2 ]/;

/** [first, last] inclusive, the pattern each character must match, and what replaces a misfit. */
const RULES: readonly [number, number, RegExp, string][] = [
  [0, 4, DIGIT_OR_BLANK, '0'],
  [5, 5, CODE_OR_BLANK, ' '],
  [6, 6, CODE, 'a'],
  [7, 9, CODE_OR_BLANK, ' '],
  [10, 11, TWO_OR_BLANK, '2'],
  [12, 16, DIGIT_OR_BLANK, '0'],
  [17, 19, CODE_OR_BLANK, ' '],
];
const VALID_LEADER = /^[\d ]{5}[\dA-Za-z ][\dA-Za-z][\dA-Za-z ]{3}[2 ]{2}[\d ]{5}[\dA-Za-z ]{3}(4500|    )$/;

export const UTF8_CODING = 'a';

/** Returns the repaired leader with leader/09 = 'a'; each repair adds a warning. */
export function repairLeader(leader: string, warnings: string[]): string {
  let fixed = leader;
  if (fixed.length !== 24) {
    warnings.push(`leader is ${fixed.length} characters long, not 24: ${fixed.length < 24 ? 'padded' : 'cut'}`);
    fixed = fixed.padEnd(24, ' ').slice(0, 24);
  }
  fixed = `${fixed.slice(0, 9)}${UTF8_CODING}${fixed.slice(10)}`;
  if (VALID_LEADER.test(fixed)) return fixed;
  const chars = fixed.split('');
  for (const [first, last, allowed, replacement] of RULES) {
    for (let p = first; p <= last; p++) {
      if (!allowed.test(chars[p]!)) {
        warnings.push(`leader/${String(p).padStart(2, '0')} ${JSON.stringify(chars[p])} is not allowed there: set to ${JSON.stringify(replacement)}`);
        chars[p] = replacement;
      }
    }
  }
  const entryMap = chars.slice(20).join('');
  if (entryMap !== '4500' && entryMap !== '    ') {
    warnings.push(`leader/20-23 ${JSON.stringify(entryMap)} set to "4500"`);
    chars.splice(20, 4, '4', '5', '0', '0');
  }
  return chars.join('');
}

/** The writers' last guard for records built by hand: same repair, warnings discarded. */
export function validLeader(leader: string): string {
  return leader[9] === UTF8_CODING && VALID_LEADER.test(leader) ? leader : repairLeader(leader, []);
}
