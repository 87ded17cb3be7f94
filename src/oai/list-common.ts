/**
 * What ListIdentifiers and ListRecords share: resolving the list (first request or token), one
 * keyset page of `limit + 1` rows, headers, and the resumptionToken element (§3.5):
 * - no token at all when the list fits in one response;
 * - a token with cursor (records returned before this response) and completeListSize otherwise;
 * - an empty token on the last page of a partitioned list.
 * Errors (raised before anything is written): cannotDisseminateFormat, noSetHierarchy,
 * noRecordsMatch, badResumptionToken.
 */
import { minimalSpecs } from './set-rules.js';
import type { OaiRecord, OaiCursor } from '../store/oai-repository.js';
import type { OaiContext } from './context.js';
import { floorToSecond } from './dates.js';
import { OaiError, OaiErrors } from './errors.js';
import type { OaiFormatInfo } from './formats.js';

import { TOKEN_VERSION } from './resumption-token.js';
import { escapeAttribute, escapeText, headerElement } from './xml.js';

import type { ListRequest } from './request.js';

interface ListState {
  readonly format: OaiFormatInfo;
  readonly set: string | undefined;
  readonly from: Date | undefined;
  readonly before: Date;
  readonly after: OaiCursor | undefined;
  /** Records returned before this response. */
  readonly cursor: number;
  /** completeListSize carried by the token (undefined on a first request). */
  readonly size: number | undefined;
}

export interface ListPage {
  readonly format: OaiFormatInfo;
  readonly rows: readonly OaiRecord[];
  readonly specs: ReadonlyMap<number, readonly string[]>;
  /** The resumptionToken element, or '' when the list fits in one response. */
  readonly tokenElement: string;
  readonly responseDate: Date;
}

export async function listPage(ctx: OaiContext, request: ListRequest, limit: number, withMarc: boolean): Promise<ListPage> {
  // The commit-safe horizon, whole seconds: every record dated before it is visible now, and it is
  // the responseDate (errors included), so an incremental harvest from this responseDate misses nothing.
  const horizon = floorToSecond(await ctx.deps.store.oai.horizon());
  try {
    return await pageBelow(ctx, request, limit, withMarc, horizon);
  } catch (error) {
    if (error instanceof OaiError || error instanceof OaiErrors) error.responseDate = horizon;
    throw error;
  }
}

async function pageBelow(ctx: OaiContext, request: ListRequest, limit: number, withMarc: boolean, horizon: Date): Promise<ListPage> {
  const { store } = ctx.deps;
  const state = request.resumptionToken !== undefined
    ? await fromToken(ctx, request.verb, request.resumptionToken)
    : firstRequest(ctx, request.list!, horizon);
  const page = await store.oai.listPage({ before: state.before, from: state.from, setSpec: state.set, after: state.after, limit, withMarc });
  if (page.rows.length === 0) throw new OaiError('noRecordsMatch', 'No records match the request.');
  // Set specs and (first page of a long list) the list size, at once.
  const [specs, size] = await Promise.all([
    store.oai.setSpecsOf(page.rows.map((r) => r.id)),
    page.hasMore && state.size === undefined ? store.oai.count({ before: state.before, from: state.from, setSpec: state.set }) : Promise.resolve(state.size),
  ]);
  const shown = new Map<number, string[]>();
  for (const [id, list] of specs) shown.set(id, minimalSpecs(list.filter((s) => ctx.isKnownSet(s))));

  let tokenElement = '';
  const returned = state.cursor + page.rows.length;
  if (page.hasMore && size !== undefined) {
    const last = page.rows[page.rows.length - 1]!;
    const codec = await ctx.tokens();
    const token = codec.encode({
      v: TOKEN_VERSION, verb: request.verb, prefix: state.format.prefix, set: state.set, from: state.from?.getTime(),
      before: state.before.getTime(), ds: last.datestampKey, id: last.id, cursor: returned, size: Math.max(size, returned + 1),
    });
    tokenElement = `<resumptionToken completeListSize="${Math.max(size, returned + 1)}" cursor="${state.cursor}">${escapeText(token)}</resumptionToken>`;
  } else if (state.size !== undefined) {
    tokenElement = `<resumptionToken completeListSize="${Math.max(state.size, returned)}" cursor="${state.cursor}"/>`;
  }
  return { format: state.format, rows: page.rows, specs: shown, tokenElement, responseDate: horizon };
}

function firstRequest(ctx: OaiContext, list: NonNullable<ListRequest['list']>, horizon: Date): ListState {
  const errors: OaiError[] = [];
  const format = ctx.format(list.metadataPrefix);
  if (!format) errors.push(new OaiError('cannotDisseminateFormat', `The metadata format ${list.metadataPrefix} is not supported by this repository.`));
  if (list.set !== undefined && ctx.sets.length === 0) errors.push(new OaiError('noSetHierarchy', 'This repository does not support sets.'));
  if (errors.length > 0) throw new OaiErrors(errors);
  // An unknown set is an empty list, never "everything".
  if (list.set !== undefined && !ctx.isKnownSet(list.set)) throw new OaiError('noRecordsMatch', `There is no set ${list.set}.`);
  const until = list.until?.endExclusive;
  return {
    format: format!,
    set: list.set,
    from: list.from?.start,
    before: until !== undefined && until < horizon ? until : horizon,
    after: undefined,
    cursor: 0,
    size: undefined,
  };
}

async function fromToken(ctx: OaiContext, verb: string, token: string): Promise<ListState> {
  const payload = (await ctx.tokens()).decode(token, verb);
  const format = ctx.format(payload.prefix);
  if (!format || (payload.set !== undefined && !ctx.isKnownSet(payload.set))) {
    throw new OaiError('badResumptionToken', 'The resumptionToken refers to a format or set this repository no longer offers.');
  }
  return {
    format,
    set: payload.set,
    from: payload.from === undefined ? undefined : new Date(payload.from),
    before: new Date(payload.before),
    after: { datestampKey: payload.ds, id: payload.id },
    cursor: payload.cursor,
    size: payload.size,
  };
}

export function recordHeader(ctx: OaiContext, record: OaiRecord, specs: ReadonlyMap<number, readonly string[]>): string {
  return headerElement(ctx.identifier(record.localId), record.datestamp, record.deleted, specs.get(record.id) ?? []);
}

export { escapeAttribute };
