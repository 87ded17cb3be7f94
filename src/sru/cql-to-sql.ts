/**
 * CQL to SQL: a pass over the parsed query, driven by the index map in config, that produces the
 * store's search filter (store/search-types.ts). It never writes SQL: every term, index name and
 * pattern becomes a value the store binds as a parameter. Whatever the map or the engine cannot do
 * is refused with the exact SRU diagnostic and the offending name as details, never approximated.
 *
 * Semantics (CQL 1.2; see docs/sru.md):
 * - words indexes: `=` one word = that word, several words = phrase (positions, `<->`); `adj` =
 *   phrase; `all`/`any` = every/any word; `==` and `=/string` = the whole normalised value.
 * - key indexes (phrase, identifier, isbn, issn, date, number): `=`, `==`, `adj` compare the whole
 *   normalised value; `<`, `<=`, `>`, `>=`, `within` compare numbers for date/number and byte
 *   order otherwise; `encloses` (date/number) = the value is the term.
 * - `<>` is "not =": records without a matching value (records lacking the index included).
 * - Masking: `*` at the end of a word is a prefix search on the full-text index; any other `*`
 *   and `?` become a regular expression on whole-value keys (trigram index). `^` anchors a phrase
 *   to the start or end of a value (keys too). The `anywhere` index has no keys: only right
 *   truncation there (diag 49 otherwise; 31 for `^`).
 * - Case and accents are ignored by default (everything is folded at ingest); respectCase /
 *   respectAccents add a check on the value as catalogued, for indexes with keys.
 * - prox: words of one index, unit=word, distance `=`, `<=` or `<` up to 19, ordered/unordered.
 */
import { fold } from '../indexing/analyze.js';
import { LEXEME_SEPARATOR, VALUE_POSITION_GAP } from '../indexing/index-document.js';
import { identifierKey, isbnKey, issnKey, numberValue, phraseKey, yearValue } from '../indexing/analyze.js';
import type { IndexConfig } from '../config/sections/indexes.js';
import { predicateSql, type SqlFragment } from '../store/search-sql.js';
import type { KeyCondition, RecordFilter, SortSpec } from '../store/search-types.js';
import {
  EMPTY_SCOPE, extendScope, splitIndex,
  type BooleanNode, type CqlNode, type CqlQuery, type Modifier, type PrefixScope, type SearchClause, type SortKey,
} from './cql/ast.js';
import { parseCql, type ParseOptions } from './cql/parser.js';
import { termUnits } from './cql/term.js';
import { CqlError } from './cql/errors.js';
import { DIAG, fromCqlError, SruDiagnostic } from './diagnostics.js';
import { buildIndexCatalog, CQL_ALL_RECORDS, CQL_RESULT_SET_ID, type CatalogIndex, type IndexCatalog } from './index-catalog.js';

/** What a query asks of the store, before paging. */
export interface TranslatedQuery {
  readonly filter: RecordFilter;
  /** From `sortby`; empty when the query has none. */
  readonly sort: readonly SortSpec[];
  /** tsquery to rank by, when a clause asked for `relevant`. */
  readonly rank: string | undefined;
}

export interface TranslateOptions {
  /** Most sort keys accepted (diag 84). */
  readonly maxSortKeys?: number;
}

/** Relations after dropping a `cql.` prefix, lower-cased. */
const RELATIONS = new Set(['=', '==', '<>', '<', '>', '<=', '>=', 'adj', 'all', 'any', 'within', 'encloses']);
const MAX_PROX_DISTANCE = VALUE_POSITION_GAP - 1;

/** Translates a parsed query. Throws SruDiagnostic. */
export function translateCql(query: CqlQuery, catalog: IndexCatalog, options: TranslateOptions = {}): TranslatedQuery {
  const t = new Translator(catalog);
  let scope = EMPTY_SCOPE;
  let root: CqlQuery = query;
  while (root.kind === 'prefix' && root.query.kind === 'sortedQuery') {
    scope = extendScope(scope, root.assignments);
    root = root.query;
  }
  if (root.kind === 'sortedQuery') {
    const maxKeys = options.maxSortKeys ?? 10;
    if (root.sortKeys.length > maxKeys) throw new SruDiagnostic(DIAG.TOO_MANY_SORT_KEYS, String(maxKeys));
    const filter = t.node(root.query, scope).filter;
    const sort = root.sortKeys.map((key) => t.sortKey(key, scope));
    return { filter, sort, rank: t.rank() };
  }
  return { filter: t.node(root as CqlNode, scope).filter, sort: [], rank: t.rank() };
}

