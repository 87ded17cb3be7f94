/**
 * What the patron, circulation and access repositories return. Names follow Koha's columns where
 * the protocol shows them; the store says nothing about how they are rendered.
 * Dates are text: `YYYY-MM-DD` for days, `YYYY-MM-DD HH:MM:SS` for local wall-clock datetimes.
 */

export const CONTACT_FIELDS = [
  'email', 'emailpro', 'phone', 'phonepro', 'mobile', 'fax',
  'streetnumber', 'streettype', 'address', 'address2', 'city', 'state', 'zipcode', 'country',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Patron columns a client may see (never the password hash, userid, staff notes or login counters). */
export const PUBLIC_PATRON_FIELDS = [
  'cardnumber', 'surname', 'firstname', 'title', 'othernames', 'initials', ...CONTACT_FIELDS,
  'dateofbirth', 'sex', 'branchcode', 'categorycode', 'dateenrolled', 'dateexpiry', 'debarred',
  'debarredcomment', 'opacnote', 'lang', 'lastseen',
] as const;
export type PublicPatronField = (typeof PUBLIC_PATRON_FIELDS)[number];

export type Patron = { readonly borrowernumber: number; readonly branchname: string | undefined } & {
  readonly [K in PublicPatronField]: string | undefined;
};

/** What AuthenticatePatron needs; kept apart from Patron so the hash never travels further. */
export interface PatronCredentials {
  readonly borrowernumber: number;
  readonly passwordHash: string | undefined;
  readonly passwordExpirationDate: string | undefined;
  readonly loginAttempts: number;
  readonly lastFailedLogin: Date | undefined;
}

export interface PatronAttribute {
  readonly code: string;
  readonly attribute: string;
}

/** Columns LookupPatron may search (Koha's documented id_type values). */
export const LOOKUP_FIELDS = ['cardnumber', 'userid', 'email', 'borrowernumber', 'surname', 'firstname'] as const;
export type LookupField = (typeof LOOKUP_FIELDS)[number];

/** A patron as import-patrons writes it. Columns left undefined are stored as NULL. */
export interface PatronInput {
  readonly borrowernumber: number | undefined;
  readonly cardnumber: string;
  readonly userid: string | undefined;
  readonly fields: Readonly<Partial<Record<PublicPatronField | 'borrowernotes', string>>>;
  /** bcrypt hash; undefined keeps the current one on update. */
  readonly passwordHash: string | undefined;
  readonly passwordExpirationDate: string | undefined;
  readonly attributes: readonly PatronAttribute[];
  /** Hash of the input row without its clear-text password: equal hash (and password) = unchanged. */
  readonly sourceHash: string;
}

export interface ExistingPatron {
  readonly borrowernumber: number;
  readonly cardnumber: string;
  readonly sourceHash: string | undefined;
  readonly passwordHash: string | undefined;
}

/** One item as availability and hold rules see it, with the facts that decide its status. */
export interface ItemState {
  readonly itemId: number;
  readonly recordId: number;
  readonly biblionumber: string;
  readonly barcode: string | undefined;
  readonly homeLibrary: string | undefined;
  readonly holdingLibrary: string | undefined;
  readonly holdingLibraryName: string | undefined;
  readonly callNumber: string | undefined;
  readonly itemType: string | undefined;
  readonly notForLoan: number;
  readonly lost: number;
  readonly withdrawn: number;
  readonly damaged: number;
  /** YYYY-MM-DD: on loan (by libgate's loans, or a loan imported in 952$q). */
  readonly onLoan: string | undefined;
  readonly inTransit: boolean;
  /** A current item-level hold (waiting, in transit, or queued on this very item). */
  readonly onHold: boolean;
}

export interface Transfer {
  readonly datesent: string;
  readonly frombranch: string;
  readonly tobranch: string;
}

/** An item row for GetRecords: the item, its descriptions' keys, and any open transfer. */
export interface RecordItem extends ItemState {
  readonly homeLibraryName: string | undefined;
  readonly location: string | undefined;
  readonly otherSubfields: ReadonlyArray<readonly [string, string]>;
  readonly updatedAt: Date;
  readonly transfer: Transfer | undefined;
}

export interface Hold {
  readonly reserveId: number;
  readonly borrowernumber: number;
  readonly recordId: number;
  readonly biblionumber: string;
  readonly itemId: number | undefined;
  readonly itemLevelHold: boolean;
  readonly branchcode: string;
  readonly branchname: string | undefined;
  readonly reservedate: string;
  readonly expirationdate: string | undefined;
  readonly priority: number;
  readonly found: 'W' | 'T' | 'P' | undefined;
  readonly waitingdate: string | undefined;
  readonly suspend: boolean;
  readonly reservenotes: string | undefined;
  readonly timestamp: string;
}

export interface Loan {
  readonly issueId: number;
  readonly borrowernumber: number;
  readonly itemId: number;
  readonly recordId: number;
  readonly biblionumber: string;
  readonly branchcode: string | undefined;
  readonly issuedate: string;
  readonly dateDue: string;
  readonly lastreneweddate: string | undefined;
  readonly renewalsCount: number;
  readonly barcode: string | undefined;
}

/** A patron's loan with what GetPatronInfo shows beside it. */
export interface PatronLoan extends Loan {
  readonly item: ItemState;
  readonly marcxml: string;
  readonly holdsOnItem: number;
  readonly holdsOnRecord: number;
}

/** A patron's hold with its record's MARCXML (for the title) and the item, for item-level holds. */
export interface PatronHold extends Hold {
  readonly marcxml: string | undefined;
  readonly item: ItemState | undefined;
}

export interface Charge {
  readonly accountlinesId: number;
  readonly borrowernumber: number;
  readonly itemId: number | undefined;
  readonly date: string;
  /** Decimal text with six places, as Koha's decimal(28,6) columns read. */
  readonly amount: string;
  readonly amountoutstanding: string;
  readonly debitTypeCode: string | undefined;
  readonly description: string | undefined;
  readonly note: string | undefined;
}

export interface ApiKeyRow {
  readonly id: number;
  readonly name: string;
  readonly keyPrefix: string;
  readonly scopes: readonly string[];
  readonly createdAt: Date;
  readonly lastUsedAt: Date | undefined;
  readonly revokedAt: Date | undefined;
}
