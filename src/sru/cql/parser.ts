/**
 * Recursive-descent parser for CQL 1.2 (LoC cql/spec.html), one function per production of the
 * BNF, which is quoted above each. Extensions and choices:
 *
 * - Free-form term lists (`a b c`, `title = harry potter`), accepted by YAZ and listed as valid in
 *   its corpus, are accepted by default (`freeForm: false` rejects them, as strict CQL does). Each
 *   extra term becomes a search clause with the same index and relation as the clause it follows,
 *   joined to it by `and` (YAZ's reading): there is no free-form node, so the translator sees
 *   plain booleans and the canonical CQL is strict CQL. An extra term must not look like a
 *   relation (`a b c.d e` is rejected, as YAZ does), which keeps `a b.c` an error.
 * - `index relation (query)` (a YAZ leniency) is rejected: the spec's corpus lists it as invalid.
 * - A prefix assignment stands only where the BNF puts it: at the start of the query or inside
 *   parentheses (`a and > dc = x b` is an error; write `a and (> dc = x b)`).
 * - The OASIS/CQL 2.0 `sortby` form is the 1.2 one (`sortby index[/modifiers]...`), and both
 *   grammars' relaxations are accepted: unquoted URIs and keywords as terms (1.2), any comparison
 *   symbol in a modifier (2.0 lists `==` too).
 *
 * Contract: linear time; throws only CqlSyntaxError and CqlLimitError (errors.ts), each with a
 * position. The limits bound recursion (maxDepth counts nested parentheses, the parser's only
 * recursion) and the tree's depth (maxBooleans), so recursive consumers of the AST are safe too.
 */
import {
  DEFAULT_INDEX, DEFAULT_RELATION, isNamedRelation,
  type CqlNode, type CqlQuery, type Modifier, type PrefixAssignment, type Relation, type SearchClause,
  type SortKey, type SortedQuery,
} from './ast.js';
import { CqlLimitError, CqlSyntaxError } from './errors.js';
import { TokenStream } from './lexer.js';
import { describeToken, type BooleanOperator, type TermToken, type Token } from './tokens.js';

export interface ParseOptions {
  /** Accept free-form term lists as implicit `and` (default true; false = strict CQL 1.2). */
  readonly freeForm?: boolean;
  /** Longest query, in UTF-16 code units (diag 12). */
  readonly maxLength?: number;
  /** Longest search term value (diag 23). Index names, modifiers and URIs are not counted. */
  readonly maxTermLength?: number;
  /** Most boolean operators, free-form `and`s included (diag 38). */
  readonly maxBooleans?: number;
  /** Deepest nesting of parentheses. Protects the stack: keep it in the hundreds at most. */
  readonly maxDepth?: number;
}

export const DEFAULT_PARSE_OPTIONS: Required<ParseOptions> = Object.freeze({
  freeForm: true,
  maxLength: 10_000,
  maxTermLength: 10_000,
  maxBooleans: 1_000,
  maxDepth: 64,
});

/** Parses a whole query (sortedQuery). Throws CqlSyntaxError or CqlLimitError, nothing else. */
export function parseCql(query: string, options: ParseOptions = {}): CqlQuery {
  const opts: Required<ParseOptions> = { ...DEFAULT_PARSE_OPTIONS, ...options };
  if (query.length > opts.maxLength) throw new CqlLimitError('length', opts.maxLength, opts.maxLength);
  const p = new Parser(query, opts);
  const result = sortedQuery(p, TOP);
  const rest = p.tokens.peek();
  if (rest.type !== 'eof') {
    throw rest.type === ')'
      ? new CqlSyntaxError("')' without a matching '('", rest.pos, 'parentheses')
      : unexpected(rest, 'a boolean operator');
  }
  return result;
}

/**
 * Inherited attributes: what a bare term means here (the clause defaults), and how deep in
 * parentheses we are. Free-form terms get their clause's index and relation as their context.
 */
interface Context {
  readonly index: string;
  readonly relation: Relation;
  readonly implied: boolean;
  readonly depth: number;
}

const TOP: Context = { index: DEFAULT_INDEX, relation: DEFAULT_RELATION, implied: true, depth: 0 };

class Parser {
  readonly tokens: TokenStream;
  private booleans = 0;

  constructor(query: string, readonly options: Required<ParseOptions>) {
    this.tokens = new TokenStream(query);
  }

