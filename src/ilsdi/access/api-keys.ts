import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { RawParams } from '../../http/raw-params.js';

/**
 * Per-client API keys. A key is `lgk_` + 43 characters of base64url (256 random bits); only its
 * SHA-256 is stored (a slow hash buys nothing for a random secret of that size, and every request
 * looks one up). The first 12 characters are kept in clear as a prefix, to tell keys apart in lists.
 */
export const KEY_PARAMETER = 'apikey';

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `lgk_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 12), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The key a request presents: `Authorization: apikey <key>`, else `X-Api-Key`, else the path form
 * `/ilsdi/key/<key>`, else an `apikey` argument (for clients that cannot send headers).
 * `undefined` when none; '' when one is present but empty (a wrong key, not an absent one).
 */
export function presentedKey(req: Request, params: RawParams): string | undefined {
  const authorization = req.get('authorization');
  if (authorization) {
    const match = /^apikey\s+(.*)$/i.exec(authorization.trim());
    if (match) return match[1]!.trim();
  }
  const header = req.get('x-api-key');
  if (header !== undefined) return header.trim();
  const inPath = (req.params as Record<string, string | undefined>).apikey;
  if (inPath !== undefined) return inPath.trim();
  const param = params.find(([name]) => name === KEY_PARAMETER);
  return param ? param[1].trim() : undefined;
}
