/**
 * Reading an SRU request: the transport (GET, POST form, SOAP 1.1 by Content-Type), the version
 * (negotiated as YAZ does), the operation (given or inferred), then each operation's argument
 * table for that version. Produces a typed request or throws SruDiagnostic; the router renders it.
 */
import type { Request } from 'express';
import { XMLParser } from 'fast-xml-parser';
import type { SruConfig } from '../config/sections/sru.js';
import { parseForm, rawParams, type RawParams } from '../http/raw-params.js';
import { DIAG, SruDiagnostic } from './diagnostics.js';
import { resolveSchema, schemaByName, type RecordSchema } from './record-schemas.js';
import { HIGHEST_VERSION, negotiateVersion, type SruVersion } from './versions.js';

export type Transport = 'get' | 'post' | 'soap';
export type Operation = 'explain' | 'searchRetrieve' | 'scan';

/** The request as received, before any check. */
export interface IncomingRequest {
  readonly transport: Transport;
  readonly params: RawParams;
  /** SOAP: the operation named by the body element. */
  readonly soapOperation?: Operation;
}

/** What every operation carries; enough to render a diagnostic in the right shape. */
export interface RequestContext {
  readonly transport: Transport;
  readonly version: SruVersion;
  readonly operation: Operation;
  readonly stylesheet: string | undefined;
}

export interface ExplainRequest extends RequestContext {
  readonly operation: 'explain';
  readonly escaping: 'xml' | 'string';
}

export interface SearchRetrieveRequest extends RequestContext {
  readonly operation: 'searchRetrieve';
  readonly query: string;
  readonly startRecord: number;
  /** As asked (echoed), and as served (capped). */
  readonly maximumRecordsAsked: number | undefined;
  readonly maximumRecords: number;
  readonly schema: RecordSchema;
  readonly schemaAsked: string | undefined;
  /** recordXMLEscaping (2.0) or recordPacking (1.x): xml inline, or string escaped. */
  readonly escaping: 'xml' | 'string';
  readonly packingAsked: string | undefined;
  readonly escapingAsked: string | undefined;
  readonly sortKeys: string | undefined;
  readonly resultSetTTL: number | undefined;
  /** x-… extension parameters, passed through to the echo. */
  readonly extensions: RawParams;
}

export interface ScanRequest extends RequestContext {
  readonly operation: 'scan';
  readonly scanClause: string;
  readonly responsePosition: number;
  readonly maximumTerms: number;
}

export type SruRequest = ExplainRequest | SearchRetrieveRequest | ScanRequest;

const SOAP_CONTENT = /^(text\/xml|application\/soap\+xml|application\/xml)\b/i;

/** Reads method, Content-Type and body into parameters. Throws SruDiagnostic for an unreadable SOAP body. */
export function incomingRequest(req: Request): IncomingRequest {
  const contentType = req.headers['content-type'] ?? '';
  if (req.method === 'POST' && SOAP_CONTENT.test(contentType)) {
    return readSoap(typeof req.body === 'string' ? req.body : '');
  }
  if (req.method === 'POST') {
    const body = typeof req.body === 'string' ? parseForm(req.body) : [];
    // A POST may also carry parameters in its URL; the body wins on repeats (both are kept).
    const url = req.originalUrl ?? req.url;
    const query = url.includes('?') ? parseForm(url.slice(url.indexOf('?') + 1)) : [];
    return { transport: 'post', params: [...query, ...body] };
  }
  return { transport: 'get', params: rawParams(req) };
}

const soapParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