  countBoolean(pos: number): void {
    if (++this.booleans > this.options.maxBooleans) {
      throw new CqlLimitError('booleans', this.options.maxBooleans, pos);
    }
  }
}

// sortedQuery ::= prefixAssignment sortedQuery | scopedClause ['sortby' sortSpec]
function sortedQuery(p: Parser, ctx: Context): CqlQuery {
  const first = p.tokens.peek();
  if (isPrefixStart(first)) {
    const assignments = prefixAssignments(p);
    // The run took every leading '>', so the rest is a scopedClause, sorted or not.
    const query = sortedQuery(p, ctx) as CqlNode | SortedQuery;
    return { kind: 'prefix', assignments, query, pos: first.pos } as CqlQuery;
  }
  const query = scopedClause(p, ctx);
  const next = p.tokens.peek();
  if (next.type === 'term' && next.keyword === 'sortby') {
    p.tokens.take();
    return { kind: 'sortedQuery', query, sortKeys: sortSpec(p), pos: next.pos } satisfies SortedQuery;
  }
  return query;
}

// cqlQuery ::= prefixAssignment cqlQuery | scopedClause
function cqlQuery(p: Parser, ctx: Context): CqlNode {
  const first = p.tokens.peek();
  if (isPrefixStart(first)) {
    const assignments = prefixAssignments(p);
    return { kind: 'prefix', assignments, query: cqlQuery(p, ctx), pos: first.pos };
  }
  return scopedClause(p, ctx);
}

/** A run of prefix assignments, gathered into one node (see PrefixNode). */
function prefixAssignments(p: Parser): PrefixAssignment[] {
  const assignments: PrefixAssignment[] = [];
  while (isPrefixStart(p.tokens.peek())) assignments.push(prefixAssignment(p));
  return assignments;
}

// prefixAssignment ::= '>' prefix '=' uri | '>' uri
function prefixAssignment(p: Parser): PrefixAssignment {
  p.tokens.take();
  const first = term(p, 'a context set prefix or identifier');
  const eq = p.tokens.peek();
  if (eq.type === 'comparison' && eq.symbol === '=') {
    p.tokens.take();
    return { name: first.value, uri: term(p, 'a context set identifier').value };
  }
  return { uri: first.value };
}

// scopedClause ::= scopedClause booleanGroup searchClause | searchClause
// (left recursion as a loop: booleans of equal precedence associate to the left)
function scopedClause(p: Parser, ctx: Context): CqlNode {
  let left = searchClause(p, ctx);
  for (let t = p.tokens.peek(); isBooleanStart(t); t = p.tokens.peek()) {
    p.countBoolean(t.pos);
    const { op, modifiers } = booleanGroup(p);
    const right = searchClause(p, ctx);
    left = { kind: 'boolean', op, modifiers, left, right, pos: t.pos };
  }
  return left;
}

// booleanGroup ::= boolean [modifierList] ;  boolean ::= 'and' | 'or' | 'not' | 'prox'
function booleanGroup(p: Parser): { op: BooleanOperator; modifiers: Modifier[] } {
  const op = (p.tokens.take() as TermToken).keyword as BooleanOperator;
  return { op, modifiers: modifierList(p) };
}

// searchClause ::= '(' cqlQuery ')' | index relation searchTerm | searchTerm
function searchClause(p: Parser, ctx: Context): CqlNode {
  const first = p.tokens.peek();
  if (first.type === '(') return parenthesised(p, ctx);
  if (isPrefixStart(first)) {
    throw new CqlSyntaxError('a prefix assignment here must be in parentheses', first.pos);
  }
  if (first.type !== 'term') throw unexpected(first, 'a search clause');
  if (isRelationStart(p.tokens.peek(1))) {
    p.tokens.take();
    const rel = relation(p);
    const value = searchTerm(p);
    const clause: SearchClause = {
      kind: 'searchClause', index: first.value, relation: rel, term: value.value, implied: false, pos: first.pos,
    };
    return freeFormTerms(p, clause);
  }
  const value = searchTerm(p);
  return freeFormTerms(p, {
    kind: 'searchClause', index: ctx.index, relation: ctx.relation, term: value.value, implied: ctx.implied, pos: first.pos,
  });
}

