import type { NextFunction, Request, Response } from 'express';

/**
 * Answers 503 with Retry-After once `max` requests are in flight: the transport-level "come back
 * later" that OAI-PMH harvesters and SRU clients understand, instead of queueing without bound.
 */
export function concurrencyLimit(max: number, retryAfterSeconds = 5) {
  let inFlight = 0;
  return (_req: Request, res: Response, next: NextFunction) => {
    if (inFlight >= max) {
      res.status(503).set('Retry-After', String(retryAfterSeconds)).type('text/plain').send('Server busy, retry later\n');
      return;
    }
    inFlight += 1;
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        inFlight -= 1;
      }
    };
    res.on('finish', release);
    res.on('close', release);
    next();
  };
}
