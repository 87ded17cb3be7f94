/**
 * Start-up work for the OAI provider (serve runs it before listening):
 * - set definitions (and, with CQL rules, the index definitions) changed since the last start (hash
 *   in oai_state): recompute every record's membership; records whose membership changed get a new
 *   datestamp;
 * - a format's stylesheet changed (hash in oai_state): every live record's dissemination changed,
 *   so every live record gets a new datestamp (one UPDATE; the cheapest correct way: harvesters
 *   then re-fetch everything, which is what a changed crosswalk means) and stale cache rows go.
 * The first start only records the hashes (and computes membership once). Leases left by crashed
 * writers are removed.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';
import type { Deps } from '../deps.js';
import { oaiFormats } from './formats.js';

export interface OaiStartupReport {
  readonly membershipChanged: number;
  readonly stylesheetsChanged: readonly string[];
  readonly datestampsBumped: number;
}

const SETS_KEY = 'sets-hash';
const STYLESHEETS_KEY = 'stylesheet-hashes';

/**
 * The set definitions as a hash. CQL rules read the search indexes: a change to the index
 * definitions (then `libgate reindex`) can change their members, so the indexes are part of the
 * hash when a CQL rule exists.
 */
export function setsDefinitionHash(config: Config): string {
  const usesCql = config.oai.sets.some((s) => s.rule?.kind === 'cql');
  return createHash('sha256')
    .update(JSON.stringify([config.oai.sets.map((s) => [s.spec, s.rule ?? null]), usesCql ? config.indexes : null]))
    .digest('hex');
}

/**
 * After an import into an empty store: every record went through the membership write hook with
 * these definitions, so the next `serve` need not recompute them (minutes on a large catalogue).
 */
export async function markMembershipCurrent(deps: Deps): Promise<void> {
  if ((await deps.store.oai.getState(SETS_KEY)) === undefined) await deps.store.oai.setState(SETS_KEY, setsDefinitionHash(deps.config));
}

export async function prepareOai(deps: Deps): Promise<OaiStartupReport> {
  const { store, config } = deps;
  await store.oai.dropExpiredLeases();
  const setsHash = setsDefinitionHash(config);
  let membershipChanged = 0;
  if ((await store.oai.getState(SETS_KEY)) !== setsHash) {
    membershipChanged = await store.oai.recomputeMembership();
    await store.oai.setState(SETS_KEY, setsHash);
  }

  const current: Record<string, string> = {};
  for (const format of oaiFormats(config)) {
    if (format.crosswalk !== undefined) current[format.prefix] = deps.crosswalks.hash(format.crosswalk);
  }
  const storedText = await store.oai.getState(STYLESHEETS_KEY);
  const stored = storedText === undefined ? undefined : (JSON.parse(storedText) as Record<string, string>);
  const changed = stored === undefined ? [] : Object.keys(current).filter((prefix) => stored[prefix] !== undefined && stored[prefix] !== current[prefix]);
  let bumped = 0;
  if (changed.length > 0) {
    bumped = await store.oai.touchAllLive();
    for (const prefix of changed) await store.oai.dropStaleDisseminations(prefix, current[prefix]);
  }
  if (storedText !== JSON.stringify(current)) await store.oai.setState(STYLESHEETS_KEY, JSON.stringify(current));
  return { membershipChanged, stylesheetsChanged: changed, datestampsBumped: bumped };
}
