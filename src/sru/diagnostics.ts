/**
 * SRU diagnostics (`info:srw/diagnostic/1/N`): the single source of truth for their numbers,
 * standard messages, the format of their details, and whether they are fatal, non-fatal or
 * surrogate. Numbers and messages follow the LoC list (diagnostics/diagnosticsList.html); where YAZ
 * (src/srw.csv) words a message differently the LoC text wins, and misspellings in it ("modifers")
 * are kept because clients may match on them. Deprecated numbers are listed for reference only:
 * do not raise them.
 *
 * kind: `fatal` ends the operation (no records); `nonFatal` accompanies a result; `surrogate`
 * stands in place of one record. An entry gives the usual kind; SruDiagnostic may override it
 * (e.g. 64 for the only record asked for).
 */
import type { CqlError } from './cql/errors.js';
import { CqlLimitError, CqlSyntaxError } from './cql/errors.js';

export type DiagnosticKind = 'fatal' | 'nonFatal' | 'surrogate';

export interface DiagnosticEntry {
  readonly code: number;
  readonly message: string;
  /** What the details field carries, when the list defines it. */
  readonly details?: string;
  readonly kind?: DiagnosticKind;
  readonly deprecated?: true;
}

const LIST = {
  // General
  GENERAL_SYSTEM_ERROR: { code: 1, message: 'General system error', details: 'debugging information' }, // YAZ: "Permanent system error"
  SYSTEM_TEMPORARILY_UNAVAILABLE: { code: 2, message: 'System temporarily unavailable' },
  AUTHENTICATION_ERROR: { code: 3, message: 'Authentication error' },
  UNSUPPORTED_OPERATION: { code: 4, message: 'Unsupported operation' },
  UNSUPPORTED_VERSION: { code: 5, message: 'Unsupported version', details: 'highest version supported' },
  UNSUPPORTED_PARAMETER_VALUE: { code: 6, message: 'Unsupported parameter value', details: 'name of parameter' },
  MANDATORY_PARAMETER_NOT_SUPPLIED: { code: 7, message: 'Mandatory parameter not supplied', details: 'name of missing parameter' },
  UNSUPPORTED_PARAMETER: { code: 8, message: 'Unsupported Parameter', details: 'name of the unsupported parameter' },
  DATABASE_DOES_NOT_EXIST: { code: 235, message: 'Database does not exist' }, // from Z39.50 (bib-1 235)

  // CQL. The parser's errors map to 10, 12, 13, 14, 23 and 38 (fromCqlError below); the rest are
  // for the translator, which rejects what it cannot do with the name as details.
  QUERY_SYNTAX_ERROR: { code: 10, message: 'Query syntax error' },
  UNSUPPORTED_QUERY_TYPE: { code: 11, message: 'Unsupported query type', deprecated: true },
  TOO_MANY_CHARACTERS_IN_QUERY: { code: 12, message: 'Too many characters in query', details: 'maximum supported' },
  INVALID_PARENTHESES: { code: 13, message: 'Invalid or unsupported use of parentheses', details: 'character offset to error' },
  INVALID_QUOTES: { code: 14, message: 'Invalid or unsupported use of quotes', details: 'character offset to error' },
  // 15 for an unknown prefix (`foo.title`), 16 for an unknown base name in a known set: the
  // translator tells them apart after resolving prefix assignments.
  UNSUPPORTED_CONTEXT_SET: { code: 15, message: 'Unsupported context set', details: 'URI or short name of context set' },
  UNSUPPORTED_INDEX: { code: 16, message: 'Unsupported index', details: 'name of index' },
  UNSUPPORTED_INDEX_AND_INDEX_SET: { code: 17, message: 'Unsupported combination of index and index set', deprecated: true },
  UNSUPPORTED_INDEX_COMBINATION: { code: 18, message: 'Unsupported combination of indexes', details: 'space delimited index names' },
  UNSUPPORTED_RELATION: { code: 19, message: 'Unsupported relation', details: 'relation' },
  UNSUPPORTED_RELATION_MODIFIER: { code: 20, message: 'Unsupported relation modifier', details: 'value' },
  UNSUPPORTED_RELATION_MODIFIER_COMBINATION: { code: 21, message: 'Unsupported combination of relation modifers', details: 'slash separated relation modifiers' },
  // 22 when the relation exists but not for this index (`dc.title within x`); 19 when it exists
  // for no index at all.
  UNSUPPORTED_RELATION_INDEX_COMBINATION: { code: 22, message: 'Unsupported combination of relation and index', details: 'space separated index and relation' },
  TOO_MANY_CHARACTERS_IN_TERM: { code: 23, message: 'Too many characters in term', details: 'length of longest term' },
  UNSUPPORTED_RELATION_TERM_COMBINATION: { code: 24, message: 'Unsupported combination of relation and term', details: 'space separated relation and term' },
  SPECIAL_CHARACTERS_NOT_QUOTED: { code: 25, message: 'Special characters not quoted in term', deprecated: true },
  NON_SPECIAL_CHARACTER_ESCAPED: { code: 26, message: 'Non special character escaped in term', details: 'character incorrectly escaped' },
  EMPTY_TERM_UNSUPPORTED: { code: 27, message: 'Empty term unsupported' },
  MASKING_CHARACTER_NOT_SUPPORTED: { code: 28, message: 'Masking character not supported' },
  MASKED_WORDS_TOO_SHORT: { code: 29, message: 'Masked words too short', details: 'minimum word length' },
  TOO_MANY_MASKING_CHARACTERS: { code: 30, message: 'Too many masking characters in term', details: 'maximum number supported' },
  ANCHORING_CHARACTER_NOT_SUPPORTED: { code: 31, message: 'Anchoring character not supported' },
  ANCHORING_CHARACTER_UNSUPPORTED_POSITION: { code: 32, message: 'Anchoring character in unsupported position', details: 'character offset' },
  PROXIMITY_AND_MASKING_UNSUPPORTED: { code: 33, message: 'Combination of proximity/adjacency and masking characters not supported' },
  PROXIMITY_AND_ANCHORING_UNSUPPORTED: { code: 34, message: 'Combination of proximity/adjacency and anchoring characters not supported' },
  TERM_ONLY_STOPWORDS: { code: 35, message: 'Term contains only stopwords', details: 'value' },
  TERM_INVALID_FORMAT: { code: 36, message: 'Term in invalid format for index or relation' },
  UNSUPPORTED_BOOLEAN_OPERATOR: { code: 37, message: 'Unsupported boolean operator', details: 'value' },
  TOO_MANY_BOOLEAN_OPERATORS: { code: 38, message: 'Too many boolean operators in query', details: 'maximum number supported' },
  // 39 when `prox` is not supported at all; 40-44 when one of its modifiers is not.
  PROXIMITY_NOT_SUPPORTED: { code: 39, message: 'Proximity not supported' },
  UNSUPPORTED_PROXIMITY_RELATION: { code: 40, message: 'Unsupported proximity relation', details: 'value' },
  UNSUPPORTED_PROXIMITY_DISTANCE: { code: 41, message: 'Unsupported proximity distance', details: 'value' },
  UNSUPPORTED_PROXIMITY_UNIT: { code: 42, message: 'Unsupported proximity unit', details: 'value' },
  UNSUPPORTED_PROXIMITY_ORDERING: { code: 43, message: 'Unsupported proximity ordering', details: 'value' },
  UNSUPPORTED_PROXIMITY_MODIFIER_COMBINATION: { code: 44, message: 'Unsupported combination of proximity modifiers', details: 'slash separated values' },
  PREFIX_ASSIGNED_TO_MULTIPLE_IDENTIFIERS: { code: 45, message: 'Prefix assigned to multiple identifiers', deprecated: true },
  UNSUPPORTED_BOOLEAN_MODIFIER: { code: 46, message: 'Unsupported boolean modifier', details: 'value' },
  // 47 only when nothing more precise applies; 48 names the feature (e.g. "prefix assignment").
  CANNOT_PROCESS_QUERY: { code: 47, message: 'Cannot process query; reason unknown' },
  QUERY_FEATURE_UNSUPPORTED: { code: 48, message: 'Query feature unsupported', details: 'feature' },
  // 28 when masking is not supported at all; 49 when only this position is not (`*a` without a
  // trigram index).
  MASKING_CHARACTER_UNSUPPORTED_POSITION: { code: 49, message: 'Masking character in unsupported position', details: 'the rejected term' },

  // Result sets
  RESULT_SETS_NOT_SUPPORTED: { code: 50, message: 'Result sets not supported' },
  RESULT_SET_DOES_NOT_EXIST: { code: 51, message: 'Result set does not exist', details: 'result set identifier' },
  RESULT_SET_TEMPORARILY_UNAVAILABLE: { code: 52, message: 'Result set temporarily unavailable', details: 'result set identifier' },
  RESULT_SETS_ONLY_FOR_RETRIEVAL: { code: 53, message: 'Result sets only supported for retrieval' },
  RETRIEVAL_ONLY_FROM_EXISTING_RESULT_SET: { code: 54, message: 'Retrieval may only occur from an existing result set', deprecated: true },
  RESULT_SET_AND_TERMS_COMBINATION_UNSUPPORTED: { code: 55, message: 'Combination of result sets with search terms not supported' },
  SINGLE_RESULT_SET_COMBINATION_ONLY: { code: 56, message: 'Only combination of single result set with search terms supported', deprecated: true },
  RESULT_SET_CREATED_NO_RECORDS: { code: 57, message: 'Result set created but no records available', deprecated: true },
  // 58/59: a query cut short (e.g. by a statement timeout) that still answers.
  RESULT_SET_UNPREDICTABLE_PARTIAL_RESULTS: { code: 58, message: 'Result set created with unpredictable partial results available', kind: 'nonFatal' },
  RESULT_SET_VALID_PARTIAL_RESULTS: { code: 59, message: 'Result set created with valid partial results available', kind: 'nonFatal' },
  TOO_MANY_MATCHING_RECORDS: { code: 60, message: 'Result set not created: too many matching records', details: 'maximum number' },

  // Records
  // Non-fatal: numberOfRecords is still reported (YAZ GFS does the same for startRecord > hits).
  FIRST_RECORD_POSITION_OUT_OF_RANGE: { code: 61, message: 'First record position out of range', kind: 'nonFatal' },
  NEGATIVE_NUMBER_OF_RECORDS: { code: 62, message: 'Negative number of records requested', deprecated: true },
  SYSTEM_ERROR_RETRIEVING_RECORDS: { code: 63, message: 'System error in retrieving records', deprecated: true },
  RECORD_TEMPORARILY_UNAVAILABLE: { code: 64, message: 'Record temporarily unavailable', kind: 'surrogate' },
  RECORD_DOES_NOT_EXIST: { code: 65, message: 'Record does not exist', kind: 'surrogate' },
  // 66 (fatal) when the schema is unknown to the server; 67 (surrogate) when it is known but one
  // record cannot be rendered in it.
  UNKNOWN_SCHEMA: { code: 66, message: 'Unknown schema for retrieval', details: 'schema URI or short name' },
  RECORD_NOT_AVAILABLE_IN_SCHEMA: { code: 67, message: 'Record not available in this schema', details: 'schema URI or short name', kind: 'surrogate' },
  NOT_AUTHORISED_TO_SEND_RECORD: { code: 68, message: 'Not authorised to send record', kind: 'surrogate' },
  NOT_AUTHORISED_TO_SEND_RECORD_IN_SCHEMA: { code: 69, message: 'Not authorised to send record in this schema', kind: 'surrogate' },
  RECORD_TOO_LARGE: { code: 70, message: 'Record too large to send', details: 'maximum record size', kind: 'surrogate' },
  UNSUPPORTED_RECORD_PACKING: { code: 71, message: 'Unsupported record packing' },
  XPATH_RETRIEVAL_UNSUPPORTED: { code: 72, message: 'XPath retrieval unsupported' },
  XPATH_UNSUPPORTED_FEATURE: { code: 73, message: 'XPath expression contains unsupported feature', details: 'feature' },
  XPATH_CANNOT_EVALUATE: { code: 74, message: 'Unable to evaluate XPath expression' },

  // Sorting
  SORT_NOT_SUPPORTED: { code: 80, message: 'Sort not supported' },
  UNSUPPORTED_SORT_TYPE: { code: 81, message: 'Unsupported sort type', deprecated: true },
  UNSUPPORTED_SORT_SEQUENCE: { code: 82, message: 'Unsupported sort sequence', details: 'sequence' },
  TOO_MANY_RECORDS_TO_SORT: { code: 83, message: 'Too many records to sort', details: 'maximum number supported' },
  TOO_MANY_SORT_KEYS: { code: 84, message: 'Too many sort keys to sort', details: 'maximum number supported' },
  DUPLICATE_SORT_KEYS: { code: 85, message: 'Duplicate sort keys', deprecated: true },
  INCOMPATIBLE_RECORD_FORMATS_FOR_SORT: { code: 86, message: 'Cannot sort: incompatible record formats' },
  UNSUPPORTED_SORT_SCHEMA: { code: 87, message: 'Unsupported schema for sort', details: 'URI or short name of schema given' },
  // 88 for a sort key (CQL sortby index or 1.1 sortKeys path) we cannot sort on at all; 89 when
  // the path exists but not in the schema named with it.
  UNSUPPORTED_SORT_PATH: { code: 88, message: 'Unsupported path for sort', details: 'XPath' },
  SORT_PATH_UNSUPPORTED_FOR_SCHEMA: { code: 89, message: 'Path unsupported for schema', details: 'XPath' },
  UNSUPPORTED_SORT_DIRECTION: { code: 90, message: 'Unsupported direction', details: 'value' }, // YAZ: "... direction value"
  UNSUPPORTED_SORT_CASE: { code: 91, message: 'Unsupported case', details: 'value' }, // YAZ: "... case value"
  UNSUPPORTED_MISSING_VALUE_ACTION: { code: 92, message: 'Unsupported missing value action', details: 'value' },
  SORT_ENDED_MISSING_VALUE: { code: 93, message: 'Sort ended due to missing value' }, // sort.missingFail
  // SRU 2.0: sort keys in both the query (sortby) and the sortKeys parameter. 94/95 are warnings
  // naming the one that was used; 96 refuses the request.
  SORT_QUERY_PREVAILS: { code: 94, message: 'Sort spec included both in query and protocol: query prevails', kind: 'nonFatal' },
  SORT_PROTOCOL_PREVAILS: { code: 95, message: 'Sort spec included both in query and protocol: protocol prevails', kind: 'nonFatal' },
  SORT_IN_QUERY_AND_PROTOCOL: { code: 96, message: 'Sort spec included both in query and protocol: error' },

  // Explain (all deprecated: use 4 and 64)
  EXPLAIN_NOT_SUPPORTED: { code: 100, message: 'Explain not supported', deprecated: true },
  EXPLAIN_REQUEST_TYPE_NOT_SUPPORTED: { code: 101, message: 'Explain request type not supported', deprecated: true },
  EXPLAIN_RECORD_TEMPORARILY_UNAVAILABLE: { code: 102, message: 'Explain record temporarily unavailable', deprecated: true },

  // Stylesheets
  STYLESHEETS_NOT_SUPPORTED: { code: 110, message: 'Stylesheets not supported' },
  UNSUPPORTED_STYLESHEET: { code: 111, message: 'Unsupported stylesheet', details: 'URL of stylesheet' },

  // Scan
  RESPONSE_POSITION_OUT_OF_RANGE: { code: 120, message: 'Response position out of range' },
  TOO_MANY_TERMS_REQUESTED: { code: 121, message: 'Too many terms requested', details: 'maximum number of terms' },
} as const satisfies Record<string, DiagnosticEntry>;