function readSoap(body: string): IncomingRequest {
  let doc: Record<string, unknown>;
  try {
    doc = soapParser.parse(body, true) as Record<string, unknown>;
  } catch {
    return { transport: 'soap', params: [], soapOperation: 'explain' };
  }
  const envelope = doc.Envelope as Record<string, unknown> | undefined;
  const soapBody = envelope?.Body as Record<string, unknown> | undefined;
  const [name, content] = Object.entries(soapBody ?? {})[0] ?? [];
  const operation = name === 'searchRetrieveRequest' ? 'searchRetrieve' : name === 'scanRequest' ? 'scan' : 'explain';
  const params: Array<[string, string]> = [];
  if (content && typeof content === 'object') {
    for (const [key, value] of Object.entries(content as Record<string, unknown>)) {
      // Structured parameters (xQuery, xSortKeys, extraRequestData) are not read.
      if (typeof value === 'string' || typeof value === 'number') params.push([key, String(value)]);
    }
  }
  return { transport: 'soap', params, soapOperation: operation };
}

/** Version and operation, before the argument table: what a diagnostic needs to be rendered. */
export function requestContext(incoming: IncomingRequest): { context: RequestContext; versionProblem?: SruDiagnostic; operationProblem?: SruDiagnostic } {
  const get = (name: string) => incoming.params.find(([k]) => k === name)?.[1];
  const negotiated = negotiateVersion(get('version'));
  const given = get('operation');
  let operation: Operation;
  let operationProblem: SruDiagnostic | undefined;
  if (incoming.soapOperation) operation = incoming.soapOperation;
  else if (given === 'explain' || given === 'searchRetrieve' || given === 'scan') operation = given;
  else {
    operation = get('query') !== undefined ? 'searchRetrieve' : get('scanClause') !== undefined ? 'scan' : 'explain';
    if (given !== undefined) operationProblem = new SruDiagnostic(DIAG.UNSUPPORTED_OPERATION, given);
  }
  const stylesheet = incoming.transport === 'soap' ? undefined : get('stylesheet');
  return {
    context: { transport: incoming.transport, version: negotiated.version, operation, stylesheet },
    ...(negotiated.supported ? {} : { versionProblem: new SruDiagnostic(DIAG.UNSUPPORTED_VERSION, HIGHEST_VERSION) }),
    ...(operationProblem ? { operationProblem } : {}),
  };
}

/** Parameters each operation accepts, per version family (besides x-… extensions). */
const COMMON = ['version', 'operation', 'stylesheet'];
const TABLE: Record<Operation, { v1: readonly string[]; v2: readonly string[] }> = {
  explain: {
    v1: [...COMMON, 'recordPacking'],
    v2: [...COMMON, 'recordXMLEscaping', 'recordPacking', 'httpAccept', 'responseType'],
  },
  searchRetrieve: {
    v1: [...COMMON, 'query', 'startRecord', 'maximumRecords', 'recordPacking', 'recordSchema', 'resultSetTTL', 'sortKeys', 'recordXPath'],
    v2: [...COMMON, 'query', 'queryType', 'startRecord', 'maximumRecords', 'recordXMLEscaping', 'recordPacking', 'recordSchema',
      'resultSetTTL', 'sortKeys', 'renderedBy', 'httpAccept', 'responseType', 'facetLimit', 'facetStart', 'facetSort', 'facetCount'],
  },
  scan: {
    v1: [...COMMON, 'scanClause', 'responsePosition', 'maximumTerms'],
    v2: [...COMMON, 'scanClause', 'responsePosition', 'maximumTerms', 'httpAccept'],
  },
};

