/**
 * What a search asks of the record store, as data: a filter tree over live records, an order and a
 * page. Produced by protocol layers (SRU's CQL translation, OAI sets defined by a query) and turned
 * into parameterised SQL only by the store (search-sql.ts). Every value here becomes a bound
 * parameter; index names are compared as values, never spliced into SQL.
 */

export type CompareOp = '=' | '<' | '<=' | '>' | '>=';

/** A condition on the whole-value keys of one index (record_keys). */
export type KeyCondition =
  /** Normalised key compared as text (byte order, COLLATE "C"). */
  | { readonly column: 'key'; readonly op: CompareOp; readonly value: string }
  | { readonly column: 'key'; readonly op: 'between'; readonly low: string; readonly high: string }
  /** POSIX regular expression on the normalised key (served by the trigram index). */
  | { readonly column: 'key'; readonly op: 'regex'; readonly value: string }
  | { readonly column: 'num'; readonly op: CompareOp; readonly value: number }
  | { readonly column: 'num'; readonly op: 'between'; readonly low: number; readonly high: number }
  /**
   * Regular expression on the value as catalogued: `case` = case-sensitive, accents stripped on
   * both sides; `accents` = accents kept, case ignored; `exact` = both kept.
   */
  | { readonly column: 'value'; readonly op: 'regex'; readonly respect: 'case' | 'accents' | 'exact'; readonly value: string };

export type RecordFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  /** records.search_tsv @@ tsquery (the text is a tsquery literal of "index~word" lexemes). */
  | { readonly kind: 'text'; readonly tsquery: string }
  | { readonly kind: 'key'; readonly index: string; readonly condition: KeyCondition }
  /** The record has at least one value in the index. */
  | { readonly kind: 'hasKey'; readonly index: string }
  /** The record's local identifier (rec.id). */
  | { readonly kind: 'localId'; readonly op: CompareOp; readonly value: string }
  | { readonly kind: 'localId'; readonly op: 'between'; readonly low: string; readonly high: string }
  | { readonly kind: 'and' | 'or'; readonly filters: readonly RecordFilter[] }
  /** `left and not right`. */
  | { readonly kind: 'andNot'; readonly left: RecordFilter; readonly right: RecordFilter };

export interface SortSpec {
  readonly index: string;
  readonly descending: boolean;
  /** Records without a value: `high` sorts them after every value, `low` before, `omit` drops them. */
  readonly missing: 'high' | 'low' | 'omit' | 'last';
}

export interface SearchQuery {
  readonly filter: RecordFilter;
  /** Sort keys, most significant first; ties (and no keys) fall back to relevance, then record id. */
  readonly sort: readonly SortSpec[];
  /** tsquery to rank by (ts_rank_cd) when the query asked for relevance. */
  readonly rank?: string | undefined;
  /** 0-based offset of the first record wanted. */
  readonly offset: number;
  readonly limit: number;
}

export interface SearchHit {
  readonly id: number;
  readonly localId: string;
  readonly marcxml: string;
}

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

export interface ScanQuery {
  readonly index: string;
  /** Normalised start term ('' = the beginning of the list). */
  readonly from: string;
  /** Terms wanted before the start term and from it on. */
  readonly before: number;
  readonly after: number;
}

export interface ScanTerm {
  readonly key: string;
  readonly display: string;
  readonly count: number;
}

export interface ScanResult {
  /** Terms before `from`, in ascending order. */
  readonly before: readonly ScanTerm[];
  /** Terms at or after `from`, in ascending order. */
  readonly after: readonly ScanTerm[];
}
