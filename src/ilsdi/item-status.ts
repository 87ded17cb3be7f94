import type { IlsdiConfig } from '../config/sections/ilsdi.js';
import type { ItemState } from '../store/circulation-types.js';

export type AvailabilityStatus = 'available' | 'not available' | 'unknown';

/**
 * Koha's _availability: the first rule that matches gives the status and its message, in Koha's order
 * and English wording (clients display these strings).
 */
export function itemAvailability(item: ItemState, itemTypes: IlsdiConfig['itemTypes']): { status: AvailabilityStatus; message: string | undefined } {
  if (effectivelyNotForLoan(item, itemTypes)) return { status: 'not available', message: 'Not for loan' };
  if (item.onLoan) return { status: 'not available', message: 'Checked out' };
  if (item.lost) return { status: 'not available', message: 'Item lost' };
  if (item.withdrawn) return { status: 'not available', message: 'Item withdrawn' };
  if (item.damaged) return { status: 'not available', message: 'Item damaged' };
  if (item.inTransit) return { status: 'not available', message: 'In transit' };
  if (item.onHold) return { status: 'not available', message: 'On hold' };
  return { status: 'available', message: undefined };
}

/** Koha effective_not_for_loan_status: the item's own flag, else its item type's. */
export function effectivelyNotForLoan(item: Pick<ItemState, 'notForLoan' | 'itemType'>, itemTypes: IlsdiConfig['itemTypes']): boolean {
  return item.notForLoan !== 0 || Boolean(item.itemType && itemTypes[item.itemType]?.notForLoan);
}
