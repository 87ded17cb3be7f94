import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Deps } from '../deps.js';
import { rawParams, type RawParams } from '../http/raw-params.js';
import { compileAllowList, type AllowList } from './access/allow-list.js';
import { hashApiKey, KEY_PARAMETER, presentedKey } from './access/api-keys.js';
import type { ClientIdentity, Reply, ServiceContext } from './context.js';
import { docPage } from './doc-page.js';
import { IlsdiError } from './errors.js';
import { localNow } from './local-time.js';
import { checkArguments, isService, SERVICES } from './services.js';
import { isXmlName, renderDocument } from './xml.js';

const IGNORED_ARGUMENTS: ReadonlySet<string> = new Set([KEY_PARAMETER]);
/** How stale api_keys.last_used_at may get before a request refreshes it (one write per key per minute at most). */
const KEY_TOUCH_MS = 60_000;

/**
 * Koha's ilsdi.pl, with access control in front. In order: no `service` gives the HTML page (as
 * Describe does, before any check, as in Koha); then the allow-list (Koha's NotAllowed), the API key
 * when one is presented (a wrong or revoked key is refused even for open scopes), the verb
 * (NotSupported), the verb's scope, the argument table, and the handler.
 *
 * This is the only place an IlsdiError becomes XML. Anything else thrown goes to the app's
 * last-resort handler (500/503, logged). Every ILS-DI answer is HTTP 200 text/xml in UTF-8.
 */
export function createIlsdiRouter(deps: Deps): Router {
  const allowList = compileAllowList(deps.config.ilsdi.access.allow);
  const router = Router();
  const handle = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const params = rawParams(req);
      const service = params.find(([name]) => name === 'service')?.[1];
      if (!service) {
        sendHtml(res, docPage(deps.config.server.baseUrl));
        return;
      }
      if (service === 'Describe') {
        const verb = params.find(([name]) => name === 'verb')?.[1] ?? '';
        sendHtml(res, docPage(deps.config.server.baseUrl, isService(verb) ? verb : undefined));
        return;
      }
      const root = isXmlName(service) ? service : 'ilsdi';
      let body: string;
      try {
        const reply = await answer(deps, allowList, req, params, service);
        body = 'document' in reply ? reply.document : renderDocument(root, reply.tree);
      } catch (error) {
        if (!(error instanceof IlsdiError)) throw error;
        body = renderDocument(error.root ?? root, error.form === 'message' ? { message: error.code } : { code: error.code, message: error.detail });
      }
      res.status(200).set('Content-Type', 'text/xml; charset=utf-8').send(body);
    } catch (error) {
      next(error);
    }
  };
  router.get('/', handle);
  router.post('/', handle);
  // For clients configured with a base URL only (VuFind, Bokeh build `<base>?service=…`): the key
  // as the last path segment, e.g. http://host/ilsdi/key/lgk_…; request logs redact it.
  router.get('/key/:apikey', handle);
  router.post('/key/:apikey', handle);
  return router;
}

async function answer(deps: Deps, allowList: AllowList, req: Request, params: RawParams, service: string): Promise<Reply> {
  const address = req.ip ?? req.socket.remoteAddress ?? '';
  // Koha (bug 36867) answers an empty list with root <ilsdi>, whatever the verb.
  if (allowList.empty) throw new IlsdiError('NotAllowed', `Unauthorized IP address: ${address}.`, { root: 'ilsdi' });
  if (!allowList.allows(address)) throw new IlsdiError('NotAllowed', `Unauthorized IP address: ${address}.`);

  const instant = deps.clock.now();
  const key = presentedKey(req, params);
  let keyId: number | undefined;
  let keyScopes: readonly string[] = [];
  if (key !== undefined) {
    const found = key === '' ? undefined : await deps.store.access.findKey(hashApiKey(key));
    if (!found || found.revokedAt) throw new IlsdiError('NotAllowed', 'Unknown or revoked API key.');
    keyId = found.id;
    keyScopes = found.scopes;
    if (!found.lastUsedAt || instant.getTime() - found.lastUsedAt.getTime() > KEY_TOUCH_MS) await deps.store.access.touchKey(found.id, instant);
  }

  if (!isService(service)) throw new IlsdiError('NotSupported');
  const spec = SERVICES[service];
  if (!deps.config.ilsdi.access.openScopes.includes(spec.scope) && !keyScopes.includes(spec.scope)) {
    throw new IlsdiError('NotAllowed', `${service} needs an API key with the ${spec.scope} scope.`);
  }

  const checked = checkArguments(service, params, IGNORED_ARGUMENTS);
  if ('problems' in checked) {
    if (checked.problems.length > 1) deps.log.debug({ service, problems: checked.problems.map((p) => p.message) }, 'ILS-DI argument problems');
    throw checked.problems.at(-1)!;
  }
  const client: ClientIdentity = { address, keyId, counterKey: keyId !== undefined ? `key:${keyId}` : `ip:${address}` };
  const context: ServiceContext = { deps, instant, now: localNow(instant, deps.config.ilsdi.timeZone), client };
  return spec.handler(checked.request, context);
}

function sendHtml(res: Response, html: string): void {
  res.status(200).set('Content-Type', 'text/html; charset=utf-8').send(html);
}
