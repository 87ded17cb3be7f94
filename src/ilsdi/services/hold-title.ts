import type { ServiceHandler } from '../context.js';
import { biblioColumns, parseStored } from '../biblio.js';
import { canBookBeReserved, isPickupLocation } from '../circulation-rules.js';
import { IlsdiError, type IlsdiCode } from '../errors.js';
import { holdPreamble, pickupLibrary } from './holds.js';

/**
 * HoldTitle: a record-level hold. After the shared checks (holds.ts), in Koha's order: NoItems,
 * CanBookBeReserved's status, LocationNotFound, library_not_pickup_location (Koha's snake_case
 * here). The eligibility checks and the insert run in one transaction with the patron locked.
 * Success is the record's title and the pickup library's name, and no <code>.
 * request_location is required, as in Koha, and unused.
 */
export const holdTitle: ServiceHandler = async (request, context) => {
  const { deps, now } = context;
  const { patron, record, dates } = await holdPreamble(request, context);
  const config = deps.config.ilsdi;
  const pickup = await pickupLibrary(request, context, patron);
  const outcome = await deps.store.circulation.placeHold<IlsdiCode | 'placed'>(patron.borrowernumber, { recordId: record.id }, now.today, (holdContext) => {
    if (holdContext.items.length === 0) return { ok: false, result: 'NoItems' };
    const status = canBookBeReserved({ config, patron, context: holdContext, recordId: record.id });
    if (status !== 'OK') return { ok: false, result: status };
    if (pickup === 'unknown') return { ok: false, result: 'LocationNotFound' };
    if (!pickup || !isPickupLocation(config.circulation, pickup)) return { ok: false, result: 'library_not_pickup_location' };
    return {
      ok: true,
      result: 'placed',
      hold: {
        borrowernumber: patron.borrowernumber, recordId: record.id, itemId: undefined, branchcode: pickup.code,
        reservedate: dates.start ?? now.today, expirationdate: dates.expiry, timestamp: now.dateTime,
      },
    };
  });
  if (outcome !== 'placed' || pickup === 'unknown' || !pickup) throw new IlsdiError(outcome === 'placed' ? 'library_not_pickup_location' : outcome);
  return { tree: { title: biblioColumns(parseStored(record.marcxml)).title ?? '', pickup_location: pickup.name } };
};