function parenthesised(p: Parser, ctx: Context): CqlNode {
  const open = p.tokens.take();
  const depth = ctx.depth + 1;
  if (depth > p.options.maxDepth) throw new CqlLimitError('depth', p.options.maxDepth, open.pos);
  const query = cqlQuery(p, { ...ctx, depth });
  const close = p.tokens.peek();
  if (close.type === 'eof') throw new CqlSyntaxError("'(' is never closed", open.pos, 'parentheses');
  if (close.type !== ')') throw unexpected(close, "a boolean operator or ')'");
  p.tokens.take();
  return query;
}

/**
 * Extension (see the header): `clause term term ...` = `clause and index relation term and ...`.
 * Stops at anything that is not a plain term (a keyword, punctuation, the end).
 */
function freeFormTerms(p: Parser, clause: SearchClause): CqlNode {
  let node: CqlNode = clause;
  for (let t = p.tokens.peek(); t.type === 'term' && t.keyword === undefined; t = p.tokens.peek()) {
    if (!p.options.freeForm) throw unexpected(t, 'a boolean operator');
    if (isRelationStart(t)) throw new CqlSyntaxError(`relation ${describeToken(t)} after a search term`, t.pos);
    p.countBoolean(t.pos);
    const extra = searchTerm(p);
    const right: SearchClause = { ...clause, term: extra.value, pos: extra.pos };
    node = { kind: 'boolean', op: 'and', modifiers: [], left: node, right, pos: extra.pos };
  }
  return node;
}

// relation ::= comparitor [modifierList] ;  comparitor ::= comparitorSymbol | namedComparitor
function relation(p: Parser): Relation {
  const t = p.tokens.take();
  const base = t.type === 'comparison' ? t.symbol : (t as TermToken).value;
  return { base, modifiers: modifierList(p) };
}

// modifierList ::= modifierList modifier | modifier
function modifierList(p: Parser): Modifier[] {
  const modifiers: Modifier[] = [];
  while (p.tokens.peek().type === '/') modifiers.push(modifier(p));
  return modifiers;
}

// modifier ::= '/' modifierName [comparitorSymbol modifierValue]
function modifier(p: Parser): Modifier {
  p.tokens.take();
  const name = term(p, 'a modifier name').value;
  const cmp = p.tokens.peek();
  if (cmp.type !== 'comparison') return { name };
  p.tokens.take();
  return { name, comparison: cmp.symbol, value: term(p, 'a modifier value').value };
}

// sortSpec ::= sortSpec singleSpec | singleSpec
function sortSpec(p: Parser): SortKey[] {
  const keys = [singleSpec(p)];
  while (p.tokens.peek().type === 'term') keys.push(singleSpec(p));
  return keys;
}

// singleSpec ::= index [modifierList]
function singleSpec(p: Parser): SortKey {
  const index = term(p, 'a sort index');
  return { index: index.value, modifiers: modifierList(p), pos: index.pos };
}

// searchTerm ::= term, with the term length limit
function searchTerm(p: Parser): TermToken {
  const t = term(p, 'a search term');
  if (t.value.length > p.options.maxTermLength) throw new CqlLimitError('termLength', p.options.maxTermLength, t.pos);
  return t;
}

// term ::= identifier | 'and' | 'or' | 'not' | 'prox' | 'sortby'
function term(p: Parser, expected: string): TermToken {
  const t = p.tokens.peek();
  if (t.type !== 'term') throw unexpected(t, expected);
  p.tokens.take();
  return t;
}

function isPrefixStart(t: Token): boolean {
  return t.type === 'comparison' && t.symbol === '>';
}

function isBooleanStart(t: Token): boolean {
  return t.type === 'term' && t.keyword !== undefined && t.keyword !== 'sortby';
}

/** A comparison symbol, or an unquoted non-keyword word naming a relation (ast.ts). */
function isRelationStart(t: Token): boolean {
  if (t.type === 'comparison') return true;
  return t.type === 'term' && !t.quoted && t.keyword === undefined && isNamedRelation(t.value);
}

/** A parenthesis where none may stand is diag 13's business; anything else is diag 10's. */
function unexpected(t: Token, expected: string): CqlSyntaxError {
  const kind = t.type === '(' || t.type === ')' ? 'parentheses' : 'syntax';
  return new CqlSyntaxError(`expected ${expected}, found ${describeToken(t)}`, t.pos, kind);
}
