import type { OaiContext, VerbResult } from '../context.js';
import { disseminate } from '../disseminate.js';
import { OaiError, OaiErrors } from '../errors.js';
import { recordHeader } from '../list-common.js';
import type { OaiRequest } from '../request.js';
import { minimalSpecs } from '../set-rules.js';

/**
 * §4.1. Errors: cannotDisseminateFormat, idDoesNotExist (both reported when both apply). A
 * tombstone is a header with status="deleted", never idDoesNotExist. A record the crosswalk cannot
 * transform is cannotDisseminateFormat for that item (§4.1: "not available for this item").
 */
export async function getRecord(ctx: OaiContext, request: Extract<OaiRequest, { verb: 'GetRecord' }>): Promise<VerbResult> {
  const errors: OaiError[] = [];
  const format = ctx.format(request.metadataPrefix);
  if (!format) errors.push(new OaiError('cannotDisseminateFormat', `The metadata format ${request.metadataPrefix} is not supported by this repository.`));
  const localId = ctx.localId(request.identifier);
  const record = localId === undefined ? undefined : await ctx.deps.store.oai.get(localId);
  if (!record) errors.push(new OaiError('idDoesNotExist', 'No record has this identifier in this repository.'));
  if (errors.length > 0) throw new OaiErrors(errors);
  const specs = await ctx.deps.store.oai.setSpecsOf([record!.id]);
  const shown = new Map([[record!.id, minimalSpecs((specs.get(record!.id) ?? []).filter((s) => ctx.isKnownSet(s)))]]);
  const header = recordHeader(ctx, record!, shown);
  let body: string;
  if (record!.deleted) body = `<record>${header}</record>`;
  else {
    const xml = (await disseminate(ctx, format!, [record!])).get(record!.id);
    if (xml === undefined) throw new OaiError('cannotDisseminateFormat', `This record cannot be disseminated in ${format!.prefix}.`);
    body = `<record>${header}<metadata>${xml}</metadata></record>`;
  }
  return { responseDate: ctx.deps.clock.now(), parts: ['<GetRecord>\n', body, '\n</GetRecord>\n'] };
}
