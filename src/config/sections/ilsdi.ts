import { isIP } from 'node:net';
import { z } from 'zod';

/** The access scopes an API key may carry; each ILS-DI service needs exactly one (src/ilsdi/services.ts). */
export const ILSDI_SCOPES = ['availability', 'patron-read', 'patron-write'] as const;
export type IlsdiScope = (typeof ILSDI_SCOPES)[number];

const code = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'codes are 1-32 letters, digits, _ or -');

/** An address (IPv4 or IPv6) or a CIDR block; Koha's ILS-DI:AuthorizedIPs entries, one per item. */
const cidr = z.string().refine((text) => {
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}, 'expected an IP address or CIDR block such as 127.0.0.1, 10.0.0.0/8 or ::1/128');

/**
 * Circulation settings one rule may give. Each is optional in a rule; `defaults` gives them all.
 * Names follow Koha's circulation rules where one exists.
 */
const ruleValues = {
  /** Days from checkout (and from the due date, on renewal) to the new due date; due at 23:59 local time. */
  loanDays: z.number().int().min(1).max(3650),
  /** Days a renewal adds (Koha renewalperiod); defaults to loanDays. */
  renewalDays: z.number().int().min(1).max(3650),
  /** Koha renewalsallowed: renewals before RenewLoan answers too_many. */
  maxRenewals: z.number().int().min(0).max(1000),
  /** Whether holds may be placed at all (Koha reservesallowed = 0 gives noReservesAllowed). */
  holdsAllowed: z.boolean(),
  /** Koha reservesallowed: holds one patron may have at once (tooManyReserves). */
  maxHolds: z.number().int().min(0).max(10000),
  /** Koha holds_per_record: holds one patron may have on one record (tooManyHoldsForThisRecord). */
  holdsPerRecord: z.number().int().min(1).max(1000),
};

export const circulationRuleSchema = z.strictObject({
  /** Patron category codes this rule applies to; absent = every category. */
  categories: z.array(code).min(1).optional(),
  /** Item type codes (952$y) this rule applies to; absent = every item type. */
  itemTypes: z.array(code).min(1).optional(),
  loanDays: ruleValues.loanDays.optional(),
  renewalDays: ruleValues.renewalDays.optional(),
  maxRenewals: ruleValues.maxRenewals.optional(),
  holdsAllowed: ruleValues.holdsAllowed.optional(),
  maxHolds: ruleValues.maxHolds.optional(),
  holdsPerRecord: ruleValues.holdsPerRecord.optional(),
});

const defaultsSchema = z.strictObject({
  loanDays: ruleValues.loanDays.default(21),
  renewalDays: ruleValues.renewalDays.optional(),
  maxRenewals: ruleValues.maxRenewals.default(2),
  holdsAllowed: ruleValues.holdsAllowed.default(true),
  maxHolds: ruleValues.maxHolds.default(10),
  holdsPerRecord: ruleValues.holdsPerRecord.default(1),
});

export const circulationSchema = z.strictObject({
  defaults: defaultsSchema.default(defaultsSchema.parse({})),
  /**
   * Tried in order; each setting comes from the first rule that matches the patron's category and
   * the item's type and sets it, else from `defaults`.
   */
  rules: z.array(circulationRuleSchema).default([]),
  /**
   * Libraries where holds may be picked up (codes). Absent: the libraries whose `pickup` flag is true
   * in the `libraries` section.
   */
  pickupLocations: z.array(code).optional(),
  /** Koha BlockExpiredPatronOpacActions: what an expired patron may not do (hold, renew). */
  blockExpiredPatrons: z.array(z.enum(['hold', 'renew'])).default(['hold', 'renew']),
  /** Koha AllowHoldsOnDamagedItems (default: allow). When false, holds on damaged items answer `damaged`. */
  allowHoldsOnDamagedItems: z.boolean().default(true),
  /** Koha OverduesBlockRenewing: when true, a patron with an overdue loan cannot renew (`overdue`). */
  overduesBlockRenewing: z.boolean().default(false),
  /** Koha RestrictionBlockRenewing: when true, a restricted (debarred) patron cannot renew (`restriction`). */
  restrictionBlocksRenewing: z.boolean().default(true),
});

export const accessSchema = z.strictObject({
  /**
   * Client addresses (or CIDR blocks) allowed to call ILS-DI at all; everyone else gets Koha's
   * NotAllowed answer. Deny by default: an empty list denies everyone (Koha bug 36867).
   */
  allow: z.array(cidr).default([]),
  /** Scopes usable without an API key, from allowed addresses. Others need a key that carries them. */
  openScopes: z.array(z.enum(ILSDI_SCOPES)).default(['availability']),
  /** Koha FailedLoginAttempts: failed AuthenticatePatron calls before the patron is locked; 0 = never. */
  maxLoginFailures: z.number().int().min(0).max(1000).default(5),
  /** How long a locked patron stays locked, in minutes; 0 = until `libgate unlock-patron` (Koha's behaviour). */
  lockoutMinutes: z.number().int().min(0).default(0),
  /** Failed AuthenticatePatron calls one client (API key, else address) may make per window before it is refused. */
  maxClientLoginFailures: z.number().int().min(0).max(100000).default(20),
  clientLoginWindowMinutes: z.number().int().min(1).max(1440).default(15),
});

export const ilsdiSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /**
   * IANA time zone of the library: due dates fall at 23:59 here, and Koha-style local datetimes
   * (date_due, issuedate, lastseen) are written and shown in it.
   */
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'expected an IANA time zone such as UTC or Europe/Paris').default('UTC'),
  access: accessSchema.default(accessSchema.parse({})),
  circulation: circulationSchema.default(circulationSchema.parse({})),
  /** Item types by code (952$y): description for GetRecords' itype_description; notForLoan makes every item of the type not for loan. */
  itemTypes: z.record(code, z.strictObject({ description: z.string().min(1), notForLoan: z.boolean().default(false) })).default({}),
  /** Shelving locations by code (952$c): description for GetRecords' location_description. */
  locations: z.record(code, z.string().min(1)).default({}),
  /** Patron attribute types by code. Only types with opacDisplay are ever returned (GetPatronInfo show_attributes). */
  patronAttributes: z.record(code, z.strictObject({ description: z.string().min(1), opacDisplay: z.boolean().default(false) })).default({}),
  /** bcrypt cost for passwords imported in clear text. */
  passwordHashRounds: z.number().int().min(4).max(15).default(10),
  /**
   * Sample patrons (import-patrons format) and circulation (loans, holds, charges, transfers) loaded
   * by `serve` together with the sample catalogue, when the store is empty. Relative to the config file.
   */
  sample: z.strictObject({
    patrons: z.string().min(1).default('../sample/patrons.json'),
    circulation: z.string().min(1).default('../sample/circulation.json'),
  }).default({ patrons: '../sample/patrons.json', circulation: '../sample/circulation.json' }),
});

export type IlsdiConfig = z.infer<typeof ilsdiSchema>;
export type CirculationConfig = z.infer<typeof circulationSchema>;
