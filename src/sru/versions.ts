/**
 * SRU versions served on one endpoint and what differs between them on the wire.
 * Negotiation follows YAZ (srw.c yaz_negotiate_sru_version): none -> 2.0, 1.1 -> 1.1, other 1.x ->
 * 1.2, 2.x -> 2.0, anything else diag 5 (answered in the nearest version we have).
 */
export type SruVersion = '1.1' | '1.2' | '2.0';

export const HIGHEST_VERSION: SruVersion = '2.0';

export function negotiateVersion(requested: string | undefined): { version: SruVersion; supported: boolean } {
  if (requested === undefined) return { version: '2.0', supported: true };
  if (requested === '1.1') return { version: '1.1', supported: true };
  if (/^1\.\d+$/.test(requested)) return { version: '1.2', supported: true };
  if (/^2\.\d+$/.test(requested)) return { version: '2.0', supported: true };
  const major = Number.parseFloat(requested);
  return { version: Number.isFinite(major) && major < 1 ? '1.1' : '2.0', supported: false };
}

export const isV2 = (version: SruVersion): boolean => version === '2.0';

export interface VersionNamespaces {
  /** searchRetrieveResponse / explainResponse (and 1.x scanResponse). */
  readonly response: string;
  readonly scan: string;
  readonly diagnostic: string;
}

export const NS_1X: VersionNamespaces = {
  response: 'http://www.loc.gov/zing/srw/',
  scan: 'http://www.loc.gov/zing/srw/',
  diagnostic: 'http://www.loc.gov/zing/srw/diagnostic/',
};

export const NS_2: VersionNamespaces = {
  response: 'http://docs.oasis-open.org/ns/search-ws/sruResponse',
  scan: 'http://docs.oasis-open.org/ns/search-ws/scan',
  diagnostic: 'http://docs.oasis-open.org/ns/search-ws/diagnostic',
};

export function namespaces(version: SruVersion): VersionNamespaces {
  return isV2(version) ? NS_2 : NS_1X;
}

export const ZEEREX_NS = 'http://explain.z3950.org/dtd/2.0/';
export const ZEEREX_SCHEMA = 'http://explain.z3950.org/dtd/2.0/';
export const DIAGNOSTIC_SCHEMA_1X = 'info:srw/schema/1/diagnostic-v1.1';
export const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
