import type { CirculationConfig, IlsdiConfig } from '../config/sections/ilsdi.js';
import type { HoldContext, RenewalContext, RenewalDecision } from '../store/circulation-repository.js';
import type { ItemState, Patron } from '../store/circulation-types.js';
import type { Library } from '../store/types.js';
import type { HoldStatus } from './errors.js';
import { effectivelyNotForLoan } from './item-status.js';
import { addDays } from './local-time.js';
import { isDebarred, isExpired } from './patron-state.js';

/**
 * libgate's version of Koha's circulation decisions (C4::Reserves CanItemBeReserved /
 * CanBookBeReserved, C4::Circulation CanBookBeRenewed), over facts the store read. Pure functions:
 * the same facts always give the same answer, which is what the golden tests rely on.
 */
export interface EffectiveRule {
  readonly loanDays: number;
  readonly renewalDays: number;
  readonly maxRenewals: number;
  readonly holdsAllowed: boolean;
  readonly maxHolds: number;
  readonly holdsPerRecord: number;
}

const RULE_KEYS = ['loanDays', 'renewalDays', 'maxRenewals', 'holdsAllowed', 'maxHolds', 'holdsPerRecord'] as const;

/** Each setting from the first matching rule that sets it, else from the defaults. */
export function effectiveRule(circulation: CirculationConfig, category: string | undefined, itemType: string | undefined): EffectiveRule {
  const chosen: Record<string, unknown> = {};
  for (const rule of circulation.rules) {
    if (rule.categories && !(category && rule.categories.includes(category))) continue;
    if (rule.itemTypes && !(itemType && rule.itemTypes.includes(itemType))) continue;
    for (const key of RULE_KEYS) if (chosen[key] === undefined && rule[key] !== undefined) chosen[key] = rule[key];
  }
  const d = circulation.defaults;
  const loanDays = (chosen.loanDays as number | undefined) ?? d.loanDays;
  return {
    loanDays,
    renewalDays: (chosen.renewalDays as number | undefined) ?? d.renewalDays ?? loanDays,
    maxRenewals: (chosen.maxRenewals as number | undefined) ?? d.maxRenewals,
    holdsAllowed: (chosen.holdsAllowed as boolean | undefined) ?? d.holdsAllowed,
    maxHolds: (chosen.maxHolds as number | undefined) ?? d.maxHolds,
    holdsPerRecord: (chosen.holdsPerRecord as number | undefined) ?? d.holdsPerRecord,
  };
}

/** Pickup locations: the configured list when there is one, else the libraries' own pickup flag. */
export function isPickupLocation(circulation: CirculationConfig, library: Library): boolean {
  return circulation.pickupLocations ? circulation.pickupLocations.includes(library.code) : library.isPickupLocation;
}

export interface HoldFacts {
  readonly config: IlsdiConfig;
  readonly patron: Patron;
  readonly context: HoldContext;
  /** The record the hold is for (internal id). */
  readonly recordId: number;
}

/**
 * CanItemBeReserved, first failing check wins: damaged (unless allowed), itemAlreadyOnHold,
 * alreadypossession, noReservesAllowed, tooManyHoldsForThisRecord, tooManyReserves, notReservable
 * (not for loan, lost or withdrawn: libgate's stand-in for Koha's "holdallowed: not_allowed"), then,
 * when a pickup library is given, libraryNotFound and libraryNotPickupLocation.
 */
export function canItemBeReserved(facts: HoldFacts, item: ItemState, pickup?: { library: Library | undefined }): HoldStatus {
  const { config, patron, context } = facts;
  const rule = effectiveRule(config.circulation, patron.categorycode, item.itemType);
  if (item.damaged && !config.circulation.allowHoldsOnDamagedItems) return 'damaged';
  if (context.patronHolds.some((hold) => hold.itemId === item.itemId)) return 'itemAlreadyOnHold';
  if (context.patronLoanItemIds.has(item.itemId)) return 'alreadypossession';
  if (!rule.holdsAllowed || rule.maxHolds === 0) return 'noReservesAllowed';
  if (context.patronHolds.filter((hold) => hold.recordId === facts.recordId).length >= rule.holdsPerRecord) return 'tooManyHoldsForThisRecord';
  if (context.patronHolds.length >= rule.maxHolds) return 'tooManyReserves';
  if (effectivelyNotForLoan(item, config.itemTypes) || item.lost || item.withdrawn) return 'notReservable';
  if (pickup) {
    if (!pickup.library) return 'libraryNotFound';
    if (!isPickupLocation(config.circulation, pickup.library)) return 'libraryNotPickupLocation';
  }
  return 'OK';
}

/**
 * CanBookBeReserved: OK when any item of the record can be reserved. Otherwise Koha answers the last
 * item's status, which can hide the real reason (a reference copy at the end says noReservesAllowed
 * to a patron who simply holds the record already); libgate answers a patron-level reason
 * (tooManyHoldsForThisRecord, tooManyReserves) when any item gave one, else the last item's status.
 */
export function canBookBeReserved(facts: HoldFacts): HoldStatus {
  let status: HoldStatus = 'notReservable';
  let patronLevel: HoldStatus | undefined;
  for (const item of facts.context.items) {
    status = canItemBeReserved(facts, item);
    if (status === 'OK') return 'OK';
    if (status === 'tooManyHoldsForThisRecord' || status === 'tooManyReserves') patronLevel ??= status;
  }
  return patronLevel ?? status;
}

/** IsAvailableForItemLevelRequest: the item itself could be held (GetServices' "item level hold"). */
export function isAvailableForItemLevelRequest(config: IlsdiConfig, patron: Patron, item: ItemState): boolean {
  const rule = effectiveRule(config.circulation, patron.categorycode, item.itemType);
  if (!rule.holdsAllowed) return false;
  if (effectivelyNotForLoan(item, config.itemTypes) || item.lost || item.withdrawn) return false;
  return !(item.damaged && !config.circulation.allowHoldsOnDamagedItems);
}

/**
 * CanBookBeRenewed, first failing check wins, with Koha's reason strings: no_checkout (the item is not
 * on loan to this patron), too_many, overdue, restriction, card_expired, on_reserve. A renewal adds
 * renewalDays to the current due date (Koha RenewalPeriodBase = date_due), due at 23:59.
 */
export function canBookBeRenewed(config: IlsdiConfig, patron: Patron, context: RenewalContext | undefined, now: { today: string; dateTime: string }): RenewalDecision {
  if (!context || context.loan.borrowernumber !== patron.borrowernumber) return { ok: false, reason: 'no_checkout' };
  const circulation = config.circulation;
  const rule = effectiveRule(circulation, patron.categorycode, context.item.itemType);
  if (context.loan.renewalsCount >= rule.maxRenewals) return { ok: false, reason: 'too_many' };
  if (circulation.overduesBlockRenewing && context.hasOverdues) return { ok: false, reason: 'overdue' };
  if (circulation.restrictionBlocksRenewing && isDebarred(patron, now.today)) return { ok: false, reason: 'restriction' };
  if (circulation.blockExpiredPatrons.includes('renew') && isExpired(patron, now.today)) return { ok: false, reason: 'card_expired' };
  if (context.blockingHolds > 0) return { ok: false, reason: 'on_reserve' };
  return { ok: true, dateDue: `${addDays(context.loan.dateDue.slice(0, 10), rule.renewalDays)} 23:59:00`, lastrenewed: now.dateTime };
}
