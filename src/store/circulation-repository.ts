import type { Knex } from 'knex';
import type { Clock } from '../clock.js';
import { bindings } from './bindings.js';
import type {
  Charge, Hold, ItemState, Loan, PatronHold, PatronLoan, RecordItem,
} from './circulation-types.js';
import { setItemsOnLoan } from './item-onloan.js';

type Db = Knex | Knex.Transaction;

const LOCAL_DATETIME = `'YYYY-MM-DD HH24:MI:SS'`;

/**
 * The columns of ItemState for items `i` of records `r`, with holding library `hl`. `?` binds today's
 * local date: an item-level hold counts from its reservedate on (or once it is waiting), as Koha's
 * Item->current_holds does.
 */
const ITEM_STATE = `
  i.id AS item_id, i.record_id, r.local_id, i.barcode, i.home_library, i.holding_library, hl.name AS holding_name,
  i.call_number, i.item_type, i.not_for_loan, i.lost, i.withdrawn, i.damaged, i.onloan,
  EXISTS (SELECT 1 FROM transfers t WHERE t.item_id = i.id AND t.datearrived IS NULL) AS in_transit,
  EXISTS (SELECT 1 FROM holds h WHERE h.item_id = i.id AND NOT h.suspend AND (h.reservedate <= ?::date OR h.waitingdate IS NOT NULL)) AS on_hold`;

const ITEM_FROM = 'items i JOIN records r ON r.id = i.record_id LEFT JOIN libraries hl ON hl.code = i.holding_library';

/**
 * Items of the records `r` selected by the WHERE clause, one index probe per record. A plain join lets
 * the planner hash-join a sequential scan of every item when its statistics are stale (right after a
 * big import it estimated ~1,200 items per record and scanned 3M rows: 150 ms instead of 2); the
 * lateral subquery, kept from being flattened by OFFSET 0, always probes items_record_id.
 */
const ITEMS_OF_RECORDS = `records r
  CROSS JOIN LATERAL (SELECT * FROM items WHERE items.record_id = r.id ORDER BY items.position OFFSET 0) i
  LEFT JOIN libraries hl ON hl.code = i.holding_library`;

const HOLD_COLUMNS = `
  h.reserve_id, h.borrowernumber, h.record_id, r.local_id, h.item_id, h.item_level_hold, h.branchcode, hb.name AS branchname,
  h.reservedate, h.expirationdate, h.priority, h.found, h.waitingdate, h.suspend, h.reservenotes,
  to_char(h.timestamp, ${LOCAL_DATETIME}) AS timestamp`;

const LOAN_COLUMNS = `
  l.issue_id, l.borrowernumber, l.item_id, i.record_id, r.local_id, l.branchcode, i.barcode, l.renewals_count,
  to_char(l.issuedate, ${LOCAL_DATETIME}) AS issuedate, to_char(l.date_due, ${LOCAL_DATETIME}) AS date_due,
  to_char(l.lastreneweddate, ${LOCAL_DATETIME}) AS lastreneweddate`;

/** Facts a hold decision needs, read inside the transaction that places the hold (patron row locked). */
export interface HoldContext {
  /** The patron's holds: record and item of each. */
  readonly patronHolds: ReadonlyArray<{ readonly recordId: number; readonly itemId: number | undefined }>;
  /** Items the patron has on loan. */
  readonly patronLoanItemIds: ReadonlySet<number>;
  /** The record's items (HoldTitle) or the one item (HoldItem). */
  readonly items: readonly ItemState[];
}

export interface NewHold {
  readonly borrowernumber: number;
  readonly recordId: number;
  readonly itemId: number | undefined;
  readonly branchcode: string;
  /** YYYY-MM-DD */
  readonly reservedate: string;
  readonly expirationdate: string | undefined;
  /** Local wall-clock time of the request. */
  readonly timestamp: string;
}

export type HoldDecision<T> = { readonly ok: true; readonly hold: NewHold; readonly result: T } | { readonly ok: false; readonly result: T };

