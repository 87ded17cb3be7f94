/**
 * Record -> metadata XML for one format. MARCXML formats come straight from the store (with 952
 * fields built from the items when include_items is set); crosswalk formats go through the cache
 * (store: oai_disseminations, valid for the record's datestamp and the stylesheet hash) and are
 * transformed in one batch on a miss. A record that cannot be disseminated is logged and left out,
 * never an error for the whole response.
 */
import { itemFields } from '../import/item-fields.js';
import { escapeXmlAttribute, escapeXmlText } from '../marc/xml-text.js';
import type { OaiRecord } from '../store/oai-repository.js';
import type { Item } from '../store/types.js';
import type { OaiContext } from './context.js';
import type { OaiFormatInfo } from './formats.js';

const TRANSFORM_BATCH = 50;

/**
 * Metadata XML by record id; records missing from the map could not be disseminated (already
 * logged, and handed to `onFailure` when given: `libgate precompute` counts them).
 */
export async function disseminate(ctx: OaiContext, format: OaiFormatInfo, records: readonly OaiRecord[], onFailure?: (record: OaiRecord, error: Error) => void): Promise<Map<number, string>> {
  const { deps } = ctx;
  const live = records.filter((r) => !r.deleted && r.marcxml !== undefined);
  const out = new Map<number, string>();
  if (live.length === 0) return out;

  let pending = live;
  const hash = format.crosswalk === undefined ? undefined : deps.crosswalks.hash(format.crosswalk);
  if (format.crosswalk !== undefined && hash !== undefined) {
    const cached = await deps.store.oai.cachedDisseminations(live.map((r) => r.id), format.prefix, hash);
    for (const [id, xml] of cached) out.set(id, xml);
    pending = live.filter((r) => !cached.has(r.id));
    if (pending.length === 0) return out;
  }

  const items = format.includeItems ? await deps.store.records.itemsOf(pending.map((r) => r.id)) : undefined;
  const marc = pending.map((r) => withItems(r.marcxml!, items?.get(r.id), deps.config.import.items));
  if (format.crosswalk === undefined || hash === undefined) {
    pending.forEach((r, i) => out.set(r.id, marc[i]!));
    return out;
  }
  // Batches of TRANSFORM_BATCH: one SaxonJS transformation per batch (fast), trees kept small (memory).
  const results: Array<string | Error> = [];
  for (let i = 0; i < marc.length; i += TRANSFORM_BATCH) results.push(...deps.crosswalks.transformMany(format.crosswalk, marc.slice(i, i + TRANSFORM_BATCH)));
  const fresh: Array<{ recordId: number; datestampKey: string; xml: string }> = [];
  results.forEach((result, i) => {
    const record = pending[i]!;
    if (typeof result === 'string') {
      out.set(record.id, result);
      fresh.push({ recordId: record.id, datestampKey: record.datestampKey, xml: result });
    } else {
      deps.log.warn({ localId: record.localId, format: format.prefix, err: result }, 'oai: record cannot be disseminated; left out');
      onFailure?.(record, result);
    }
  });
  await deps.store.oai.storeDisseminations(format.prefix, hash, fresh);
  return out;
}

/**
 * The stored MARCXML with the items appended as item fields (Koha's 952). Circulation state (on
 * loan) is left out on purpose: it changes without the record's datestamp changing, and a
 * disseminated record must not change under an unchanged datestamp (ILS-DI answers availability).
 */
function withItems(marcxml: string, items: readonly Item[] | undefined, mapping: Parameters<typeof itemFields>[1]): string {
  if (!items || items.length === 0) return marcxml;
  const fields = itemFields(items.map((item) => ({ ...item, itemNumber: undefined, onLoan: undefined })), mapping);
  const xml = fields.map((f) => `<datafield tag="${escapeXmlAttribute(f.tag)}" ind1="${escapeXmlAttribute(f.ind1)}" ind2="${escapeXmlAttribute(f.ind2)}">`
    + f.subfields.map((sf) => `<subfield code="${escapeXmlAttribute(sf.code)}">${escapeXmlText(sf.value)}</subfield>`).join('')
    + '</datafield>').join('');
  const end = marcxml.lastIndexOf('</');
  return end < 0 ? marcxml : `${marcxml.slice(0, end)}${xml}${marcxml.slice(end)}`;
}
