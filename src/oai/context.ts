/** What every verb handler receives, built once per router from deps and config. */
import type { Deps } from '../deps.js';
import type { OaiSet } from '../config/sections/oai.js';
import { oaiFormats, type OaiFormatInfo } from './formats.js';
import { TokenCodec } from './resumption-token.js';

export interface OaiContext {
  readonly deps: Deps;
  /** The base URL of the endpoint: configured, never taken from the request. */
  readonly baseUrl: string;
  readonly formats: readonly OaiFormatInfo[];
  format(prefix: string): OaiFormatInfo | undefined;
  readonly sets: readonly OaiSet[];
  /** Whether `spec` is a declared set or an ancestor of one (a:b declared makes a known). */
  isKnownSet(spec: string): boolean;
  tokens(): Promise<TokenCodec>;
  identifier(localId: string): string;
  /** The local id of an identifier of this repository, or undefined. */
  localId(identifier: string): string | undefined;
}

/** What a verb hands back: the response date and the verb element, as parts written in order. */
export interface VerbResult {
  readonly responseDate: Date;
  readonly parts: Iterable<string>;
}

export function createOaiContext(deps: Deps): OaiContext {
  const { config } = deps;
  const formats = oaiFormats(config);
  const byPrefix = new Map(formats.map((f) => [f.prefix, f]));
  const known = new Set(config.oai.sets.flatMap((s) => {
    const parts = s.spec.split(':');
    return parts.map((_, i) => parts.slice(0, i + 1).join(':'));
  }));
  const prefix = `oai:${config.oai.repositoryIdentifier}:`;
  let codec: Promise<TokenCodec> | undefined;
  return {
    deps,
    baseUrl: `${config.server.baseUrl}/oai`,
    formats,
    format: (p) => byPrefix.get(p),
    sets: config.oai.sets,
    isKnownSet: (spec) => known.has(spec),
    tokens: () => {
      codec ??= (config.oai.tokenSecret !== undefined
        ? Promise.resolve(config.oai.tokenSecret)
        : deps.store.oai.tokenSecret()).then((secret) => new TokenCodec(Buffer.from(secret, 'utf8')));
      codec.catch(() => { codec = undefined; }); // a database outage must not poison the cache
      return codec;
    },
    identifier: (localId) => `${prefix}${localId}`,
    localId: (identifier) => (identifier.startsWith(prefix) && identifier.length > prefix.length ? identifier.slice(prefix.length) : undefined),
  };
}