/** Facts a renewal decision needs, read with the loan row locked. */
export interface RenewalContext {
  readonly loan: Loan;
  readonly item: ItemState;
  /** Holds by other patrons this item could fill (on the item, or title-level on its record). */
  readonly blockingHolds: number;
  /** The patron has a loan due before `now`. */
  readonly hasOverdues: boolean;
}

export type RenewalDecision = { readonly ok: true; readonly dateDue: string; readonly lastrenewed: string } | { readonly ok: false; readonly reason: string };

export type CancelOutcome = 'not-found' | 'not-owner' | 'not-cancelable' | 'canceled';

/** Sample circulation, as sample/circulation.json holds it (ids resolved by the caller's data). */
export interface CirculationSample {
  readonly loans?: ReadonlyArray<{ cardnumber: string; itemnumber: number; issuedate: string; date_due: string; renewals_count?: number; branchcode?: string }>;
  readonly holds?: ReadonlyArray<{ cardnumber: string; biblionumber: string; itemnumber?: number; item_level_hold?: boolean; branchcode: string; reservedate: string; expirationdate?: string; priority?: number; found?: 'W' | 'T' | 'P'; waitingdate?: string; timestamp?: string }>;
  readonly transfers?: ReadonlyArray<{ itemnumber: number; frombranch: string; tobranch: string; datesent: string }>;
  readonly charges?: ReadonlyArray<{ cardnumber: string; itemnumber?: number; date: string; amount: string; amountoutstanding: string; debit_type_code?: string; description?: string; note?: string }>;
}

/**
 * Loans, holds, transfers and charges, and the item state derived from them. Reads take today's
 * local date as an argument (the time zone is the caller's business); writes that change an item's
 * disseminated fields move its record's datestamp (see item-onloan.ts).
 */
export class CirculationRepository {
  constructor(
    private readonly knex: Knex,
    private readonly clock: Clock,
  ) {}

  /**
   * Items of the records with these local ids (live records only), in catalogued order, for
   * GetAvailability. One query whatever the number of ids.
   */
  async itemStatesByRecord(localIds: readonly string[], today: string): Promise<ItemState[]> {
    if (localIds.length === 0) return [];
    const result = await this.knex.raw(
      `SELECT ${ITEM_STATE} FROM ${ITEMS_OF_RECORDS} WHERE r.local_id = ANY(?::text[]) AND NOT r.deleted ORDER BY r.id, i.position`,
      bindings(today, [...new Set(localIds)]),
    );
    return (result.rows as Row[]).map(toItemState);
  }

  /** Items by item number (unknown numbers are absent). One query. */
  async itemStates(itemIds: readonly number[], today: string, db: Db = this.knex): Promise<ItemState[]> {
    if (itemIds.length === 0) return [];
    const result = await db.raw(`SELECT ${ITEM_STATE} FROM ${ITEM_FROM} WHERE i.id = ANY(?::bigint[]) AND NOT r.deleted`, bindings(today, [...new Set(itemIds)]));
    return (result.rows as Row[]).map(toItemState);
  }

  /** Items of these records with library names and open transfers, for GetRecords. */
  async recordItems(recordIds: readonly number[], today: string): Promise<RecordItem[]> {
    if (recordIds.length === 0) return [];
    const result = await this.knex.raw(
      `SELECT ${ITEM_STATE}, i.location, i.other_subfields, i.updated_at, home.name AS home_name,
              to_char(t.datesent, ${LOCAL_DATETIME}) AS transfer_datesent, t.frombranch AS transfer_from, t.tobranch AS transfer_to
       FROM ${ITEMS_OF_RECORDS}
       LEFT JOIN libraries home ON home.code = i.home_library
       LEFT JOIN LATERAL (SELECT * FROM transfers t WHERE t.item_id = i.id AND t.datearrived IS NULL ORDER BY t.datesent DESC LIMIT 1) t ON true
       WHERE r.id = ANY(?::bigint[]) ORDER BY r.id, i.position`,
      bindings(today, [...recordIds]),
    );
    return (result.rows as Row[]).map((row) => ({
      ...toItemState(row),
      homeLibraryName: text(row.home_name),
      location: text(row.location),
      otherSubfields: (typeof row.other_subfields === 'string' ? JSON.parse(row.other_subfields) : row.other_subfields) as Array<[string, string]>,
      updatedAt: new Date(row.updated_at as string),
      transfer: row.transfer_datesent
        ? { datesent: String(row.transfer_datesent), frombranch: String(row.transfer_from), tobranch: String(row.transfer_to) }
        : undefined,
    }));
  }

