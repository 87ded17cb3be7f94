/**
 * The CQL abstract syntax tree: what the parser produces, the serialisers print and the
 * CQL-to-SQL translation walks. Parsing accepts syntax; deciding what is supported (indexes,
 * relations, modifiers, masking) is the translator's job, with the names as written here.
 *
 * Conventions:
 * - Every node is immutable (readonly); nodes may share sub-objects (free-form terms share their
 *   clause's relation object).
 * - Names are case-preserved as written (index, relation, modifier and prefix names); CQL says they
 *   are case-insensitive, so consumers compare them case-insensitively. Boolean operators are
 *   stored lower-case. Terms, modifier values and prefix URIs are case-sensitive.
 * - Terms and values keep their backslash escapes (see TermToken in tokens.ts and term.ts).
 * - `pos` is a 0-based offset into the query (UTF-16 code units): of the first token of a search
 *   clause, prefix node or sort key, of the operator of a boolean (of the extra term for a
 *   free-form `and`), of `sortby` for a sorted query.
 */
import type { BooleanOperator, ComparisonSymbol } from './tokens.js';

export type { BooleanOperator, ComparisonSymbol } from './tokens.js';

/** `/name`, or `/name <comparison> value`, in source order. */
export interface Modifier {
  readonly name: string;
  readonly comparison?: ComparisonSymbol;
  readonly value?: string;
}

export interface Relation {
  /** A comparison symbol or a named relation (`any`, `cql.any`, `Within`, ...). */
  readonly base: string;
  readonly modifiers: readonly Modifier[];
}

export interface SearchClause {
  readonly kind: 'searchClause';
  readonly index: string;
  readonly relation: Relation;
  readonly term: string;
  /**
   * True when the query gave a term only: `index` and `relation` are then the defaults
   * `cql.serverChoice` and `=` (CQL 1.2). The canonical CQL writes such a clause back as the bare
   * term, so the distinction survives a round trip; XCQL always spells index and relation out.
   */
  readonly implied: boolean;
  readonly pos: number;
}

export interface BooleanNode {
  readonly kind: 'boolean';
  readonly op: BooleanOperator;
  readonly modifiers: readonly Modifier[];
  readonly left: CqlNode;
  readonly right: CqlNode;
  readonly pos: number;
}

/** `> name = uri`, or `> uri` (no name: sets the default context set for unprefixed indexes). */
export interface PrefixAssignment {
  readonly name?: string;
  readonly uri: string;
}

/**
 * Prefix assignments scope over `query`, exactly where they stood in the source. A run of
 * consecutive assignments is gathered into one node in source order (a later one wins for the
 * same name); a PrefixNode directly inside another therefore came from parentheses
 * (`> a = x (> b = y q)`). Resolve `prefix.index` against the nearest enclosing assignment with
 * extendScope/splitIndex below.
 */
export interface PrefixNode<Q extends CqlNode | SortedQuery = CqlNode> {
  readonly kind: 'prefix';
  readonly assignments: readonly PrefixAssignment[];
  readonly query: Q;
  readonly pos: number;
}

export interface SortKey {
  readonly index: string;
  readonly modifiers: readonly Modifier[];
  readonly pos: number;
}

/** `query sortby key...` (CQL 1.2 and OASIS CQL share this form). Only ever at the root. */
export interface SortedQuery {
  readonly kind: 'sortedQuery';
  readonly query: CqlNode;
  readonly sortKeys: readonly SortKey[];
  /** Position of the `sortby` keyword. */
  readonly pos: number;
}

/** cqlQuery: what may stand inside parentheses or as a boolean operand. */
export type CqlNode = SearchClause | BooleanNode | PrefixNode<CqlNode>;

/**
 * A whole parsed query (sortedQuery). Top-level prefix assignments scope over the sort keys too,
 * so they wrap the SortedQuery; a prefix node inside the SortedQuery's query came from parentheses.
 */
export type CqlQuery = CqlNode | SortedQuery | PrefixNode<SortedQuery>;

export const DEFAULT_INDEX = 'cql.serverChoice';
export const DEFAULT_RELATION: Relation = Object.freeze({ base: '=', modifiers: Object.freeze([]) });

/**
 * Named relations recognised after an index: the CQL 1.2 set, plus any word containing a dot
 * (`cql.any`, `rel.foo`), as cql-java does in 1.2 mode. Any other word after a term is not a
 * relation, which is what lets free-form term lists (`a b c`) exist at all. `exact` and `scr`
 * (CQL 1.1) are deliberately not relations any more.
 */
export const NAMED_RELATIONS = ['any', 'all', 'adj', 'within', 'encloses'] as const;

export function isNamedRelation(word: string): boolean {
  return word.includes('.') || (NAMED_RELATIONS as readonly string[]).includes(word.toLowerCase());
}

/** Prefix name (lower-cased; '' for the default set) to context set identifier. */
export type PrefixScope = ReadonlyMap<string, string>;

export const EMPTY_SCOPE: PrefixScope = new Map();

/** The scope inside a PrefixNode: its assignments, in order, over the enclosing scope. */
export function extendScope(scope: PrefixScope, assignments: readonly PrefixAssignment[]): PrefixScope {
  const inner = new Map(scope);
  for (const a of assignments) inner.set((a.name ?? '').toLowerCase(), a.uri);
  return inner;
}

/** CQL: the first dot separates the context set prefix from the base name (`marc.245.a`). */
export function splitIndex(index: string): { prefix: string | undefined; base: string } {
  const dot = index.indexOf('.');
  return dot < 0 ? { prefix: undefined, base: index } : { prefix: index.slice(0, dot), base: index.slice(dot + 1) };
}