type List = typeof LIST;
export type DiagnosticName = keyof List;
export type DiagnosticCode = List[DiagnosticName]['code'];

/** Named constants: `DIAG.UNSUPPORTED_INDEX === 16`. */
export const DIAG = Object.freeze(
  Object.fromEntries(Object.entries(LIST).map(([name, e]) => [name, e.code])),
) as { readonly [N in DiagnosticName]: List[N]['code'] };

/** Every entry, by number. */
export const DIAGNOSTICS: ReadonlyMap<DiagnosticCode, DiagnosticEntry> = new Map(
  Object.values(LIST).map((e): [DiagnosticCode, DiagnosticEntry] => [e.code, e]),
);

export const DIAGNOSTIC_URI_PREFIX = 'info:srw/diagnostic/1/';

export function diagnosticUri(code: DiagnosticCode): string {
  return DIAGNOSTIC_URI_PREFIX + code;
}

/**
 * A protocol outcome, thrown by whatever finds it and rendered only by the SRU router (as
 * uri/details/message). Not an internal error: never logged as one.
 */
export class SruDiagnostic extends Error {
  override readonly name = 'SruDiagnostic';
  readonly kind: DiagnosticKind;

  constructor(
    readonly code: DiagnosticCode,
    readonly details?: string,
    options: { readonly message?: string; readonly kind?: DiagnosticKind } = {},
  ) {
    const entry = DIAGNOSTICS.get(code)!;
    super(options.message ?? entry.message);
    this.kind = options.kind ?? entry.kind ?? 'fatal';
  }

