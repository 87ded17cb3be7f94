import type { Request, Response } from 'express';
import type { Deps } from '../deps.js';

/** GET /health: 200 when the database answers, 503 (with Retry-After) when it does not. */
export function healthHandler(deps: Deps) {
  return async (_req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    try {
      await deps.store.ping();
      res.json({ status: 'ok', database: deps.store.kind, time: deps.clock.now().toISOString() });
    } catch (error) {
      deps.log.error({ err: error }, 'health check failed');
      res.status(503).set('Retry-After', '30').json({ status: 'unavailable', database: deps.store.kind });
    }
  };
}
