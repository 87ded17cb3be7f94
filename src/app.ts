import express, { type Express } from 'express';
import type { Deps } from './deps.js';
import { concurrencyLimit } from './http/concurrency-limit.js';
import { healthHandler } from './http/health.js';
import { homePageHandler } from './http/home-page.js';
import { internalErrorHandler } from './http/internal-error.js';
import { requestLog } from './http/request-log.js';
import { createIlsdiRouter } from './ilsdi/router.js';
import { createOaiRouter } from './oai/router.js';
import { createSruRouter } from './sru/router.js';

/**
 * Builds the gateway's HTTP application. No I/O happens here; everything comes from `deps`.
 * Protocol routers parse their own arguments from the raw query string or body (see http/raw-params.ts).
 */
export function createApp(deps: Deps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.server.trustProxy);
  app.set('query parser', 'simple');
  app.use(requestLog(deps.log));
  app.use(concurrencyLimit(deps.config.server.maxConcurrentRequests));
  // Bodies stay raw text: form posts are parsed by each protocol (repeats matter), SOAP is XML.
  app.use(express.text({ type: ['application/x-www-form-urlencoded', 'text/xml', 'application/xml', 'application/soap+xml'], limit: '1mb' }));

  app.get('/', homePageHandler(deps));
  app.get('/health', healthHandler(deps));
  if (deps.config.oai.enabled) app.use('/oai', createOaiRouter(deps));
  if (deps.config.sru.enabled) app.use('/sru', createSruRouter(deps));
  if (deps.config.ilsdi.enabled) {
    const ilsdi = createIlsdiRouter(deps);
    app.use('/ilsdi', ilsdi);
    app.use('/cgi-bin/koha/ilsdi.pl', ilsdi);
  }
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found. See / for the endpoints.\n');
  });
  app.use(internalErrorHandler(deps.log));
  return app;
}
