import type { Knex } from 'knex';
import { bindings } from './bindings.js';
import type { WriteHook } from './record-repository.js';

/**
 * items.onloan is the due date's day while libgate holds a loan for the item (Koha keeps it so), and
 * the item fields OAI-PMH disseminates (952$q) carry it. So whenever it changes, the owning record's
 * datestamp moves to `now` in the same transaction: a harvester must see the record again.
 * Returns the records touched.
 */
export async function setItemsOnLoan(trx: Knex.Transaction, changes: ReadonlyArray<{ itemId: number; onloan: string | null }>, now: Date): Promise<number[]> {
  if (changes.length === 0) return [];
  const result = await trx.raw(
    `UPDATE items i SET onloan = u.onloan, updated_at = ?
     FROM unnest(?::bigint[], ?::date[]) AS u(id, onloan)
     WHERE i.id = u.id AND i.onloan IS DISTINCT FROM u.onloan
     RETURNING i.record_id`,
    bindings(now, changes.map((c) => c.itemId), changes.map((c) => c.onloan)),
  );
  const recordIds = [...new Set((result.rows as Array<{ record_id: number }>).map((row) => Number(row.record_id)))];
  await touchRecords(trx, recordIds, now);
  return recordIds;
}

/** Moves the datestamp of live records to `now` (their disseminated XML changed). */
export async function touchRecords(trx: Knex.Transaction, recordIds: readonly number[], now: Date): Promise<void> {
  if (recordIds.length === 0) return;
  await trx.raw('UPDATE records SET datestamp = ? WHERE id = ANY(?::bigint[]) AND NOT deleted', bindings(now, [...recordIds]));
}

/**
 * Re-importing a record rewrites its items from the MARC (952$q included). Loans libgate made are the
 * truth for the items they cover, so this hook puts their due dates back. The records written by the
 * batch already carry the batch's datestamp, so nothing else moves.
 */
export const loanOnloanHook: WriteHook = {
  async afterWrite(trx, batch) {
    if (batch.live.length === 0) return;
    await trx.raw(
      `UPDATE items i SET onloan = l.date_due::date
       FROM loans l
       WHERE l.item_id = i.id AND i.record_id = ANY(?::bigint[]) AND i.onloan IS DISTINCT FROM l.date_due::date`,
      bindings(batch.live.map((entry) => entry.id)),
    );
  },
};
