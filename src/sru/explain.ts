/**
 * explain: a ZeeRex 2.0 record generated from config (server, sru, indexes) and the index catalog,
 * so it always says what the server really does: the indexes and the names that reach them, which
 * can be scanned and sorted, the real defaults and caps, and only the relations, modifiers and
 * features the translator implements.
 */
import type { Deps } from '../deps.js';
import type { SruDiagnostic } from './diagnostics.js';
import { buildIndexCatalog, contextSetIdentifier, type IndexCatalog } from './index-catalog.js';
import { RECORD_SCHEMAS } from './record-schemas.js';
import { attr, diagnosticsXml, documentXml, recordXml, root, text, versionXml } from './render.js';
import type { ExplainRequest, RequestContext } from './request.js';
import { ZEEREX_NS, ZEEREX_SCHEMA } from './versions.js';

/** What the translator supports (cql-to-sql.ts); explain advertises exactly these. */
export const SUPPORTED = {
  relations: ['=', '==', '<>', '<', '>', '<=', '>=', 'adj', 'all', 'any', 'within', 'encloses'],
  relationModifiers: ['word', 'string', 'ignoreCase', 'respectCase', 'ignoreAccents', 'respectAccents', 'masked', 'unmasked', 'relevant'],
  booleans: ['and', 'or', 'not', 'prox'],
  proximityModifiers: ['unit=word', 'distance=N', 'distance<=N', 'distance<N', 'ordered', 'unordered'],
  sortModifiers: ['ascending', 'descending', 'ignoreCase', 'ignoreAccents', 'missingLow', 'missingHigh', 'missingOmit'],
  masking: ['*', '?'],
  anchoring: ['^'],
} as const;

export function explainRecord(deps: Deps, catalog: IndexCatalog = buildIndexCatalog(deps.config.indexes)): string {
  const { config } = deps;
  const base = new URL(config.server.baseUrl);
  const port = base.port || (base.protocol === 'https:' ? '443' : '80');
  const database = `${base.pathname.replace(/\/+$/, '')}/sru`.replace(/^\/+/, '');
  const sru = config.sru;
  const out: string[] = [];
  out.push(`<explain xmlns="${ZEEREX_NS}" authoritative="true">`);
  out.push(`<serverInfo protocol="SRU" version="1.1 1.2 2.0" transport="${base.protocol.replace(':', '')}">`);
  out.push(`<host>${text(base.hostname)}</host><port>${port}</port><database>${text(database)}</database></serverInfo>`);
  out.push('<databaseInfo>');
  out.push(`<title lang="en" primary="true">${text(sru.database.title)}</title>`);
  out.push(`<description lang="en" primary="true">${text(sru.database.description)}</description>`);
  if (sru.database.contact) out.push(`<contact>${text(sru.database.contact)}</contact>`);
  out.push('<implementation identifier="libgate" version="0.1.0"><title>libgate</title></implementation>');
  out.push('</databaseInfo>');

  out.push('<indexInfo>');
  const usedSets = new Set<string>(['cql']);
  for (const index of catalog.indexes) for (const name of index.config.names) if (name.includes('.')) usedSets.add(name.slice(0, name.indexOf('.')).toLowerCase());
  for (const set of [...usedSets].sort()) {
    const identifier = contextSetIdentifier(set);
    if (identifier) out.push(`<set name="${attr(set)}" identifier="${attr(identifier)}"/>`);
  }
  out.push('<index search="true" scan="false" sort="false" id="cql.allRecords"><title>All records (cql.allRecords = 1)</title><map><name set="cql">allRecords</name></map></index>');
  for (const index of catalog.indexes) {
    const names = index.config.names.filter((n) => !n.includes('.') || contextSetIdentifier(n.slice(0, n.indexOf('.')).toLowerCase()));
    if (names.length === 0) continue;
    const scan = index.config.scan && !index.anywhere && !index.recordId;
    const sort = index.config.sort && !index.anywhere && !index.recordId;
    out.push(`<index search="true" scan="${scan}" sort="${sort}" id="${attr(index.name)}">`);
    out.push(`<title>${text(index.config.title ?? index.name)}</title>`);
    for (const name of names) {
      const dot = name.indexOf('.');
      out.push(dot < 0 ? `<map><name>${text(name)}</name></map>` : `<map><name set="${attr(name.slice(0, dot))}">${text(name.slice(dot + 1))}</name></map>`);
    }
    out.push('</index>');
  }
  out.push('</indexInfo>');

  out.push('<schemaInfo>');
  for (const schema of RECORD_SCHEMAS) {
    if (schema.crosswalk && !deps.crosswalks.has(schema.crosswalk)) continue;
    out.push(`<schema identifier="${attr(schema.identifier)}" name="${schema.name}" location="${attr(schema.location)}" sort="false" retrieve="true"><title>${text(schema.title)}</title></schema>`);
  }
  out.push('</schemaInfo>');

  out.push('<configInfo>');
  out.push(`<default type="numberOfRecords">${sru.defaultMaximumRecords}</default>`);
  out.push(`<default type="retrieveSchema">${sru.defaultRecordSchema}</default>`);
  out.push('<default type="index">cql.serverChoice</default>');
  out.push('<default type="relation">=</default>');
  out.push('<default type="recordPacking">xml</default>');
  out.push(`<default type="numberOfTerms">${sru.scan.defaultTerms}</default>`);
  out.push(`<setting type="maximumRecords">${sru.maxMaximumRecords}</setting>`);
  out.push(`<setting type="maximumTerms">${sru.scan.maxTerms}</setting>`);
  out.push(`<setting type="maximumQueryLength">${sru.maxQueryLength}</setting>`);
  out.push(`<setting type="maximumBooleans">${sru.maxBooleans}</setting>`);
  const supports = (type: string, values: readonly string[]) => values.forEach((v) => out.push(`<supports type="${type}">${text(v)}</supports>`));
  supports('relation', SUPPORTED.relations);
  supports('relationModifier', SUPPORTED.relationModifiers);
  supports('booleanOperator', SUPPORTED.booleans);
  supports('proximity', ['prox']);
  supports('proximityModifier', SUPPORTED.proximityModifiers);
  supports('maskingCharacter', SUPPORTED.masking);
  supports('anchoring', SUPPORTED.anchoring);
  supports('sort', ['sortby', 'sortKeys']);
  supports('sortModifier', SUPPORTED.sortModifiers);
  supports('scan', ['true']);
  supports('recordXMLEscaping', ['xml', 'string']);
  out.push('</configInfo>');
  out.push('</explain>');
  return out.join('');
}

export function explainResponse(deps: Deps, context: RequestContext, escaping: 'xml' | 'string', diagnostics: readonly SruDiagnostic[] = []): string {
  const record = recordXml(context.version, { schema: ZEEREX_SCHEMA, xml: explainRecord(deps), escaping, position: 1 });
  return documentXml(context, root(context, 'explainResponse', `${versionXml(context.version)}${record}${diagnosticsXml(diagnostics)}`));
}

export async function explain(deps: Deps, request: ExplainRequest): Promise<string> {
  return explainResponse(deps, request, request.escaping);
}
