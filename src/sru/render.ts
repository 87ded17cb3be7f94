/**
 * SRU response XML for each version: namespaces, element order (srw-types.xsd for 1.x, the OASIS
 * schemas for 2.0), record packing, diagnostics, the stylesheet processing instruction and the
 * SOAP envelope. Prefixes are always `zs` and `diag`, which some clients (e.g. @natlibfi/sru-client)
 * read literally. Handlers build bodies with these helpers; nothing else writes SRU XML.
 */
import { escapeAttribute, escapeText, legalXmlChars } from '../xml/escape.js';
import type { SruDiagnostic } from './diagnostics.js';
import type { RequestContext } from './request.js';
import { DIAGNOSTIC_SCHEMA_1X, isV2, namespaces, SOAP_NS, type SruVersion } from './versions.js';

export const text = (value: string): string => escapeText(legalXmlChars(value));
export const attr = (value: string): string => escapeAttribute(legalXmlChars(value));

/** `<zs:name>value</zs:name>`, or '' when the value is undefined. */
export function zs(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<zs:${name}>${text(String(value))}</zs:${name}>`;
}

export function diagnosticXml(d: SruDiagnostic): string {
  return `<diag:diagnostic><diag:uri>${text(d.uri)}</diag:uri>${d.details !== undefined ? `<diag:details>${text(d.details)}</diag:details>` : ''}<diag:message>${text(d.message)}</diag:message></diag:diagnostic>`;
}

export function diagnosticsXml(list: readonly SruDiagnostic[]): string {
  return list.length === 0 ? '' : `<zs:diagnostics>${list.map(diagnosticXml).join('')}</zs:diagnostics>`;
}

/** The version element: always in 1.x, never in 2.0 (optional there; YAZ omits it). */
export function versionXml(version: SruVersion): string {
  return isV2(version) ? '' : zs('version', version);
}

export interface RecordXmlInput {
  readonly schema: string;
  /** Serialized XML of the record (no declaration). */
  readonly xml: string;
  readonly escaping: 'xml' | 'string';
  readonly position: number;
  readonly identifier?: string;
}

/** One `<zs:record>` in the order of the version's schema. */
export function recordXml(version: SruVersion, r: RecordXmlInput): string {
  const data = r.escaping === 'string' ? text(r.xml) : r.xml;
  if (isV2(version)) {
    return `<zs:record>${zs('recordSchema', r.schema)}${zs('recordXMLEscaping', r.escaping)}<zs:recordData>${data}</zs:recordData>`
      + `${zs('recordIdentifier', r.identifier)}${zs('recordPosition', r.position)}</zs:record>`;
  }
  return `<zs:record>${zs('recordSchema', r.schema)}${zs('recordPacking', r.escaping)}<zs:recordData>${data}</zs:recordData>`
    + `${zs('recordPosition', r.position)}</zs:record>`;
}

/** A surrogate diagnostic standing in for one record. */
export function surrogateXml(version: SruVersion, d: SruDiagnostic, position: number, escaping: 'xml' | 'string'): string {
  const ns = namespaces(version).diagnostic;
  const xml = diagnosticXml(d).replace('<diag:diagnostic>', `<diag:diagnostic xmlns:diag="${ns}">`);
  return recordXml(version, { schema: DIAGNOSTIC_SCHEMA_1X, xml, escaping, position });
}

/** Root element with the namespaces of its version. `scan` roots use the scan namespace in 2.0. */
export function root(context: RequestContext, name: string, body: string): string {
  const ns = namespaces(context.version);
  const main = name === 'scanResponse' ? ns.scan : ns.response;
  return `<zs:${name} xmlns:zs="${main}" xmlns:diag="${ns.diagnostic}">${body}</zs:${name}>`;
}

/** The whole document: declaration, stylesheet PI (not in SOAP), SOAP envelope when the request came that way. */
export function documentXml(context: RequestContext, rootXml: string): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (context.transport === 'soap') {
    return `${head}<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_NS}"><SOAP-ENV:Body>${rootXml}</SOAP-ENV:Body></SOAP-ENV:Envelope>\n`;
  }
  const pi = context.stylesheet ? `<?xml-stylesheet type="text/xsl" href="${attr(context.stylesheet)}"?>\n` : '';
  return `${head}${pi}${rootXml}\n`;
}

/** A fatal diagnostic as the whole response of the operation asked for. */
export function fatalResponse(context: RequestContext, diagnostic: SruDiagnostic): string {
  const v = versionXml(context.version);
  const diags = diagnosticsXml([diagnostic]);
  switch (context.operation) {
    case 'searchRetrieve':
      return documentXml(context, root(context, 'searchRetrieveResponse', `${v}${zs('numberOfRecords', 0)}${diags}`));
    case 'scan':
      return documentXml(context, root(context, 'scanResponse', `${v}${diags}`));
    case 'explain':
      // explainResponse requires a record: a surrogate diagnostic stands in for the explain record.
      return documentXml(context, root(context, 'explainResponse', `${v}${surrogateXml(context.version, diagnostic, 1, 'xml')}${diags}`));
  }
}
