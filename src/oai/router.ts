/**
 * The OAI-PMH endpoint (GET and POST on one URL). In order: the argument table (badVerb,
 * badArgument: every problem, no arguments echoed), the verb handler, which decides everything and
 * fetches its page before the first byte, then the streamed response, compressed as the client's
 * Accept-Encoding allows (gzip, deflate).
 *
 * This is the only place an OaiError becomes XML; every OAI answer is HTTP 200 text/xml. Anything
 * else thrown goes to the app's last-resort handler (503 + Retry-After when the database is down).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createDeflate, createGzip } from 'node:zlib';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Deps } from '../deps.js';
import { rawParams } from '../http/raw-params.js';
import { createOaiContext, type OaiContext, type VerbResult } from './context.js';
import { echoesArguments, OaiError, OaiErrors } from './errors.js';
import { parseRequest, type OaiRequest } from './request.js';
import { getRecord } from './verbs/get-record.js';
import { identify } from './verbs/identify.js';
import { listIdentifiers } from './verbs/list-identifiers.js';
import { listMetadataFormats } from './verbs/list-metadata-formats.js';
import { listRecords } from './verbs/list-records.js';
import { listSets } from './verbs/list-sets.js';
import { ENVELOPE_TAIL, envelopeHead, errorElements } from './xml.js';

/**
 * zlib level 3: about twice as fast as the default 6 on MARCXML pages for output some 10-15% larger.
 * A full harvest is CPU-bound on the server long before the network is the limit.
 */
const GZIP_LEVEL = 3;

export function createOaiRouter(deps: Deps): Router {
  const ctx = createOaiContext(deps);
  const router = Router();
  const handle = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const parsed = parseRequest(rawParams(req));
      let head: string;
      let parts: Iterable<string>;
      if (!parsed.ok) {
        head = envelopeHead(deps.clock.now(), ctx.baseUrl, undefined);
        parts = [errorElements(parsed.errors)];
      } else {
        try {
          const result = await dispatch(ctx, parsed.request);
          head = envelopeHead(result.responseDate, ctx.baseUrl, parsed.echo);
          parts = result.parts;
        } catch (error) {
          const errors = error instanceof OaiErrors ? error.errors : error instanceof OaiError ? [error] : undefined;
          if (errors === undefined) throw error;
          const at = (error as OaiError | OaiErrors).responseDate ?? deps.clock.now();
          head = envelopeHead(at, ctx.baseUrl, echoesArguments(errors) ? parsed.echo : undefined);
          parts = [errorElements(errors)];
        }
      }
      await send(req, res, head, parts);
    } catch (error) {
      next(error);
    }
  };
  router.get('/', handle);
  router.post('/', handle);
  return router;
}

function dispatch(ctx: OaiContext, request: OaiRequest): Promise<VerbResult> {
  switch (request.verb) {
    case 'Identify':
      return identify(ctx);
    case 'ListMetadataFormats':
      return listMetadataFormats(ctx, request);
    case 'ListSets':
      return listSets(ctx, request);
    case 'ListIdentifiers':
      return listIdentifiers(ctx, request);
    case 'ListRecords':
      return listRecords(ctx, request);
    case 'GetRecord':
      return getRecord(ctx, request);
  }
}

/** gzip or deflate when the client accepts it (q > 0), else identity (§3.1.3). */
export function chooseEncoding(header: string | undefined): 'gzip' | 'deflate' | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const quality = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (quality('gzip') > 0 && quality('gzip') >= quality('deflate')) return 'gzip';
  if (quality('deflate') > 0) return 'deflate';
  return undefined;
}

async function send(req: Request, res: Response, head: string, parts: Iterable<string>): Promise<void> {
  const encoding = chooseEncoding(req.get('accept-encoding'));
  res.status(200);
  res.set('Content-Type', 'text/xml; charset=UTF-8');
  res.set('Vary', 'Accept-Encoding');
  let out: Writable = res;
  if (encoding) {
    res.set('Content-Encoding', encoding);
    const zip = encoding === 'gzip' ? createGzip({ level: GZIP_LEVEL }) : createDeflate({ level: GZIP_LEVEL });
    zip.pipe(res);
    out = zip;
  }
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(head);
  for (const part of parts) await write(part);
  await write(ENVELOPE_TAIL);
  out.end();
  if (out !== res) await once(res, 'finish');
}
