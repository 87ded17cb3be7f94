import { createHash } from 'node:crypto';
import type { ItemMapping } from '../config/sections/import.js';
import { buildIndexDocument } from '../indexing/index-document.js';
import type { IndexMap } from '../indexing/index-map.js';
import { toIso2709, toMarcXml } from '../marc/index.js';
import type { MarcRecord } from '../marc/record.js';
import type { IngestRecord } from '../store/types.js';
import { splitItems } from './item-fields.js';
import type { IdReader } from './local-id.js';

export interface PrepareOptions {
  /** Identifier source, described by `idSource` in messages. */
  readonly readId: IdReader;
  readonly idSource: string;
  readonly items: ItemMapping;
  readonly indexMap: IndexMap;
}

export type Prepared = { ok: true; record: IngestRecord } | { ok: false; reason: string };

/**
 * Turns a MARC record into what the store writes: local id, MARCXML without item fields, items,
 * search data, and a content hash over everything a dissemination can show.
 */
export function prepareRecord(marc: MarcRecord, position: number, options: PrepareOptions): Prepared {
  const localId = options.readId(marc, position);
  if (!localId) return { ok: false, reason: `no identifier in ${options.idSource}` };
  if (localId.length > 200) return { ok: false, reason: `identifier in ${options.idSource} longer than 200 characters` };
  const { bib, items } = splitItems(marc, options.items);
  const marcxml = toMarcXml(withComputedLengths(bib));
  const contentHash = createHash('sha256').update(marcxml).update('\u0000').update(JSON.stringify(items)).digest('base64url');
  return {
    ok: true,
    record: {
      localId,
      marcxml,
      recordType: marc.leader.charAt(6) || ' ',
      bibLevel: marc.leader.charAt(7) || ' ',
      contentHash,
      items,
      index: buildIndexDocument(marc, options.indexMap),
      deleted: marc.leader.charAt(5) === 'd',
    },
  };
}

/**
 * Leader/00-04 (record length) and 12-16 (base address) describe one serialisation; MARCXML files
 * carry whatever their producer wrote. They are recomputed for the stored record (items removed) so
 * the same record stores identically from ISO 2709 and MARCXML, and an unchanged re-import is a no-op.
 */
function withComputedLengths(record: MarcRecord): MarcRecord {
  let lengths = '00000'; // record length: left at zero when the record is too long for ISO 2709
  let base = '00000';
  try {
    const computed = toIso2709(record).subarray(0, 24).toString('latin1');
    lengths = computed.slice(0, 5);
    base = computed.slice(12, 17);
  } catch {
    // RangeError: a field over 9,999 bytes or a record over 99,999; MARCXML has no such limit.
  }
  const { leader } = record;
  return { leader: `${lengths}${leader.slice(5, 12)}${base}${leader.slice(17)}`, fields: record.fields };
}