/** Parses and translates; parse errors become their diagnostics. Throws SruDiagnostic. */
export function parseAndTranslate(cql: string, catalog: IndexCatalog, parse: ParseOptions = {}, options: TranslateOptions = {}): TranslatedQuery {
  let tree: CqlQuery;
  try {
    tree = parseCql(cql, parse);
  } catch (error) {
    if (error instanceof CqlError) throw fromCqlError(error);
    throw error;
  }
  return translateCql(tree, catalog, options);
}

/**
 * For OAI sets defined by a CQL query: a boolean SQL expression over `records r` (true for live
 * records matching the query; sortby is ignored), with its bindings in placeholder order (`?`).
 * Use it as `SELECT r.id FROM records r WHERE <sql>` through knex.raw(sql, bindings).
 * Throws SruDiagnostic for a query that cannot be parsed or translated (its `code`/`details`
 * say why).
 */
export function cqlToPredicate(cql: string, indexes: Readonly<Record<string, IndexConfig>>): SqlFragment {
  return predicateSql(parseAndTranslate(cql, buildIndexCatalog(indexes)).filter);
}

/**
 * 1.1 `sortKeys`: space-separated `path,schema,ascending,caseSensitive,missingValue`. The path is
 * an index name (as in CQL); the schema is ignored (keys do not depend on it). Throws SruDiagnostic.
 */
export function translateSortKeys(sortKeys: string, catalog: IndexCatalog, maxSortKeys = 10): SortSpec[] {
  const specs = sortKeys.trim().split(/\s+/).filter(Boolean);
  if (specs.length > maxSortKeys) throw new SruDiagnostic(DIAG.TOO_MANY_SORT_KEYS, String(maxSortKeys));
  return specs.map((spec) => {
    const [path = '', , ascending = '1', caseSensitive = '0', missing = ''] = spec.split(',');
    const index = catalog.byName.get(path.toLowerCase());
    if (!index || !index.config.sort || index.anywhere) throw new SruDiagnostic(DIAG.UNSUPPORTED_SORT_PATH, path);
    if (ascending !== '1' && ascending !== '0') throw new SruDiagnostic(DIAG.UNSUPPORTED_SORT_DIRECTION, ascending);
    if (caseSensitive === '1') throw new SruDiagnostic(DIAG.UNSUPPORTED_SORT_CASE, caseSensitive);
    if (caseSensitive !== '0' && caseSensitive !== '') throw new SruDiagnostic(DIAG.UNSUPPORTED_SORT_CASE, caseSensitive);
    const missingAction = ({ '': 'last', highValue: 'high', lowValue: 'low', omit: 'omit' } as const)[missing as '' | 'highValue' | 'lowValue' | 'omit'];
    if (!missingAction) throw new SruDiagnostic(DIAG.UNSUPPORTED_MISSING_VALUE_ACTION, missing);
    return { index: index.name, descending: ascending === '0', missing: missingAction };
  });
}

interface Translated {
  readonly filter: RecordFilter;
  /** For text filters: the one index all their words are in (prox needs it); null when mixed. */
  readonly textIndex?: string | null;
}

interface ClauseModifiers {
  string: boolean;
  word: boolean;
  respectCase: boolean;
  respectAccents: boolean;
  masked: boolean;
  relevant: boolean;
}

/** One piece of a term word: folded letters/digits, or a mask. */
type Piece = { readonly text: string } | { readonly mask: '*' | '?' };
type Word = readonly Piece[];

interface ReadTerm {
  readonly words: readonly Word[];
  readonly anchorStart: boolean;
  readonly anchorEnd: boolean;
  readonly hasMask: boolean;
  /** The term without escapes, anchors and masks as they were written (for key types). */
  readonly literal: string;
  /** Regular-expression source for the term as written (masks as \S* / \S), for value checks. */
  readonly valuePattern: string;
}

class Translator {
  private readonly ranked: string[] = [];

  constructor(private readonly catalog: IndexCatalog) {}

  rank(): string | undefined {
    return this.ranked.length === 0 ? undefined : this.ranked.map((q) => `(${q})`).join(' | ');
  }

