import type { ItemMapping } from '../config/sections/import.js';
import { itemFields } from '../import/item-fields.js';
import { parseMarcXmlRecord } from '../marc/marcxml-parse.js';
import type { MarcRecord } from '../marc/record.js';
import type { RecordRepository } from '../store/record-repository.js';
import { buildIndexDocument } from './index-document.js';
import type { IndexMap } from './index-map.js';

export interface ReindexOptions {
  readonly batchSize: number;
  readonly onBatch?: (done: number) => void;
}

/**
 * Recomputes what search needs (lexemes, keys, sort keys) for every live record from the stored
 * MARCXML and its items (as 952 fields, as at import), with the current index map: run after the
 * `indexes` section of the config changes. Batches by id; each batch is one transaction; records
 * and datestamps are untouched. Returns the number of records reindexed.
 */
export async function reindexAll(records: RecordRepository, indexMap: IndexMap, items: ItemMapping, options: ReindexOptions): Promise<number> {
  let after = 0;
  let done = 0;
  for (;;) {
    const batch = await records.listLiveForIndexing(after, options.batchSize);
    if (batch.length === 0) return done;
    const rows = batch.flatMap((row) => {
      const parsed = parseMarcXmlRecord(row.marcxml);
      if (!parsed.ok) return [];
      const withItems: MarcRecord = {
        leader: parsed.record.leader,
        fields: [...parsed.record.fields, ...itemFields(row.items.map((item) => ({ ...item, itemNumber: item.id })), items)],
      };
      return [{ id: row.id, index: buildIndexDocument(withItems, indexMap) }];
    });
    await records.replaceIndex(rows);
    done += rows.length;
    after = batch[batch.length - 1]!.id;
    options.onBatch?.(done);
  }
}
