/**
 * Stateless resumption tokens: base64url(JSON payload) "." base64url(HMAC-SHA256 truncated to 128
 * bits). The payload is versioned and carries everything the next page needs, so any server of the
 * cluster answers it, it never expires, and re-sending it gives the same page:
 * - the list: verb, metadataPrefix, set, from (ms), and `before`, the exclusive upper bound frozen at
 *   the first request (min of `until` and the commit-safe horizon, see store/oai-repository.ts);
 * - the position: the last (datestamp, id) returned, exact to the microsecond;
 * - cursor (records returned before the next page) and completeListSize.
 * decode() throws OaiError badResumptionToken for anything malformed, tampered with or of another
 * version or verb.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { OaiError } from './errors.js';

export const TOKEN_VERSION = 1;

export interface TokenPayload {
  readonly v: typeof TOKEN_VERSION;
  /** 'ListIdentifiers' | 'ListRecords' */
  readonly verb: string;
  readonly prefix: string;
  readonly set?: string | undefined;
  /** from, ms since the epoch (inclusive) */
  readonly from?: number | undefined;
  /** frozen exclusive upper bound, ms since the epoch */
  readonly before: number;
  /** last datestamp returned, exact (microseconds, UTC) */
  readonly ds: string;
  readonly id: number;
  readonly cursor: number;
  readonly size: number;
}

const DATESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export class TokenCodec {
  constructor(private readonly secret: Buffer) {}

  encode(payload: TokenPayload): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  decode(token: string, verb: string): TokenPayload {
    const bad = (why: string) => new OaiError('badResumptionToken', `The resumptionToken is invalid (${why}).`);
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 4096) throw bad('malformed');
    const body = token.slice(0, dot);
    const mac = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.sign(body), 'base64url');
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) throw bad('signature does not match');
    let payload: Partial<TokenPayload>;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenPayload>;
    } catch {
      throw bad('malformed');
    }
    if (payload.v !== TOKEN_VERSION) throw bad('unknown version');
    if (payload.verb !== verb) throw bad(`issued for ${String(payload.verb)}`);
    const int = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    if (typeof payload.prefix !== 'string' || !int(payload.before) || !int(payload.id) || !int(payload.cursor) || !int(payload.size)
      || typeof payload.ds !== 'string' || !DATESTAMP_KEY.test(payload.ds)
      || (payload.from !== undefined && !int(payload.from)) || (payload.set !== undefined && typeof payload.set !== 'string')) {
      throw bad('malformed');
    }
    return payload as TokenPayload;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest().subarray(0, 16).toString('base64url');
  }
}