  node(node: CqlNode, scope: PrefixScope): Translated {
    switch (node.kind) {
      case 'prefix':
        return this.node(node.query, extendScope(scope, node.assignments));
      case 'boolean':
        return this.boolean(node, scope);
      case 'searchClause':
        return this.clause(node, scope);
    }
  }

  private boolean(node: BooleanNode, scope: PrefixScope): Translated {
    if (node.op === 'prox') return this.prox(node, scope);
    const modifier = node.modifiers[0];
    if (modifier) throw new SruDiagnostic(DIAG.UNSUPPORTED_BOOLEAN_MODIFIER, modifier.name);
    const left = this.node(node.left, scope);
    const right = this.node(node.right, scope);
    if (left.filter.kind === 'text' && right.filter.kind === 'text') {
      const symbol = node.op === 'and' ? '&' : node.op === 'or' ? '|' : '& !';
      return {
        filter: { kind: 'text', tsquery: `(${left.filter.tsquery}) ${symbol} (${right.filter.tsquery})` },
        textIndex: left.textIndex === right.textIndex ? left.textIndex ?? null : null,
      };
    }
    if (node.op === 'not') return { filter: { kind: 'andNot', left: left.filter, right: right.filter } };
    const kind = node.op;
    const flat = (f: RecordFilter) => (f.kind === kind ? f.filters : [f]);
    return { filter: { kind, filters: [...flat(left.filter), ...flat(right.filter)] } };
  }

  /** prox: both operands word searches in one index; distance in word positions. */
  private prox(node: BooleanNode, scope: PrefixScope): Translated {
    let comparison: string = '<=';
    let distance = 1;
    let ordered = false;
    const seen = new Set<string>();
    for (const m of node.modifiers) {
      const name = stripSet(m.name, 'prox');
      if (seen.has(name === 'unordered' ? 'ordered' : name)) {
        throw new SruDiagnostic(DIAG.UNSUPPORTED_PROXIMITY_MODIFIER_COMBINATION, node.modifiers.map((x) => x.name).join('/'));
      }
      seen.add(name === 'unordered' ? 'ordered' : name);
      if (name === 'unit') {
        if (m.comparison !== '=' || (m.value ?? '').toLowerCase() !== 'word') throw new SruDiagnostic(DIAG.UNSUPPORTED_PROXIMITY_UNIT, m.value ?? '');
      } else if (name === 'distance') {
        if (m.comparison !== '=' && m.comparison !== '<=' && m.comparison !== '<') throw new SruDiagnostic(DIAG.UNSUPPORTED_PROXIMITY_RELATION, m.comparison ?? '');
        const value = Number(m.value);
        const lowest = m.comparison === '<' ? 2 : 1;
        if (!/^\d+$/.test(m.value ?? '') || value < lowest || value > MAX_PROX_DISTANCE + (m.comparison === '<' ? 1 : 0)) {
          throw new SruDiagnostic(DIAG.UNSUPPORTED_PROXIMITY_DISTANCE, m.value ?? '');
        }
        comparison = m.comparison;
        distance = value;
      } else if (name === 'ordered' || name === 'unordered') {
        if (m.comparison !== undefined) throw new SruDiagnostic(DIAG.UNSUPPORTED_PROXIMITY_ORDERING, `${m.name}${m.comparison}${m.value ?? ''}`);
        ordered = name === 'ordered';
      } else {
        throw new SruDiagnostic(DIAG.UNSUPPORTED_BOOLEAN_MODIFIER, m.name);
      }
    }
    const left = this.node(node.left, scope);
    const right = this.node(node.right, scope);
    if (left.filter.kind !== 'text' || right.filter.kind !== 'text') {
      throw new SruDiagnostic(DIAG.QUERY_FEATURE_UNSUPPORTED, 'prox over terms that are not word searches');
    }
    if (!left.textIndex || left.textIndex !== right.textIndex) {
      throw new SruDiagnostic(DIAG.UNSUPPORTED_INDEX_COMBINATION, `${left.textIndex ?? '?'} ${right.textIndex ?? '?'}`.trim());
    }
    const distances = comparison === '=' ? [distance] : range(1, comparison === '<' ? distance - 1 : distance);
    const a = `(${left.filter.tsquery})`;
    const b = `(${right.filter.tsquery})`;
    const alternatives = distances.flatMap((n) => (ordered ? [`${a} <${n}> ${b}`] : [`${a} <${n}> ${b}`, `${b} <${n}> ${a}`]));
    return { filter: { kind: 'text', tsquery: alternatives.map((x) => `(${x})`).join(' | ') }, textIndex: left.textIndex };
  }

