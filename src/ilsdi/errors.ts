/**
 * Koha's ILS-DI codes, the single table of them. Clients branch on these strings, so they are spelled
 * exactly as Koha spells them, mixed conventions included (HoldTitle's own pickup checks are
 * snake_case, CanItemBeReserved's statuses camelCase).
 *
 * `form` says which element carries the code: Koha answers most failures as <code>X</code> (with a
 * <message> for the generic ones), but a few as <message>X</message> alone.
 */
export const ILSDI_CODES = {
  // Generic, from opac/ilsdi.pl
  NotAllowed: { form: 'code' },
  MissingParameter: { form: 'code' },
  IllegalParameter: { form: 'code' },
  MultipleValuesNotAllowed: { form: 'code' },
  /** Unknown service: Koha sets only the message. */
  NotSupported: { form: 'message' },
  // Records
  UnsupportedSchema: { form: 'code' },
  RecordNotFound: { form: 'code' },
  // Patrons (LookupPatron answers PatronNotFound as a message: see lookup-patron.ts)
  PatronNotFound: { form: 'code' },
  PasswordExpired: { form: 'code' },
  PatronRestricted: { form: 'code' },
  PatronExpired: { form: 'code' },
  // HoldTitle
  NoItems: { form: 'code' },
  LocationNotFound: { form: 'code' },
  library_not_pickup_location: { form: 'code' },
  /** Transfer limits are not modelled, so libgate never answers this; listed because Koha can. */
  cannot_be_transferred: { form: 'code' },
  // CanItemBeReserved / CanBookBeReserved statuses (HoldTitle, HoldItem)
  damaged: { form: 'code' },
  ageRestricted: { form: 'code' },
  itemAlreadyOnHold: { form: 'code' },
  alreadypossession: { form: 'code' },
  noReservesAllowed: { form: 'code' },
  tooManyHoldsForThisRecord: { form: 'code' },
  tooManyReservesToday: { form: 'code' },
  tooManyReserves: { form: 'code' },
  notReservable: { form: 'code' },
  libraryNotFound: { form: 'code' },
  libraryNotPickupLocation: { form: 'code' },
  cannotBeTransferred: { form: 'code' },
  // CancelHold
  BorrowerCannotCancelHold: { form: 'code' },
} as const satisfies Record<string, { form: 'code' | 'message' }>;

export type IlsdiCode = keyof typeof ILSDI_CODES;

/** Statuses a hold check may end with: a Koha code, or OK. */
export type HoldStatus = 'OK' | Extract<IlsdiCode,
  'damaged' | 'ageRestricted' | 'itemAlreadyOnHold' | 'alreadypossession' | 'noReservesAllowed' | 'tooManyHoldsForThisRecord'
  | 'tooManyReservesToday' | 'tooManyReserves' | 'notReservable' | 'libraryNotFound' | 'libraryNotPickupLocation' | 'cannotBeTransferred'>;

/**
 * A protocol outcome that ends a request: rendered by router.ts, and only there, as
 * <Root><code>X</code>[<message>…</message>]</Root> (or <message>X</message> for message-form codes).
 */
export class IlsdiError extends Error {
  override readonly name = 'IlsdiError';
  readonly form: 'code' | 'message';
  /** Overrides the root element (Koha answers an empty allow-list with root <ilsdi>). */
  readonly root: string | undefined;

  constructor(
    readonly code: IlsdiCode,
    /** Human text for <message>, where Koha gives one. Never shown for message-form codes. */
    readonly detail?: string,
    options: { form?: 'code' | 'message'; root?: string } = {},
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.form = options.form ?? ILSDI_CODES[code].form;
    this.root = options.root;
  }
}
