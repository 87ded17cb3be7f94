import type { IndexDocument } from '../indexing/index-document.js';

/** An item (holding) as import delivers it. Numbers are Koha's 0/1 (or authorised value) flags. */
export interface ItemInput {
  /** Explicit item number (952$9); undefined lets the store match by barcode or allocate one. */
  readonly itemNumber: number | undefined;
  readonly barcode: string | undefined;
  readonly homeLibrary: string | undefined;
  readonly holdingLibrary: string | undefined;
  readonly location: string | undefined;
  readonly callNumber: string | undefined;
  readonly itemType: string | undefined;
  readonly notForLoan: number;
  readonly lost: number;
  readonly withdrawn: number;
  readonly damaged: number;
  /** YYYY-MM-DD */
  readonly onLoan: string | undefined;
  /** Subfields of the item field not mapped to a column, in order, so the field can be rebuilt. */
  readonly otherSubfields: ReadonlyArray<readonly [string, string]>;
}

export interface Item extends Omit<ItemInput, 'itemNumber'> {
  readonly id: number;
  readonly recordId: number;
  readonly position: number;
}

/** A record ready to be written: everything derived (MARCXML, hash, index document) is computed by the caller. */
export interface IngestRecord {
  readonly localId: string;
  /** MARCXML of the bibliographic record without its item fields. */
  readonly marcxml: string;
  readonly recordType: string;
  readonly bibLevel: string;
  /** Hash over the MARCXML and the items: equal hash = nothing to write. */
  readonly contentHash: string;
  readonly items: readonly ItemInput[];
  readonly index: IndexDocument;
  /** Leader/05 'd': the record arrives as a deletion. */
  readonly deleted: boolean;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'deleted';

export type DeleteOutcome = 'deleted' | 'already-deleted' | 'not-found';

export interface StoredRecord {
  readonly id: number;
  readonly localId: string;
  readonly marcxml: string;
  readonly recordType: string;
  readonly bibLevel: string;
  readonly contentHash: string;
  /** When the record's disseminated content last changed (or when it was deleted). */
  readonly datestamp: Date;
  readonly createdAt: Date;
  readonly deleted: boolean;
  readonly deletedAt: Date | undefined;
}

export interface Library {
  readonly code: string;
  readonly name: string;
  readonly isPickupLocation: boolean;
}

/** Position in a (datestamp, id) ordered list: the last row already returned. */
export interface DatestampCursor {
  readonly datestamp: Date;
  readonly id: number;
}

/** One query object for datestamp-ordered listings; the caller decides what an empty page means. */
export interface DatestampQuery {
  /** Inclusive lower bound. */
  readonly from?: Date | undefined;
  /** Exclusive upper bound. */
  readonly before?: Date | undefined;
  readonly includeDeleted: boolean;
  readonly after?: DatestampCursor | undefined;
  /** Rows wanted; the store returns up to `limit` rows and says whether more exist. */
  readonly limit: number;
}

export interface Page<T> {
  readonly rows: readonly T[];
  /** True when at least one more row follows the last one returned. */
  readonly hasMore: boolean;
}