/** Checks the argument table and builds the typed request. Throws SruDiagnostic (the first problem found). */
export function checkRequest(incoming: IncomingRequest, context: RequestContext, config: SruConfig): SruRequest {
  const allowed = new Set(context.version === '2.0' ? TABLE[context.operation].v2 : TABLE[context.operation].v1);
  if (context.version === '1.2') allowed.delete('sortKeys'); // 1.2 sorts with CQL sortby only
  if (context.version !== '1.1') allowed.delete('recordXPath');
  const seen = new Set<string>();
  const extensions: Array<[string, string]> = [];
  for (const [name, value] of incoming.params) {
    if (name.startsWith('x-')) {
      extensions.push([name, value]);
      continue;
    }
    if (!allowed.has(name)) throw new SruDiagnostic(DIAG.UNSUPPORTED_PARAMETER, name);
    if (seen.has(name)) throw new SruDiagnostic(DIAG.UNSUPPORTED_PARAMETER_VALUE, name);
    seen.add(name);
  }
  const get = (name: string) => incoming.params.find(([k]) => k === name)?.[1];
  const v2 = context.version === '2.0';
  const escapingAsked = v2 ? get('recordXMLEscaping') : get('recordPacking');
  const escaping = escapingAsked === undefined || escapingAsked === 'xml' ? 'xml' : escapingAsked === 'string' ? 'string' : undefined;
  if (!escaping) throw new SruDiagnostic(DIAG.UNSUPPORTED_RECORD_PACKING, escapingAsked);
  if (v2) {
    const packing = get('recordPacking');
    if (packing !== undefined && packing !== 'packed') throw new SruDiagnostic(DIAG.UNSUPPORTED_RECORD_PACKING, packing);
  }
  switch (context.operation) {
    case 'explain':
      return { ...context, operation: 'explain', escaping };
    case 'scan': {
      const scanClause = get('scanClause');
      if (scanClause === undefined) throw new SruDiagnostic(DIAG.MANDATORY_PARAMETER_NOT_SUPPLIED, 'scanClause');
      const maximumTerms = integer(get('maximumTerms'), 'maximumTerms', 1) ?? config.scan.defaultTerms;
      if (maximumTerms > config.scan.maxTerms) throw new SruDiagnostic(DIAG.TOO_MANY_TERMS_REQUESTED, String(config.scan.maxTerms));
      const responsePosition = integer(get('responsePosition'), 'responsePosition', 0) ?? 1;
      if (responsePosition > maximumTerms + 1) throw new SruDiagnostic(DIAG.RESPONSE_POSITION_OUT_OF_RANGE);
      return { ...context, operation: 'scan', scanClause, responsePosition, maximumTerms };
    }
    case 'searchRetrieve': {
      const query = get('query');
      if (query === undefined) throw new SruDiagnostic(DIAG.MANDATORY_PARAMETER_NOT_SUPPLIED, 'query');
      const queryType = get('queryType');
      if (queryType !== undefined && queryType !== 'cql') throw new SruDiagnostic(DIAG.UNSUPPORTED_PARAMETER_VALUE, 'queryType');
      if (get('recordXPath') !== undefined) throw new SruDiagnostic(DIAG.XPATH_RETRIEVAL_UNSUPPORTED);
      const schemaAsked = get('recordSchema');
      const schema = schemaAsked === undefined ? schemaByName(config.defaultRecordSchema) : resolveSchema(schemaAsked);
      if (!schema) throw new SruDiagnostic(DIAG.UNKNOWN_SCHEMA, schemaAsked);
      const startRecord = integer(get('startRecord'), 'startRecord', 1) ?? 1;
      const maximumRecordsAsked = integer(get('maximumRecords'), 'maximumRecords', 0);
      const maximumRecords = Math.min(maximumRecordsAsked ?? config.defaultMaximumRecords, config.maxMaximumRecords);
      const resultSetTTL = integer(get('resultSetTTL'), 'resultSetTTL', 0);
      return {
        ...context, operation: 'searchRetrieve', query, startRecord, maximumRecordsAsked, maximumRecords, schema, schemaAsked,
        escaping, packingAsked: get('recordPacking'), escapingAsked: v2 ? get('recordXMLEscaping') : undefined,
        sortKeys: get('sortKeys'), resultSetTTL, extensions,
      };
    }
  }
}

/** A non-negative decimal integer no smaller than `min`, or diag 6 naming the parameter. */
function integer(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value.trim())) throw new SruDiagnostic(DIAG.UNSUPPORTED_PARAMETER_VALUE, name);
  const n = Number(value.trim());
  if (n < min) throw new SruDiagnostic(DIAG.UNSUPPORTED_PARAMETER_VALUE, name);
  return n;
}
