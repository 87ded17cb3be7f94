import type { OaiContext, VerbResult } from '../context.js';
import { OaiError } from '../errors.js';
import type { OaiRequest } from '../request.js';
import { escapeText } from '../xml.js';

/**
 * §4.4. Every format is available for every record (tombstones included: their header can be asked
 * for in any format). Errors: idDoesNotExist. noMetadataFormats cannot happen (oai_dc is required
 * by config).
 */
export async function listMetadataFormats(ctx: OaiContext, request: Extract<OaiRequest, { verb: 'ListMetadataFormats' }>): Promise<VerbResult> {
  if (request.identifier !== undefined) {
    const localId = ctx.localId(request.identifier);
    if (localId === undefined || !(await ctx.deps.store.oai.exists(localId))) {
      throw new OaiError('idDoesNotExist', 'No record has this identifier in this repository.');
    }
  }
  const parts = ['<ListMetadataFormats>\n'];
  for (const format of ctx.formats) {
    parts.push(`<metadataFormat><metadataPrefix>${escapeText(format.prefix)}</metadataPrefix>`
      + `<schema>${escapeText(format.schema)}</schema><metadataNamespace>${escapeText(format.namespace)}</metadataNamespace></metadataFormat>\n`);
  }
  parts.push('</ListMetadataFormats>\n');
  return { responseDate: ctx.deps.clock.now(), parts };
}
