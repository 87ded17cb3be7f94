import type { OaiContext, VerbResult } from '../context.js';
import { listPage, recordHeader } from '../list-common.js';
import type { ListRequest } from '../request.js';

/** §4.3. Errors: see list-common.ts. */
export async function listIdentifiers(ctx: OaiContext, request: ListRequest): Promise<VerbResult> {
  const page = await listPage(ctx, request, ctx.deps.config.oai.pageSize.identifiers, false);
  return {
    responseDate: page.responseDate,
    parts: (function* parts() {
      yield '<ListIdentifiers>\n';
      for (const record of page.rows) yield `${recordHeader(ctx, record, page.specs)}\n`;
      if (page.tokenElement) yield `${page.tokenElement}\n`;
      yield '</ListIdentifiers>\n';
    })(),
  };
}