  private clause(clause: SearchClause, scope: PrefixScope): Translated {
    const indexName = this.resolveName(clause.index, scope);
    const relation = relationName(clause.relation.base);
    if (indexName === CQL_RESULT_SET_ID) throw new SruDiagnostic(DIAG.RESULT_SETS_NOT_SUPPORTED);
    if (indexName === CQL_ALL_RECORDS) return { filter: { kind: 'all' } };
    const index = this.catalog.byName.get(indexName);
    if (!index) throw new SruDiagnostic(DIAG.UNSUPPORTED_INDEX, clause.index);
    const mods = clauseModifiers(clause.relation.modifiers);
    if (relation === '<>') {
      const positive = this.clauseFor(index, '=', clause, mods);
      return { filter: { kind: 'andNot', left: { kind: 'all' }, right: positive.filter } };
    }
    return this.clauseFor(index, relation, clause, mods);
  }

  private clauseFor(index: CatalogIndex, relation: string, clause: SearchClause, mods: ClauseModifiers): Translated {
    if (clause.term === '') throw new SruDiagnostic(DIAG.EMPTY_TERM_UNSUPPORTED);
    let result: Translated;
    if (index.recordId) result = this.recordIdClause(relation, clause, mods);
    else if (index.config.type === 'words') result = this.wordsClause(index, relation, clause, mods);
    else result = this.keyClause(index, relation, clause, mods);
    if (mods.relevant && result.filter.kind === 'text') this.ranked.push(result.filter.tsquery);
    return result;
  }

  /** Resolves `prefix.name` through prefix assignments to the catalog's lower-cased name. */
  private resolveName(written: string, scope: PrefixScope): string {
    const { prefix, base } = splitIndex(written);
    let set: string | undefined;
    if (prefix === undefined) {
      const uri = scope.get('');
      if (uri === undefined) return written.toLowerCase();
      set = this.catalog.setByIdentifier.get(uri);
      if (!set) throw new SruDiagnostic(DIAG.UNSUPPORTED_CONTEXT_SET, uri);
    } else {
      const uri = scope.get(prefix.toLowerCase());
      if (uri !== undefined) {
        set = this.catalog.setByIdentifier.get(uri);
        if (!set) throw new SruDiagnostic(DIAG.UNSUPPORTED_CONTEXT_SET, uri);
      } else {
        set = prefix.toLowerCase();
        if (!this.catalog.sets.has(set)) throw new SruDiagnostic(DIAG.UNSUPPORTED_CONTEXT_SET, prefix);
      }
    }
    return `${set}.${base.toLowerCase()}`;
  }

