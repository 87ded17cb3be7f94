/**
 * AST to canonical CQL: strict CQL 1.2 that parses back to an equal tree (positions aside), and
 * the same text for equal trees. Canonical means: single spaces between tokens, none around `/`
 * and inside modifiers; keywords lower-case; other names as written; implied clauses as the bare
 * term; parentheses only where left-associativity or a prefix scope needs them; a term or name
 * quoted only when it must be (empty, whitespace, `( ) = < > " /`, or a reserved word); prefix
 * URIs always quoted (OASIS CQL requires it). Free-form input comes back with explicit `and`s
 * (the parser leaves no trace of it), so the text may be longer than the query it came from, and
 * nest one level deeper where a term list was a right operand (`c or a b` -> `c or (a and b)`).
 */
import type { CqlNode, CqlQuery, Modifier, PrefixAssignment, SearchClause, SortKey } from './ast.js';
import { isWhitespace, keywordOf, WORD_DELIMITERS } from './tokens.js';

export function toCql(query: CqlQuery): string {
  switch (query.kind) {
    case 'searchClause': return searchClause(query);
    case 'boolean':
      return `${operand(query.left, false)} ${query.op}${modifiers(query.modifiers)} ${operand(query.right, true)}`;
    case 'prefix': {
      const inner = query.query.kind === 'prefix' ? `(${toCql(query.query)})` : toCql(query.query);
      return `${query.assignments.map(prefixAssignment).join(' ')} ${inner}`;
    }
    case 'sortedQuery': {
      const inner = query.query.kind === 'prefix' ? `(${toCql(query.query)})` : toCql(query.query);
      return `${inner} sortby ${query.sortKeys.map(sortKey).join(' ')}`;
    }
  }
}

/**
 * Booleans associate to the left, so only a right operand that is itself a boolean needs
 * parentheses; a prefixed operand always does, or its scope would swallow the rest.
 */
function operand(node: CqlNode, right: boolean): string {
  const text = toCql(node);
  return node.kind === 'prefix' || (right && node.kind === 'boolean') ? `(${text})` : text;
}

function searchClause(clause: SearchClause): string {
  if (clause.implied) return quote(clause.term);
  const { base, modifiers: mods } = clause.relation;
  return `${quote(clause.index)} ${base}${modifiers(mods)} ${quote(clause.term)}`;
}

function modifiers(list: readonly Modifier[]): string {
  return list.map((m) => `/${quote(m.name)}${m.comparison === undefined ? '' : m.comparison + quote(m.value ?? '')}`).join('');
}

function prefixAssignment(a: PrefixAssignment): string {
  return a.name === undefined ? `> ${quoted(a.uri)}` : `> ${quote(a.name)} = ${quoted(a.uri)}`;
}

function sortKey(key: SortKey): string {
  return quote(key.index) + modifiers(key.modifiers);
}

/**
 * Writes a term (or any name) so that the lexer reads back the same value: bare when it can be,
 * quoted otherwise. Values keep their escapes, so only a double quote needs one added.
 */
export function quote(value: string): string {
  let plain = value !== '' && keywordOf(value) === undefined;
  forEachUnescaped(value, (ch) => {
    if (isWhitespace(ch) || WORD_DELIMITERS.includes(ch)) plain = false;
  });
  return plain ? value : quoted(value);
}

/** Always quoted: prefix URIs, which OASIS CQL requires quoted (1.2 allows either). */
function quoted(value: string): string {
  forEachUnescaped(value, () => {});
  return `"${value.replaceAll('"', '\\"')}"`;
}

/**
 * Visits the characters outside escape pairs. A value whose backslash is last or stands before
 * `"` cannot be written at all (the lexer never produces one): that is a programming error.
 */
function forEachUnescaped(value: string, visit: (ch: string) => void): void {
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch !== '\\') {
      visit(ch);
      continue;
    }
    const next = value[++i];
    if (next === undefined || next === '"') throw new Error(`term value cannot be written in CQL: ${JSON.stringify(value)}`);
  }
}
