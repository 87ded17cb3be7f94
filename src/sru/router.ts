import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Deps } from '../deps.js';
import { DIAG, SruDiagnostic } from './diagnostics.js';
import { explain, explainResponse } from './explain.js';
import { buildIndexCatalog } from './index-catalog.js';
import { fatalResponse } from './render.js';
import { checkRequest, incomingRequest, requestContext, type RequestContext, type SruRequest } from './request.js';
import { scan } from './scan.js';
import { searchRetrieve } from './search-retrieve.js';

/**
 * SRU at one URL: GET, POST form and SOAP 1.1 (by Content-Type), versions 1.1, 1.2 and 2.0. Order:
 * transport -> version and operation -> argument table -> operation handler. This is the only
 * place an SruDiagnostic becomes a response (fatal: numberOfRecords 0 / no terms / explain record
 * plus the diagnostic); anything else goes to the app's last-resort handler. Always HTTP 200.
 */
export function createSruRouter(deps: Deps): Router {
  const catalog = buildIndexCatalog(deps.config.indexes);
  const router = Router();
  const handle = async (req: Request, res: Response, next: NextFunction) => {
    let context: RequestContext | undefined;
    try {
      const incoming = incomingRequest(req);
      const found = requestContext(incoming);
      context = found.context;
      const problem = found.versionProblem ?? found.operationProblem;
      if (problem) throw problem;
      const request: SruRequest = checkRequest(incoming, context, deps.config.sru);
      let xml: string;
      switch (request.operation) {
        case 'explain': xml = await explain(deps, request); break;
        case 'searchRetrieve': xml = await searchRetrieve(deps, catalog, request); break;
        case 'scan': xml = await scan(deps, catalog, request); break;
      }
      send(res, context, xml);
    } catch (error) {
      if (error instanceof SruDiagnostic && context) {
        const xml = context.operation === 'explain' ? explainResponse(deps, context, 'xml', [error]) : fatalResponse(context, error);
        send(res, context, xml);
        return;
      }
      if (context) {
        // An internal failure still answers in SRU: diag 1 without details; the error is logged.
        deps.log.error({ err: error }, 'SRU request failed');
        const failure = new SruDiagnostic(DIAG.GENERAL_SYSTEM_ERROR);
        send(res, context, context.operation === 'explain' ? explainResponse(deps, context, 'xml', [failure]) : fatalResponse(context, failure));
        return;
      }
      next(error);
    }
  };
  router.get('/', handle);
  router.post('/', handle);
  return router;
}

function send(res: Response, context: RequestContext, xml: string): void {
  res.status(200).type(context.transport === 'soap' ? 'text/xml; charset=utf-8' : 'application/xml; charset=utf-8').send(xml);
}