  /** Current holds (reservedate reached) on these records, queue order. */
  async recordHolds(recordIds: readonly number[], today: string): Promise<Hold[]> {
    if (recordIds.length === 0) return [];
    const result = await this.knex.raw(
      `SELECT ${HOLD_COLUMNS} FROM holds h JOIN records r ON r.id = h.record_id LEFT JOIN libraries hb ON hb.code = h.branchcode
       WHERE h.record_id = ANY(?::bigint[]) AND h.reservedate <= ?::date ORDER BY h.record_id, h.priority, h.reserve_id`,
      bindings([...recordIds], today),
    );
    return (result.rows as Row[]).map(toHold);
  }

  /** Loans of items of these records. */
  async recordLoans(recordIds: readonly number[]): Promise<Loan[]> {
    if (recordIds.length === 0) return [];
    const result = await this.knex.raw(
      `SELECT ${LOAN_COLUMNS} FROM loans l JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id
       WHERE i.record_id = ANY(?::bigint[]) ORDER BY i.record_id, l.date_due, l.issue_id`,
      bindings([...recordIds]),
    );
    return (result.rows as Row[]).map(toLoan);
  }

  async loanOfItem(itemId: number): Promise<Loan | undefined> {
    const result = await this.knex.raw(
      `SELECT ${LOAN_COLUMNS} FROM loans l JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id WHERE l.item_id = ?`,
      bindings(itemId),
    );
    const row = (result.rows as Row[])[0];
    return row ? toLoan(row) : undefined;
  }

  /** A patron's loans, by due date; a page when `page` is given, with the total either way. */
  async patronLoans(borrowernumber: number, today: string, page?: { offset: number; limit: number }): Promise<{ loans: PatronLoan[]; total: number }> {
    const result = await this.knex.raw(
      `SELECT ${LOAN_COLUMNS}, ${ITEM_STATE}, r.marcxml,
              (SELECT count(*) FROM holds h WHERE h.item_id = l.item_id) AS holds_on_item,
              (SELECT count(*) FROM holds h WHERE h.record_id = i.record_id) AS holds_on_record,
              count(*) OVER () AS total
       FROM loans l JOIN ${ITEM_FROM} ON i.id = l.item_id
       WHERE l.borrowernumber = ? ORDER BY l.date_due, l.issue_id
       ${page ? 'LIMIT ? OFFSET ?' : ''}`,
      bindings(today, borrowernumber, ...(page ? [page.limit, page.offset] : [])),
    );
    const rows = result.rows as Row[];
    const loans = rows.map((row) => ({
      ...toLoan(row),
      item: toItemState(row),
      marcxml: String(row.marcxml),
      holdsOnItem: Number(row.holds_on_item),
      holdsOnRecord: Number(row.holds_on_record),
    }));
    let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
    if (page && rows.length === 0) {
      const [count] = await this.knex('loans').where({ borrowernumber }).count<{ count: string }[]>({ count: '*' });
      total = Number(count?.count ?? 0);
    }
    return { loans, total };
  }

