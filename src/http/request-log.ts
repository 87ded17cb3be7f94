import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** Query parameters whose values never reach a log (ILS-DI passwords, API keys sent as parameters). */
const SECRET_PARAMS = /([?&](?:password|apikey|api_key|token)=)[^&]*/gi;

/** ILS-DI API keys given as a path segment (/ilsdi/key/<key>, for clients configured with a base URL only). */
const SECRET_PATH = /(\/key\/)[^/?#]+/g;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[REDACTED]').replace(SECRET_PATH, '$1[REDACTED]');
}

/** One structured log line per request, with a request id (taken from X-Request-Id when sent) echoed back. */
export function requestLog(log: Logger) {
  return pinoHttp({
    logger: log,
    genReqId(req, res) {
      const sent = req.headers['x-request-id'];
      const id = typeof sent === 'string' && /^[\w.-]{1,128}$/.test(sent) ? sent : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req(req: IncomingMessage & { id?: unknown; raw?: IncomingMessage }) {
        const raw = req.raw ?? req;
        return { id: req.id, method: raw.method, url: redactUrl(raw.url ?? ''), remoteAddress: raw.socket?.remoteAddress };
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode };
      },
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return 'error';
      return 'info';
    },
  });
}
