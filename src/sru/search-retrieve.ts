/**
 * searchRetrieve: parse and translate the query (diagnostics 10-49), decide the sort (sortby,
 * 1.1/2.0 sortKeys; both at once in 2.0 is 96), run one count + page in the store, render each
 * record in the asked schema (MARCXML with 952 items, or a crosswalk), then write the response.
 * Every check that can fail happens before the first byte.
 */
import type { Deps } from '../deps.js';
import { parseStored, marcxmlWithItems } from '../ilsdi/biblio.js';
import { SearchTimeout } from '../store/search-repository.js';
import type { SearchHit } from '../store/search-types.js';
import { toXcql } from './cql/xcql.js';
import { parseCql } from './cql/parser.js';
import { CqlError } from './cql/errors.js';
import type { CqlQuery } from './cql/ast.js';
import { translateCql, translateSortKeys } from './cql-to-sql.js';
import { DIAG, fromCqlError, SruDiagnostic } from './diagnostics.js';
import type { IndexCatalog } from './index-catalog.js';
import { diagnosticsXml, documentXml, recordXml, root, surrogateXml, text, versionXml, zs } from './render.js';
import type { SearchRetrieveRequest } from './request.js';
import { isV2 } from './versions.js';

const XML_NAME = /^x-[A-Za-z0-9._-]*$/;

export async function searchRetrieve(deps: Deps, catalog: IndexCatalog, request: SearchRetrieveRequest): Promise<string> {
  const sru = deps.config.sru;
  let tree: CqlQuery;
  try {
    tree = parseCql(request.query, { maxLength: sru.maxQueryLength, maxTermLength: sru.maxTermLength, maxBooleans: sru.maxBooleans });
  } catch (error) {
    if (error instanceof CqlError) throw fromCqlError(error);
    throw error;
  }
  const translated = translateCql(tree, catalog, { maxSortKeys: sru.maxSortKeys });
  let sort = translated.sort;
  if (request.sortKeys !== undefined && request.sortKeys.trim() !== '') {
    if (sort.length > 0) throw new SruDiagnostic(DIAG.SORT_IN_QUERY_AND_PROTOCOL);
    sort = translateSortKeys(request.sortKeys, catalog, sru.maxSortKeys);
  }
  let result;
  try {
    result = await deps.store.search.search(
      { filter: translated.filter, sort, rank: translated.rank, offset: request.startRecord - 1, limit: request.maximumRecords },
      { timeoutMs: sru.statementTimeoutMs },
    );
  } catch (error) {
    if (error instanceof SearchTimeout) throw new SruDiagnostic(DIAG.SYSTEM_TEMPORARILY_UNAVAILABLE, `query took longer than ${error.timeoutMs} ms`);
    throw error;
  }
  const diagnostics: SruDiagnostic[] = [];
  // YAZ GFS: a start beyond the hits is diag 61 with the count still reported (non-fatal).
  if (result.total > 0 && request.startRecord > result.total && request.maximumRecords > 0) {
    diagnostics.push(new SruDiagnostic(DIAG.FIRST_RECORD_POSITION_OUT_OF_RANGE));
  }
  const records = await renderRecords(deps, request, result.hits);
  const last = request.startRecord - 1 + result.hits.length;
  const next = result.hits.length > 0 && last < result.total ? last + 1 : undefined;
  const body = [
    versionXml(request.version),
    zs('numberOfRecords', result.total),
    records.length > 0 ? `<zs:records>${records.join('')}</zs:records>` : '',
    zs('nextRecordPosition', next),
    echo(request, tree),
    diagnosticsXml(diagnostics),
  ].join('');
  return documentXml(request, root(request, 'searchRetrieveResponse', body));
}

async function renderRecords(deps: Deps, request: SearchRetrieveRequest, hits: readonly SearchHit[]): Promise<string[]> {
  if (hits.length === 0) return [];
  const items = await deps.store.records.itemsOf(hits.map((h) => h.id));
  const marcxml = hits.map((hit) => {
    const record = parseStored(hit.marcxml);
    if (!record) return undefined;
    const recordItems = (items.get(hit.id) ?? []).map((item) => ({ ...item, itemNumber: item.id }));
    return marcxmlWithItems(record, recordItems, deps.config.import.items).replace(/^<\?xml[^>]*\?>\s*/, '');
  });
  const schema = request.schema;
  let rendered: Array<string | undefined>;
  if (!schema.crosswalk) rendered = marcxml;
  else if (!deps.crosswalks.has(schema.crosswalk)) throw new SruDiagnostic(DIAG.UNKNOWN_SCHEMA, request.schemaAsked ?? schema.name);
  else {
    const present = marcxml.filter((m): m is string => m !== undefined);
    const out = deps.crosswalks.transformMany(schema.crosswalk, present);
    let i = 0;
    rendered = marcxml.map((m) => {
      if (m === undefined) return undefined;
      const r = out[i++];
      if (typeof r === 'string') return r;
      deps.log.warn({ err: r }, 'crosswalk failed for one record');
      return undefined;
    });
  }
  return hits.map((hit, i) => {
    const position = request.startRecord + i;
    const xml = rendered[i];
    if (xml === undefined) {
      return surrogateXml(request.version, new SruDiagnostic(DIAG.RECORD_NOT_AVAILABLE_IN_SCHEMA, schema.identifier), position, request.escaping);
    }
    return recordXml(request.version, { schema: schema.identifier, xml, escaping: request.escaping, position, identifier: hit.localId });
  });
}

/** echoedSearchRetrieveRequest in the element order of the version's schema. */
function echo(request: SearchRetrieveRequest, tree: CqlQuery): string {
  if (isV2(request.version)) {
    return '<zs:echoedSearchRetrieveRequest>'
      + `${zs('query', request.query)}${zs('startRecord', request.startRecord)}${zs('maximumRecords', request.maximumRecordsAsked)}`
      + `${zs('recordXMLEscaping', request.escapingAsked)}${zs('recordPacking', request.packingAsked)}${zs('recordSchema', request.schemaAsked)}`
      + `${zs('resultSetTTL', request.resultSetTTL)}${zs('sortKeys', request.sortKeys)}${zs('stylesheet', request.stylesheet)}`
      + request.extensions.map(([name, value]) => zs('extraRequestParameter', `${name}=${value}`)).join('')
      + '</zs:echoedSearchRetrieveRequest>';
  }
  // 1.x: x- parameters whose names are XML names come back as elements of extraRequestData.
  const extras = request.extensions.filter(([name]) => XML_NAME.test(name));
  const extraData = extras.length === 0 ? ''
    : `<zs:extraRequestData>${extras.map(([name, value]) => `<lg:${name} xmlns:lg="urn:x-libgate:extra-request-data">${text(value)}</lg:${name}>`).join('')}</zs:extraRequestData>`;
  return `<zs:echoedSearchRetrieveRequest>${zs('version', request.version)}${zs('query', request.query)}`
    + `<zs:xQuery>${toXcql(tree, { indent: 0 })}</zs:xQuery>`
    + `${zs('startRecord', request.startRecord)}${zs('maximumRecords', request.maximumRecordsAsked)}`
    + `${zs('recordPacking', request.packingAsked)}${zs('recordSchema', request.schemaAsked)}${zs('resultSetTTL', request.resultSetTTL)}`
    + `${zs('sortKeys', request.sortKeys)}${zs('stylesheet', request.stylesheet)}${extraData}`
    + '</zs:echoedSearchRetrieveRequest>';
}