  sortKey(key: SortKey, scope: PrefixScope): SortSpec {
    const name = this.resolveName(key.index, scope);
    const index = this.catalog.byName.get(name);
    if (!index) throw new SruDiagnostic(DIAG.UNSUPPORTED_INDEX, key.index);
    if (!index.config.sort || index.anywhere || index.recordId) throw new SruDiagnostic(DIAG.UNSUPPORTED_SORT_PATH, key.index);
    let descending = false;
    let missing: SortSpec['missing'] = 'last';
    for (const m of key.modifiers) {
      const mod = stripSet(m.name, 'sort');
      if (m.comparison !== undefined && mod !== 'missingvalue') throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_MODIFIER, m.name);
      switch (mod) {
        case 'ascending': descending = false; break;
        case 'descending': descending = true; break;
        case 'ignorecase': case 'ignoreaccents': break;
        case 'respectcase': case 'respectaccents': throw new SruDiagnostic(DIAG.UNSUPPORTED_SORT_CASE, m.name);
        case 'missinglow': missing = 'low'; break;
        case 'missinghigh': missing = 'high'; break;
        case 'missingomit': missing = 'omit'; break;
        case 'missingfail': case 'missingvalue': throw new SruDiagnostic(DIAG.UNSUPPORTED_MISSING_VALUE_ACTION, m.name);
        case 'locale': case 'unicodecollate': throw new SruDiagnostic(DIAG.UNSUPPORTED_SORT_SEQUENCE, m.name);
        default: throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_MODIFIER, m.name);
      }
    }
    return { index: index.name, descending, missing };
  }

  // ---- words indexes (and anywhere) ----

  private wordsClause(index: CatalogIndex, relation: string, clause: SearchClause, mods: ClauseModifiers): Translated {
    if (!['=', '==', 'adj', 'all', 'any', '<', '<=', '>', '>=', 'within'].includes(relation)) {
      throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_INDEX_COMBINATION, `${clause.index} ${clause.relation.base}`);
    }
    if (['<', '<=', '>', '>=', 'within'].includes(relation)) {
      if (index.anywhere) throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_INDEX_COMBINATION, `${clause.index} ${clause.relation.base}`);
      return { filter: this.textRange(index, relation, clause, mods) };
    }
    const term = readTerm(clause.term, mods.masked);
    if (term.words.length === 0) return { filter: { kind: 'none' } };
    const mode = relation === '==' || mods.string ? 'whole'
      : relation === 'all' || relation === 'any' ? relation
        : relation === '=' && (mods.word || term.words.length === 1) ? 'all'
          : 'phrase';
    if ((term.anchorStart || term.anchorEnd) && (mode === 'all' || mode === 'any') && term.words.length > 1) {
      throw new SruDiagnostic(DIAG.ANCHORING_CHARACTER_UNSUPPORTED_POSITION, String(term.anchorStart ? 0 : clause.term.length - 1));
    }
    let filter: RecordFilter;
    let textIndex: string | undefined;
    if (mode === 'whole' || term.anchorStart || term.anchorEnd) {
      if (index.anywhere) {
        if (mode === 'whole') throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_INDEX_COMBINATION, `${clause.index} ${clause.relation.base}${mods.string ? '/string' : ''}`);
        throw new SruDiagnostic(DIAG.ANCHORING_CHARACTER_NOT_SUPPORTED);
      }
      const start = mode === 'whole' || term.anchorStart;
      const end = mode === 'whole' || term.anchorEnd;
      filter = !term.hasMask && start && end
        ? { kind: 'key', index: index.name, condition: { column: 'key', op: '=', value: term.words.map(wordText).join(' ') } }
        : keyRegex(index, `${start ? '^' : '(^| )'}${term.words.map(wordRegex).join(' ')}${end ? '$' : '( |$)'}`);
    } else if (mode === 'phrase') {
      if (term.words.every(tsqueryable) && !term.words.every(isLoneStar)) {
        filter = { kind: 'text', tsquery: phraseQuery(index.name, term.words) };
        textIndex = index.name;
      } else if (index.anywhere) {
        throw new SruDiagnostic(DIAG.MASKING_CHARACTER_UNSUPPORTED_POSITION, clause.term);
      } else {
        filter = keyRegex(index, `(^| )${term.words.map(wordRegex).join(' ')}( |$)`);
      }
    } else {
      const parts = term.words.map((word): RecordFilter => {
        if (isLoneStar(word)) return index.anywhere ? { kind: 'all' } : { kind: 'hasKey', index: index.name };
        if (tsqueryable(word)) return { kind: 'text', tsquery: wordQuery(index.name, word) };
        if (index.anywhere) throw new SruDiagnostic(DIAG.MASKING_CHARACTER_UNSUPPORTED_POSITION, clause.term);
        return keyRegex(index, `(^| )${wordRegex(word)}( |$)`);
      });
      if (parts.every((p) => p.kind === 'text')) {
        const op = mode === 'any' ? ' | ' : ' & ';
        filter = { kind: 'text', tsquery: parts.map((p) => (p.kind === 'text' ? p.tsquery : '')).join(op) };
        textIndex = index.name;
      } else {
        filter = parts.length === 1 ? parts[0]! : { kind: mode === 'any' ? 'or' : 'and', filters: parts };
      }
    }
    filter = this.withCaseChecks(index, filter, term, mods);
    return textIndex !== undefined && filter.kind === 'text' ? { filter, textIndex } : { filter };
  }

  /** Comparisons on the whole normalised value of a words or phrase index (byte order). */
  private textRange(index: CatalogIndex, relation: string, clause: SearchClause, mods: ClauseModifiers): RecordFilter {
    if (mods.respectCase || mods.respectAccents) {
      throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_MODIFIER, mods.respectCase ? 'respectCase' : 'respectAccents');
    }
    const literal = readTerm(clause.term, false).literal;
    if (relation === 'within') {
      const [low, high, ...rest] = splitList(literal);
      if (low === undefined || high === undefined || rest.length > 0) throw new SruDiagnostic(DIAG.TERM_INVALID_FORMAT);
      return { kind: 'key', index: index.name, condition: { column: 'key', op: 'between', low: phraseKeyOf(low), high: phraseKeyOf(high) } };
    }
    return { kind: 'key', index: index.name, condition: { column: 'key', op: relation as '<', value: phraseKeyOf(literal) } };
  }

  /** respectCase / respectAccents: the value as catalogued must contain the term as written. */
  private withCaseChecks(index: CatalogIndex, filter: RecordFilter, term: ReadTerm, mods: ClauseModifiers): RecordFilter {
    if (!mods.respectCase && !mods.respectAccents) return filter;
    if (index.anywhere) throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_MODIFIER, mods.respectCase ? 'respectCase' : 'respectAccents');
    const respect = mods.respectCase && mods.respectAccents ? 'exact' : mods.respectCase ? 'case' : 'accents';
    const pattern = respect === 'case' ? stripAccents(term.valuePattern) : term.valuePattern;
    const check: RecordFilter = {
      kind: 'key', index: index.name,
      condition: { column: 'value', op: 'regex', respect, value: `(^|[^[:alnum:]])${pattern}($|[^[:alnum:]])` },
    };
    return { kind: 'and', filters: [filter, check] };
  }

  // ---- key indexes ----

  private keyClause(index: CatalogIndex, relation: string, clause: SearchClause, mods: ClauseModifiers): Translated {
    const type = index.config.type;
    const numeric = type === 'date' || type === 'number';
    const allowed = ['=', '==', 'adj', 'all', 'any', '<', '<=', '>', '>=', 'within', ...(numeric ? ['encloses'] : [])];
    if (!allowed.includes(relation)) {
      throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_INDEX_COMBINATION, `${clause.index} ${clause.relation.base}`);
    }
    if (mods.respectCase || mods.respectAccents) {
      if (type !== 'phrase' && type !== 'identifier') {
        throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_MODIFIER, mods.respectCase ? 'respectCase' : 'respectAccents');
      }
    }
    const term = readTerm(clause.term, mods.masked);
    if (term.anchorStart || term.anchorEnd) throw new SruDiagnostic(DIAG.ANCHORING_CHARACTER_NOT_SUPPORTED);
    const equal = (text: string): RecordFilter => this.keyEquals(index, text, clause.term);
    let filter: RecordFilter;
    if (term.hasMask) {
      if (!['=', '==', 'adj'].includes(relation) || (type !== 'phrase' && type !== 'identifier')) {
        throw new SruDiagnostic(DIAG.MASKING_CHARACTER_NOT_SUPPORTED);
      }
      filter = type === 'phrase'
        ? keyRegex(index, `^${term.words.map(wordRegex).join(' ')}$`)
        : keyRegex(index, `^${identifierPattern(clause.term)}$`);
    } else if (relation === 'all' || relation === 'any') {
      const parts = splitList(term.literal).map(equal);
      filter = parts.length === 1 ? parts[0]! : { kind: relation === 'any' ? 'or' : 'and', filters: parts };
    } else if (relation === 'within') {
      const [low, high, ...rest] = splitList(term.literal);
      if (low === undefined || high === undefined || rest.length > 0) throw new SruDiagnostic(DIAG.TERM_INVALID_FORMAT);
      filter = numeric
        ? { kind: 'key', index: index.name, condition: { column: 'num', op: 'between', low: this.num(index, low), high: this.num(index, high) } }
        : { kind: 'key', index: index.name, condition: { column: 'key', op: 'between', low: this.keyOf(index, low), high: this.keyOf(index, high) } };
    } else if (['<', '<=', '>', '>='].includes(relation)) {
      const op = relation as '<';
      filter = numeric
        ? { kind: 'key', index: index.name, condition: { column: 'num', op, value: this.num(index, term.literal) } }
        : { kind: 'key', index: index.name, condition: { column: 'key', op, value: this.keyOf(index, term.literal) } };
    } else {
      filter = equal(term.literal);
    }
    return { filter: this.withCaseChecks(index, filter, term, mods) };
  }

  private keyEquals(index: CatalogIndex, text: string, written: string): RecordFilter {
    const condition: KeyCondition = index.config.type === 'date' || index.config.type === 'number'
      ? { column: 'num', op: '=', value: this.num(index, text) }
      : { column: 'key', op: '=', value: this.keyOf(index, text, written) };
    return { kind: 'key', index: index.name, condition };
  }

  /** The normalised key ingest would have written for this text. Throws 36 for an unusable term. */
  private keyOf(index: CatalogIndex, text: string, written = text): string {
    let key: string | undefined;
    switch (index.config.type) {
      case 'isbn': key = isbnKey(text); break;
      case 'issn': key = issnKey(text); break;
      case 'identifier': key = identifierKey(text); break;
      case 'date': case 'number': key = String(this.num(index, text)); break;
      default: key = phraseKeyOf(text);
    }
    if (!key) throw new SruDiagnostic(DIAG.TERM_INVALID_FORMAT, written);
    return key;
  }

  private num(index: CatalogIndex, text: string): number {
    const value = index.config.type === 'date' ? yearValue(text) ?? (/^-?\d+$/.test(text.trim()) ? Number(text) : undefined) : numberValue(text);
    if (value === undefined || !Number.isFinite(value)) throw new SruDiagnostic(DIAG.TERM_INVALID_FORMAT, text);
    return value;
  }

  // ---- rec.id ----

  private recordIdClause(relation: string, clause: SearchClause, mods: ClauseModifiers): Translated {
    const term = readTerm(clause.term, mods.masked);
    if (term.hasMask) throw new SruDiagnostic(DIAG.MASKING_CHARACTER_NOT_SUPPORTED);
    if (term.anchorStart || term.anchorEnd) throw new SruDiagnostic(DIAG.ANCHORING_CHARACTER_NOT_SUPPORTED);
    const value = term.literal.trim();
    switch (relation) {
      case '=': case '==': case 'adj':
        return { filter: { kind: 'localId', op: '=', value } };
      case 'any': case 'all': {
        const parts: RecordFilter[] = splitList(value).map((v) => ({ kind: 'localId', op: '=', value: v }));
        return { filter: parts.length === 1 ? parts[0]! : { kind: relation === 'any' ? 'or' : 'and', filters: parts } };
      }
      case '<': case '<=': case '>': case '>=':
        return { filter: { kind: 'localId', op: relation, value } };
      case 'within': {
        const [low, high, ...rest] = splitList(value);
        if (low === undefined || high === undefined || rest.length > 0) throw new SruDiagnostic(DIAG.TERM_INVALID_FORMAT);
        return { filter: { kind: 'localId', op: 'between', low, high } };
      }
      default:
        throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_INDEX_COMBINATION, `${clause.index} ${clause.relation.base}`);
    }
  }
}

