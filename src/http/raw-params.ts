import type { Request } from 'express';

/**
 * The request's arguments exactly as sent, repeats kept: the query string for GET, the form body for
 * POST (application/x-www-form-urlencoded). Express's own parsers merge repeats and nest `a[b]`
 * keys, which protocols must see as errors, so each protocol reads arguments through this.
 */
export type RawParams = ReadonlyArray<readonly [string, string]>;

export function rawParams(req: Request): RawParams {
  if (req.method === 'POST' && typeof req.body === 'string') return parseForm(req.body);
  const url = req.originalUrl ?? req.url;
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return parseForm(query);
}

/** Parses `a=1&b=2` (+ as space, percent-decoding; a malformed escape keeps its raw text). */
export function parseForm(text: string): RawParams {
  const out: Array<[string, string]> = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    out.push([decode(key), decode(value)]);
  }
  return out;
}

function decode(text: string): string {
  const plus = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/** Groups raw params by name, keeping every value (for repeat detection). */
export function groupParams(params: RawParams): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    const list = grouped.get(key);
    if (list) list.push(value);
    else grouped.set(key, [value]);
  }
  return grouped;
}
