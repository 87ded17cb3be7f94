import type { OaiContext, VerbResult } from '../context.js';
import { disseminate } from '../disseminate.js';
import { listPage, recordHeader } from '../list-common.js';
import type { ListRequest } from '../request.js';

/**
 * §4.5. Errors: see list-common.ts. Tombstones are headers with status="deleted". A record the
 * crosswalk cannot transform is left out (logged); should that empty a page, its headers stay, so
 * the response remains valid and the harvest goes on.
 */
export async function listRecords(ctx: OaiContext, request: ListRequest): Promise<VerbResult> {
  const page = await listPage(ctx, request, ctx.deps.config.oai.pageSize.records, true);
  const metadata = await disseminate(ctx, page.format, page.rows);
  const anyShown = page.rows.some((r) => r.deleted || metadata.has(r.id));
  return {
    responseDate: page.responseDate,
    parts: (function* parts() {
      yield '<ListRecords>\n';
      for (const record of page.rows) {
        const header = recordHeader(ctx, record, page.specs);
        if (record.deleted) yield `<record>${header}</record>\n`;
        else {
          const xml = metadata.get(record.id);
          if (xml !== undefined) yield `<record>${header}<metadata>${xml}</metadata></record>\n`;
          else if (!anyShown) yield `<record>${header}</record>\n`;
        }
      }
      if (page.tokenElement) yield `${page.tokenElement}\n`;
      yield '</ListRecords>\n';
    })(),
  };
}