function relationName(base: string): string {
  const lower = base.toLowerCase();
  const name = lower.startsWith('cql.') ? lower.slice(4) : lower;
  if (!RELATIONS.has(name)) throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION, base);
  return name;
}

/** `cql.word` -> `word`; `sort.descending` -> `descending` (for setName); other prefixes are kept. */
function stripSet(name: string, setName: string): string {
  const lower = name.toLowerCase();
  for (const prefix of ['cql.', `${setName}.`]) if (lower.startsWith(prefix)) return lower.slice(prefix.length);
  return lower;
}

const MODIFIER_PAIRS: ReadonlyArray<readonly [keyof ClauseModifiers, string, string]> = [
  ['string', 'string', 'word'],
  ['respectCase', 'respectcase', 'ignorecase'],
  ['respectAccents', 'respectaccents', 'ignoreaccents'],
  ['masked', 'masked', 'unmasked'],
];

function clauseModifiers(modifiers: readonly Modifier[]): ClauseModifiers {
  const mods: ClauseModifiers = { string: false, word: false, respectCase: false, respectAccents: false, masked: true, relevant: false };
  const seen = new Map<string, string>();
  for (const m of modifiers) {
    let name = stripSet(m.name, 'cql');
    if (name === 'exact') name = 'string'; // ZOOM's RPN->CQL writes completeness (4=108) as /exact
    if (m.comparison !== undefined) throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_MODIFIER, m.name);
    if (name === 'relevant') {
      mods.relevant = true;
      continue;
    }
    const pair = MODIFIER_PAIRS.find(([, on, off]) => name === on || name === off);
    if (!pair) throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_MODIFIER, m.name);
    const [key, on] = pair;
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier.toLowerCase() !== m.name.toLowerCase()) {
      throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_MODIFIER_COMBINATION, `${earlier}/${m.name}`);
    }
    seen.set(key, m.name);
    if (key === 'string') {
      mods.string = name === 'string';
      mods.word = name === 'word';
    } else {
      mods[key] = name === on;
    }
  }
  return mods;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SPECIAL = new Set(['*', '?', '^', '"', '\\']);

