import type { Deps } from '../deps.js';
import type { LocalNow } from './local-time.js';
import type { XmlTree } from './xml.js';

/** Who is calling: the address the allow-list judged, and the API key when one was presented. */
export interface ClientIdentity {
  readonly address: string;
  readonly keyId: number | undefined;
  /** What per-client counters are kept under: the key when there is one, else the address. */
  readonly counterKey: string;
}

/** Everything a service handler may use besides its arguments. */
export interface ServiceContext {
  readonly deps: Deps;
  /** The clock's instant for this request, and the same instant as the library's wall-clock time. */
  readonly instant: Date;
  readonly now: LocalNow;
  readonly client: ClientIdentity;
}

/** A request whose arguments passed the table's checks: every value is single. */
export interface ServiceRequest {
  get(name: string): string | undefined;
  has(name: string): boolean;
}

/**
 * What a handler answers: a tree rendered the XML::Simple way under the verb's root, or a finished
 * document (GetAvailability's DLF collection). Failures are thrown as IlsdiError instead.
 */
export type Reply = { readonly tree: XmlTree } | { readonly document: string };

/** One signature for every verb (services/<verb>.ts). */
export type ServiceHandler = (request: ServiceRequest, context: ServiceContext) => Promise<Reply>;
