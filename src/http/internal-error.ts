import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { redactUrl } from './request-log.js';

/** Errors meaning "the database is not there right now": answered 503 + Retry-After, not 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const message = (error as Error)?.message ?? '';
  return (
    (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006'].includes(code)) ||
    /Knex: Timeout acquiring a connection|Unable to acquire a connection|Connection terminated|PGlite is closed/i.test(message)
  );
}

/**
 * The last-resort handler: protocol errors never get here (each router renders its own). Anything
 * that does is logged with its stack and answered without one.
 */
export function internalErrorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Body-parser refusals (too large, bad charset): a client matter, no stack needed.
      res.status(status).type('text/plain').send(`${status === 413 ? 'Request body too large' : 'Bad request'}\n`);
      return;
    }
    if (isDatabaseUnavailable(error)) {
      log.error({ err: error, url: redactUrl(req.url) }, 'database unavailable');
      if (!res.headersSent) res.status(503).set('Retry-After', '30').type('text/plain').send('Service temporarily unavailable\n');
      else res.destroy();
      return;
    }
    log.error({ err: error, url: redactUrl(req.url) }, 'internal error');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(500).type('text/plain').send('Internal server error\n');
  };
}
