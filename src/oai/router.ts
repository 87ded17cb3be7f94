import { Router } from 'express';
import type { Deps } from '../deps.js';

/** Placeholder until the oai protocol lands: answers 501 so clients see the endpoint exists. */
export function createOaiRouter(_deps: Deps): Router {
  const router = Router();
  router.all('/', (_req, res) => {
    res.status(501).type('text/plain').send('Not implemented yet\n');
  });
  return router;
}