  /** A patron's holds, oldest first, with the record's MARCXML and, when the hold has one, its item. */
  async patronHolds(borrowernumber: number, today: string): Promise<PatronHold[]> {
    const result = await this.knex.raw(
      `SELECT ${HOLD_COLUMNS}, r.marcxml FROM holds h JOIN records r ON r.id = h.record_id LEFT JOIN libraries hb ON hb.code = h.branchcode
       WHERE h.borrowernumber = ? ORDER BY h.reservedate, h.reserve_id`,
      bindings(borrowernumber),
    );
    const holds = (result.rows as Row[]).map((row) => ({ ...toHold(row), marcxml: text(row.marcxml) }));
    const items = new Map((await this.itemStates(holds.flatMap((h) => (h.itemId ? [h.itemId] : [])), today)).map((item) => [item.itemId, item]));
    return holds.map((hold) => ({ ...hold, item: hold.itemId ? items.get(hold.itemId) : undefined }));
  }

  /** Item numbers on which the patron has a hold. */
  async patronHoldItemIds(borrowernumber: number): Promise<Set<number>> {
    const rows = await this.knex('holds').select('item_id').where({ borrowernumber }).whereNotNull('item_id');
    return new Set(rows.map((row) => Number(row.item_id)));
  }

  async patronCharges(borrowernumber: number): Promise<Charge[]> {
    const result = await this.knex.raw(
      `SELECT accountlines_id, borrowernumber, item_id, to_char(date, ${LOCAL_DATETIME}) AS date, amount::text AS amount,
              amountoutstanding::text AS amountoutstanding, debit_type_code, description, note
       FROM charges WHERE borrowernumber = ? ORDER BY date, accountlines_id`,
      bindings(borrowernumber),
    );
    return (result.rows as Row[]).map((row) => ({
      accountlinesId: Number(row.accountlines_id),
      borrowernumber: Number(row.borrowernumber),
      itemId: row.item_id === null ? undefined : Number(row.item_id),
      date: String(row.date),
      amount: String(row.amount),
      amountoutstanding: String(row.amountoutstanding),
      debitTypeCode: text(row.debit_type_code),
      description: text(row.description),
      note: text(row.note),
    }));
  }

  /** What the patron still owes, with two decimals (Koha non_issues_charges, `%.02f`). */
  async outstanding(borrowernumber: number): Promise<string> {
    const result = await this.knex.raw(
      'SELECT coalesce(sum(amountoutstanding), 0)::numeric(28, 2)::text AS total FROM charges WHERE borrowernumber = ?',
      bindings(borrowernumber),
    );
    return String(result.rows[0].total);
  }

  /** The facts a hold decision needs, outside any transaction (GetServices asks without placing anything). */
  async holdContext(borrowernumber: number, itemIds: readonly number[] | { recordId: number }, today: string): Promise<HoldContext> {
    return this.readHoldContext(this.knex, borrowernumber, itemIds, today);
  }

  /**
   * Places a hold if `decide` says so, against facts read with the patron's row locked, so two
   * concurrent requests cannot both pass a limit. Priority follows Koha's CalculatePriority.
   */
  async placeHold<T>(borrowernumber: number, target: readonly number[] | { recordId: number }, today: string, decide: (context: HoldContext) => HoldDecision<T>): Promise<T> {
    return this.knex.transaction(async (trx) => {
      await trx.raw('SELECT 1 FROM patrons WHERE borrowernumber = ? FOR UPDATE', bindings(borrowernumber));
      const decision = decide(await this.readHoldContext(trx, borrowernumber, target, today));
      if (!decision.ok) return decision.result;
      const { hold } = decision;
      await trx.raw('SELECT 1 FROM records WHERE id = ? FOR UPDATE', bindings(hold.recordId));
      const count = await trx.raw(
        `SELECT count(*) AS n FROM holds WHERE record_id = ? AND priority > 0 AND found IS NULL AND reservedate <= ?::date`,
        bindings(hold.recordId, hold.reservedate),
      );
      const priority = Number(count.rows[0].n) + 1;
      await trx.raw(
        `INSERT INTO holds (borrowernumber, record_id, item_id, item_level_hold, branchcode, reservedate, expirationdate, priority, timestamp)
         VALUES (?, ?, ?, ?, ?, ?::date, ?::date, ?, ?::timestamp)`,
        bindings(hold.borrowernumber, hold.recordId, hold.itemId ?? null, hold.itemId !== undefined, hold.branchcode, hold.reservedate, hold.expirationdate ?? null, priority, hold.timestamp),
      );
      return decision.result;
    });
  }

