import { createHash } from 'node:crypto';
import type { ItemMapping } from '../config/sections/import.js';
import { buildIndexDocument } from '../indexing/index-document.js';
import type { IndexMap } from '../indexing/index-map.js';
import { toMarcXml } from '../marc/index.js';
import type { MarcRecord } from '../marc/record.js';
import type { IngestRecord } from '../store/types.js';
import { splitItems } from './item-fields.js';
import { readLocalId } from './local-id.js';

export interface PrepareOptions {
  readonly idField: string;
  readonly items: ItemMapping;
  readonly indexMap: IndexMap;
}

export type Prepared = { ok: true; record: IngestRecord } | { ok: false; reason: string };

/**
 * Turns a MARC record into what the store writes: local id, MARCXML without item fields, items,
 * search data, and a content hash over everything a dissemination can show.
 */
export function prepareRecord(marc: MarcRecord, options: PrepareOptions): Prepared {
  const localId = readLocalId(marc, options.idField);
  if (!localId) return { ok: false, reason: `no identifier in ${options.idField}` };
  if (localId.length > 200) return { ok: false, reason: `identifier in ${options.idField} longer than 200 characters` };
  const { bib, items } = splitItems(marc, options.items);
  const marcxml = toMarcXml(bib);
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
