/**
 * scan: the terms of one index's whole-value keys around a start term, each with its record count
 * and the value as catalogued (displayTerm). The scan clause is `index = term` (or `==`); range
 * relations are diag 19 as the spec says; indexes without keys or not marked `scan` are diag 16.
 */
import type { Deps } from '../deps.js';
import { identifierKey, isbnKey, issnKey, numberValue, phraseKey, yearValue } from '../indexing/analyze.js';
import { SearchTimeout } from '../store/search-repository.js';
import type { ScanTerm } from '../store/search-types.js';
import { extendScope, EMPTY_SCOPE, splitIndex, type CqlQuery, type PrefixScope, type SearchClause } from './cql/ast.js';
import { XCQL_NAMESPACE } from './cql/xcql.js';
import { CqlError } from './cql/errors.js';
import { parseCql } from './cql/parser.js';
import { termUnits } from './cql/term.js';
import { DIAG, fromCqlError, SruDiagnostic } from './diagnostics.js';
import type { CatalogIndex, IndexCatalog } from './index-catalog.js';
import { documentXml, root, text, versionXml, zs } from './render.js';
import type { ScanRequest } from './request.js';
import { isV2 } from './versions.js';

export async function scan(deps: Deps, catalog: IndexCatalog, request: ScanRequest): Promise<string> {
  const sru = deps.config.sru;
  let tree: CqlQuery;
  try {
    tree = parseCql(request.scanClause, { maxLength: sru.maxQueryLength, maxTermLength: sru.maxTermLength, maxBooleans: 0, freeForm: false });
  } catch (error) {
    if (error instanceof CqlError) throw fromCqlError(error);
    throw error;
  }
  let scope: PrefixScope = EMPTY_SCOPE;
  while (tree.kind === 'prefix') {
    scope = extendScope(scope, tree.assignments);
    tree = tree.query;
  }
  if (tree.kind !== 'searchClause') throw new SruDiagnostic(DIAG.QUERY_FEATURE_UNSUPPORTED, 'scan clause must be one search clause');
  const index = resolveScanIndex(catalog, tree.index, scope);
  const relation = tree.relation.base.toLowerCase().replace(/^cql\./, '');
  if (relation !== '=' && relation !== '==' && relation !== 'exact') throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION, tree.relation.base);
  const modifier = tree.relation.modifiers[0];
  if (modifier) throw new SruDiagnostic(DIAG.UNSUPPORTED_RELATION_MODIFIER, modifier.name);
  const start = scanKey(index, tree.term);
  // responsePosition p: the start term is the p-th term of the list; p - 1 terms come before it.
  const before = Math.max(0, request.responsePosition - 1);
  const after = Math.max(0, request.maximumTerms - before);
  let result;
  try {
    result = await deps.store.search.scan({ index: index.name, from: start, before, after }, { timeoutMs: sru.statementTimeoutMs });
  } catch (error) {
    if (error instanceof SearchTimeout) throw new SruDiagnostic(DIAG.SYSTEM_TEMPORARILY_UNAVAILABLE, `scan took longer than ${error.timeoutMs} ms`);
    throw error;
  }
  const terms = [...result.before, ...result.after];
  const body = `${versionXml(request.version)}${terms.length > 0 ? `<zs:terms>${terms.map((t, i) => termXml(t, i, terms.length)).join('')}</zs:terms>` : ''}`
    + echo(request, tree);
  return documentXml(request, root(request, 'scanResponse', body));
}

function termXml(term: ScanTerm, i: number, count: number): string {
  const where = count === 1 ? 'only' : i === 0 ? 'first' : i === count - 1 ? 'last' : 'inner';
  return `<zs:term>${zs('value', term.key)}${zs('numberOfRecords', term.count)}${zs('displayTerm', term.display)}${zs('whereInList', where)}</zs:term>`;
}

function echo(request: ScanRequest, clause: SearchClause): string {
  // xcql:searchClauseType: index, relation, term directly inside xScanClause (modifiers were refused).
  const x = (name: string, body: string) => `<${name} xmlns="${XCQL_NAMESPACE}">${body}</${name}>`;
  const xScan = isV2(request.version) ? ''
    : `<zs:xScanClause>${x('index', text(clause.index))}${x('relation', `<value>${text(clause.relation.base)}</value>`)}${x('term', text(clause.term))}</zs:xScanClause>`;
  const inner = `${isV2(request.version) ? '' : zs('version', request.version)}${zs('scanClause', request.scanClause)}${xScan}`
    + `${zs('responsePosition', request.responsePosition)}${zs('maximumTerms', request.maximumTerms)}${zs('stylesheet', request.stylesheet)}`;
  return `<zs:echoedScanRequest>${inner}</zs:echoedScanRequest>`;
}

function resolveScanIndex(catalog: IndexCatalog, written: string, scope: PrefixScope): CatalogIndex {
  const { prefix, base } = splitIndex(written);
  let name = written.toLowerCase();
  const uri = scope.get((prefix ?? '').toLowerCase());
  if (uri !== undefined) {
    const set = catalog.setByIdentifier.get(uri);
    if (!set) throw new SruDiagnostic(DIAG.UNSUPPORTED_CONTEXT_SET, uri);
    name = `${set}.${base.toLowerCase()}`;
  } else if (prefix !== undefined && !catalog.sets.has(prefix.toLowerCase())) {
    throw new SruDiagnostic(DIAG.UNSUPPORTED_CONTEXT_SET, prefix);
  }
  const index = catalog.byName.get(name);
  if (!index || !index.config.scan || index.anywhere || index.recordId) throw new SruDiagnostic(DIAG.UNSUPPORTED_INDEX, written);
  return index;
}

/** The start term normalised as ingest normalises keys; masking has no meaning in scan (diag 28). */
function scanKey(index: CatalogIndex, term: string): string {
  let literal = '';
  for (const unit of termUnits(term)) {
    if (!unit.escaped && (unit.char === '*' || unit.char === '?')) throw new SruDiagnostic(DIAG.MASKING_CHARACTER_NOT_SUPPORTED);
    literal += unit.char;
  }
  if (literal.trim() === '') return '';
  switch (index.config.type) {
    case 'isbn': return isbnKey(literal) ?? literal.replace(/[\s-]/g, '');
    case 'issn': return issnKey(literal) ?? literal.trim();
    case 'identifier': return identifierKey(literal);
    case 'date': {
      const year = yearValue(literal) ?? numberValue(literal);
      if (year === undefined) throw new SruDiagnostic(DIAG.TERM_INVALID_FORMAT, term);
      return String(year);
    }
    case 'number': {
      const n = numberValue(literal);
      if (n === undefined) throw new SruDiagnostic(DIAG.TERM_INVALID_FORMAT, term);
      return String(n);
    }
    default: return phraseKey(literal);
  }
}