  /** Cancels a hold of this patron that is still in the queue (Koha is_cancelable_from_opac: not found yet). */
  async cancelHold(reserveId: number, borrowernumber: number): Promise<CancelOutcome> {
    return this.knex.transaction(async (trx) => {
      const result = await trx.raw('SELECT borrowernumber, record_id, priority, found FROM holds WHERE reserve_id = ? FOR UPDATE', bindings(reserveId));
      const hold = (result.rows as Row[])[0];
      if (!hold) return 'not-found';
      if (Number(hold.borrowernumber) !== borrowernumber) return 'not-owner';
      if (hold.found) return 'not-cancelable';
      await trx.raw('DELETE FROM holds WHERE reserve_id = ?', bindings(reserveId));
      await trx.raw(
        'UPDATE holds SET priority = priority - 1 WHERE record_id = ? AND found IS NULL AND priority > ?',
        bindings(hold.record_id, hold.priority),
      );
      return 'canceled';
    });
  }

  /** The facts a renewal decision needs (no lock; GetServices asks without renewing). */
  async renewalContext(itemId: number, today: string, now: string): Promise<RenewalContext | undefined> {
    return this.readRenewalContext(this.knex, itemId, today, now, false);
  }

  /**
   * Renews the item's loan if `decide` allows it, with the loan row locked. items.onloan follows the
   * new due date, moving the record's datestamp when its day changes.
   */
  async renew<T>(itemId: number, today: string, now: string, decide: (context: RenewalContext | undefined) => { decision: RenewalDecision; result: T }): Promise<T> {
    return this.knex.transaction(async (trx) => {
      const context = await this.readRenewalContext(trx, itemId, today, now, true);
      const { decision, result } = decide(context);
      if (!context || !decision.ok) return result;
      await trx.raw(
        `UPDATE loans SET date_due = ?::timestamp, lastreneweddate = ?::timestamp, renewals_count = renewals_count + 1, updated_at = ? WHERE issue_id = ?`,
        bindings(decision.dateDue, decision.lastrenewed, this.clock.now(), context.loan.issueId),
      );
      await setItemsOnLoan(trx, [{ itemId, onloan: decision.dateDue.slice(0, 10) }], this.clock.now());
      return result;
    });
  }

  /**
   * Items the imported catalogue shows on loan (952$q) that libgate holds no loan for, lowest item
   * numbers first, with their record's local id (benchmark fixtures; a future loan import).
   */
  async untrackedLoans(limit: number): Promise<Array<{ itemId: number; biblionumber: string; onloan: string }>> {
    const result = await this.knex.raw(
      `SELECT i.id, r.local_id, i.onloan FROM items i JOIN records r ON r.id = i.record_id
       WHERE i.onloan IS NOT NULL AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.item_id = i.id) ORDER BY i.id LIMIT ?`,
      bindings(limit),
    );
    return (result.rows as Row[]).map((row) => ({ itemId: Number(row.id), biblionumber: String(row.local_id), onloan: String(row.onloan).slice(0, 10) }));
  }