/**
 * Reads a term as ingest reads text (fold, split into words), keeping masks. Throws 26 for an
 * escaped non-special character and 32 for `^` anywhere but at either end.
 */
function readTerm(value: string, masked: boolean): ReadTerm {
  const units = termUnits(value);
  for (const unit of units) {
    if (unit.escaped && !SPECIAL.has(unit.char)) throw new SruDiagnostic(DIAG.NON_SPECIAL_CHARACTER_ESCAPED, unit.char);
  }
  const words: Word[] = [];
  let current: Piece[] = [];
  let hasMask = false;
  let anchorStart = false;
  let anchorEnd = false;
  let literal = '';
  let valuePattern = '';
  const flush = () => {
    if (current.length > 0) words.push(current);
    current = [];
  };
  const pushText = (text: string) => {
    const last = current[current.length - 1];
    if (last && 'text' in last) current[current.length - 1] = { text: last.text + text };
    else current.push({ text });
  };
  units.forEach((unit, i) => {
    const special = masked && !unit.escaped;
    if (special && unit.char === '^') {
      if (i === 0) anchorStart = true;
      else if (i === units.length - 1) anchorEnd = true;
      else throw new SruDiagnostic(DIAG.ANCHORING_CHARACTER_UNSUPPORTED_POSITION, String(i));
      return;
    }
    if (special && (unit.char === '*' || unit.char === '?')) {
      current.push({ mask: unit.char });
      hasMask = true;
      valuePattern += unit.char === '*' ? '\\S*' : '\\S';
      return;
    }
    literal += unit.char;
    valuePattern += /\s/u.test(unit.char) ? '\\s+' : regexEscape(unit.char);
    for (const ch of fold(unit.char)) {
      if (!WORD_CHAR.test(ch)) flush();
      else if (UNSPACED.test(ch)) {
        flush();
        words.push([{ text: ch }]);
      } else pushText(ch);
    }
  });
  flush();
  return { words, anchorStart, anchorEnd, hasMask, literal, valuePattern };
}