  get uri(): string {
    return diagnosticUri(this.code);
  }
}

/**
 * The diagnostic for a parse failure. Details: the character offset for 10, 13 and 14 (the list
 * defines it for 13 and 14 only; for 10 it is undefined and an offset is the most useful thing to
 * send); the configured maximum for the limits. Too deep nesting is 13 ("unsupported use of
 * parentheses", at the offending `(`), since parentheses are all that nests in CQL.
 */
export function fromCqlError(error: CqlError): SruDiagnostic {
  if (error instanceof CqlSyntaxError) {
    const code = error.kind === 'quotes' ? DIAG.INVALID_QUOTES
      : error.kind === 'parentheses' ? DIAG.INVALID_PARENTHESES
        : DIAG.QUERY_SYNTAX_ERROR;
    return new SruDiagnostic(code, String(error.position));
  }
  if (error instanceof CqlLimitError) {
    switch (error.limit) {
      case 'length': return new SruDiagnostic(DIAG.TOO_MANY_CHARACTERS_IN_QUERY, String(error.max));
      case 'termLength': return new SruDiagnostic(DIAG.TOO_MANY_CHARACTERS_IN_TERM, String(error.max));
      case 'booleans': return new SruDiagnostic(DIAG.TOO_MANY_BOOLEAN_OPERATORS, String(error.max));
      case 'depth': return new SruDiagnostic(DIAG.INVALID_PARENTHESES, String(error.position));
    }
  }
  return new SruDiagnostic(DIAG.QUERY_SYNTAX_ERROR, String(error.position));
}