  /**
   * Loads sample loans, holds, transfers and charges (sample/circulation.json) in one transaction.
   * Patrons are named by cardnumber, records by local id, items by item number.
   * @throws when a reference does not resolve: the sample and the catalogue disagree.
   */
  async loadSample(sample: CirculationSample): Promise<{ loans: number; holds: number; transfers: number; charges: number }> {
    return this.knex.transaction(async (trx) => {
      const now = this.clock.now();
      const patron = async (cardnumber: string) => {
        const row = await trx('patrons').select('borrowernumber').whereRaw('lower(cardnumber) = lower(?)', [cardnumber]).first();
        if (!row) throw new Error(`sample circulation: no patron with cardnumber ${cardnumber}`);
        return Number(row.borrowernumber);
      };
      const item = async (itemnumber: number) => {
        const row = await trx('items').select('id', 'record_id').where({ id: itemnumber }).first();
        if (!row) throw new Error(`sample circulation: no item ${itemnumber}`);
        return { id: Number(row.id), recordId: Number(row.record_id) };
      };
      for (const loan of sample.loans ?? []) {
        const { id } = await item(loan.itemnumber);
        await trx.raw(
          `INSERT INTO loans (borrowernumber, item_id, branchcode, issuedate, date_due, renewals_count, updated_at)
           VALUES (?, ?, ?, ?::timestamp, ?::timestamp, ?, ?)`,
          bindings(await patron(loan.cardnumber), id, loan.branchcode ?? null, loan.issuedate, loan.date_due, loan.renewals_count ?? 0, now),
        );
      }
      await setItemsOnLoan(trx, (sample.loans ?? []).map((loan) => ({ itemId: loan.itemnumber, onloan: loan.date_due.slice(0, 10) })), now);
      for (const hold of sample.holds ?? []) {
        const record = await trx('records').select('id').where({ local_id: hold.biblionumber, deleted: false }).first();
        if (!record) throw new Error(`sample circulation: no record ${hold.biblionumber}`);
        const itemId = hold.itemnumber === undefined ? null : (await item(hold.itemnumber)).id;
        await trx.raw(
          `INSERT INTO holds (borrowernumber, record_id, item_id, item_level_hold, branchcode, reservedate, expirationdate, priority, found, waitingdate, timestamp)
           VALUES (?, ?, ?, ?, ?, ?::date, ?::date, ?, ?, ?::date, ?::timestamp)`,
          bindings(
            await patron(hold.cardnumber), Number(record.id), itemId, hold.item_level_hold ?? false, hold.branchcode, hold.reservedate,
            hold.expirationdate ?? null, hold.priority ?? (hold.found ? 0 : 1), hold.found ?? null, hold.waitingdate ?? null, hold.timestamp ?? `${hold.reservedate} 00:00:00`,
          ),
        );
      }
      for (const transfer of sample.transfers ?? []) {
        const { id } = await item(transfer.itemnumber);
        await trx.raw(
          'INSERT INTO transfers (item_id, frombranch, tobranch, datesent) VALUES (?, ?, ?, ?::timestamp)',
          bindings(id, transfer.frombranch, transfer.tobranch, transfer.datesent),
        );
      }
      for (const charge of sample.charges ?? []) {
        const itemId = charge.itemnumber === undefined ? null : (await item(charge.itemnumber)).id;
        await trx.raw(
          `INSERT INTO charges (borrowernumber, item_id, date, amount, amountoutstanding, debit_type_code, description, note)
           VALUES (?, ?, ?::timestamp, ?::numeric, ?::numeric, ?, ?, ?)`,
          bindings(await patron(charge.cardnumber), itemId, charge.date, charge.amount, charge.amountoutstanding, charge.debit_type_code ?? null, charge.description ?? null, charge.note ?? null),
        );
      }
      return {
        loans: sample.loans?.length ?? 0, holds: sample.holds?.length ?? 0,
        transfers: sample.transfers?.length ?? 0, charges: sample.charges?.length ?? 0,
      };
    });
  }