const isLoneStar = (word: Word): boolean => word.length === 1 && 'mask' in word[0]! && word[0].mask === '*';

/** Expressible in tsquery: plain letters, optionally followed by one `*` (prefix match). */
function tsqueryable(word: Word): boolean {
  const first = word[0];
  if (!first || !('text' in first)) return false;
  if (word.length === 1) return true;
  return word.length === 2 && 'mask' in word[1]! && word[1].mask === '*';
}

function wordText(word: Word): string {
  return word.map((p) => ('text' in p ? p.text : '')).join('');
}

function wordQuery(index: string, word: Word): string {
  const prefix = word.length === 2;
  return `${tsLexeme(index, wordText(word))}${prefix ? ':*' : ''}`;
}

function phraseQuery(index: string, words: readonly Word[]): string {
  return words.map((w) => wordQuery(index, w)).join(' <-> ');
}

function tsLexeme(index: string, word: string): string {
  return `'${`${index}${LEXEME_SEPARATOR}${word}`.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function wordRegex(word: Word): string {
  return word.map((p) => ('text' in p ? regexEscape(p.text) : p.mask === '*' ? '[^ ]*' : '[^ ]')).join('');
}

/** Masked identifier: lower-cased like identifierKey, masks as `.*` / `.`. */
function identifierPattern(term: string): string {
  const units = termUnits(term.trim());
  return units.map((u) => (!u.escaped && u.char === '*' ? '.*' : !u.escaped && u.char === '?' ? '.' : regexEscape(u.char.toLowerCase()))).join('');
}

/** POSIX ARE: a backslash before a non-alphanumeric character makes it literal. */
function regexEscape(text: string): string {
  return Array.from(text).map((ch) => (/[\p{L}\p{N} ]/u.test(ch) ? ch : `\\${ch}`)).join('');
}

function keyRegex(index: CatalogIndex, pattern: string): RecordFilter {
  return { kind: 'key', index: index.name, condition: { column: 'key', op: 'regex', value: pattern } };
}

function phraseKeyOf(text: string): string {
  return phraseKey(text);
}

function splitList(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n += 1) out.push(n);
  return out;
}
