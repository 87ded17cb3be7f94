import type { OaiContext, VerbResult } from '../context.js';
import { OaiError } from '../errors.js';
import type { OaiRequest } from '../request.js';
import { escapeText } from '../xml.js';

const OAI_DC = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
const DC = 'http://purl.org/dc/elements/1.1/';

/**
 * §4.6. Sets come from config and fit in one response, so no token is ever issued and any token
 * sent is badResumptionToken. Errors: noSetHierarchy, badResumptionToken.
 */
export async function listSets(ctx: OaiContext, request: Extract<OaiRequest, { verb: 'ListSets' }>): Promise<VerbResult> {
  if (ctx.sets.length === 0) throw new OaiError('noSetHierarchy', 'This repository does not support sets.');
  if (request.resumptionToken !== undefined) throw new OaiError('badResumptionToken', 'ListSets never issues resumption tokens.');
  const parts = ['<ListSets>\n'];
  for (const set of ctx.sets) {
    const description = set.description === undefined ? ''
      : `<setDescription><oai_dc:dc xmlns:oai_dc="${OAI_DC}" xmlns:dc="${DC}" xsi:schemaLocation="${OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd">`
        + `<dc:description>${escapeText(set.description)}</dc:description></oai_dc:dc></setDescription>`;
    parts.push(`<set><setSpec>${escapeText(set.spec)}</setSpec><setName>${escapeText(set.name)}</setName>${description}</set>\n`);
  }
  parts.push('</ListSets>\n');
  return { responseDate: ctx.deps.clock.now(), parts };
}