  private async readHoldContext(db: Db, borrowernumber: number, target: readonly number[] | { recordId: number }, today: string): Promise<HoldContext> {
    const holds = await db('holds').select('record_id', 'item_id').where({ borrowernumber });
    const loans = await db('loans').select('item_id').where({ borrowernumber });
    let items: ItemState[];
    if (Array.isArray(target)) {
      items = await this.itemStates(target as readonly number[], today, db);
    } else {
      const result = await db.raw(`SELECT ${ITEM_STATE} FROM ${ITEM_FROM} WHERE i.record_id = ? ORDER BY i.position`, bindings(today, (target as { recordId: number }).recordId));
      items = (result.rows as Row[]).map(toItemState);
    }
    return {
      patronHolds: holds.map((row) => ({ recordId: Number(row.record_id), itemId: row.item_id === null ? undefined : Number(row.item_id) })),
      patronLoanItemIds: new Set(loans.map((row) => Number(row.item_id))),
      items,
    };
  }

  private async readRenewalContext(db: Db, itemId: number, today: string, now: string, lock: boolean): Promise<RenewalContext | undefined> {
    const result = await db.raw(
      `SELECT ${LOAN_COLUMNS} FROM loans l JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id WHERE l.item_id = ? ${lock ? 'FOR UPDATE OF l' : ''}`,
      bindings(itemId),
    );
    const row = (result.rows as Row[])[0];
    if (!row) return undefined;
    const loan = toLoan(row);
    const [item] = await this.itemStates([itemId], today, db);
    const blocking = await db.raw(
      `SELECT count(*) AS n FROM holds h
       WHERE h.borrowernumber <> ? AND NOT h.suspend AND (h.reservedate <= ?::date OR h.waitingdate IS NOT NULL)
         AND (h.item_id = ? OR (h.record_id = ? AND h.item_id IS NULL))`,
      bindings(loan.borrowernumber, today, itemId, loan.recordId),
    );
    const overdue = await db.raw('SELECT EXISTS (SELECT 1 FROM loans WHERE borrowernumber = ? AND date_due < ?::timestamp) AS overdue', bindings(loan.borrowernumber, now));
    return { loan, item: item!, blockingHolds: Number(blocking.rows[0].n), hasOverdues: Boolean(overdue.rows[0].overdue) };
  }
}

type Row = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function toItemState(row: Row): ItemState {
  return {
    itemId: Number(row.item_id),
    recordId: Number(row.record_id),
    biblionumber: String(row.local_id),
    barcode: text(row.barcode),
    homeLibrary: text(row.home_library),
    holdingLibrary: text(row.holding_library),
    holdingLibraryName: text(row.holding_name),
    callNumber: text(row.call_number),
    itemType: text(row.item_type),
    notForLoan: Number(row.not_for_loan),
    lost: Number(row.lost),
    withdrawn: Number(row.withdrawn),
    damaged: Number(row.damaged),
    onLoan: row.onloan ? String(row.onloan).slice(0, 10) : undefined,
    inTransit: Boolean(row.in_transit),
    onHold: Boolean(row.on_hold),
  };
}

function toHold(row: Row): Hold {
  return {
    reserveId: Number(row.reserve_id),
    borrowernumber: Number(row.borrowernumber),
    recordId: Number(row.record_id),
    biblionumber: String(row.local_id),
    itemId: row.item_id === null ? undefined : Number(row.item_id),
    itemLevelHold: Boolean(row.item_level_hold),
    branchcode: String(row.branchcode),
    branchname: text(row.branchname),
    reservedate: String(row.reservedate),
    expirationdate: text(row.expirationdate),
    priority: Number(row.priority),
    found: (text(row.found) as Hold['found']) ?? undefined,
    waitingdate: text(row.waitingdate),
    suspend: Boolean(row.suspend),
    reservenotes: text(row.reservenotes),
    timestamp: String(row.timestamp),
  };
}

function toLoan(row: Row): Loan {
  return {
    issueId: Number(row.issue_id),
    borrowernumber: Number(row.borrowernumber),
    itemId: Number(row.item_id),
    recordId: Number(row.record_id),
    biblionumber: String(row.local_id),
    branchcode: text(row.branchcode),
    issuedate: String(row.issuedate),
    dateDue: String(row.date_due),
    lastreneweddate: text(row.lastreneweddate),
    renewalsCount: Number(row.renewals_count),
    barcode: text(row.barcode),
  };
}
