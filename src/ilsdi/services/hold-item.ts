import type { ServiceHandler } from '../context.js';
import { canItemBeReserved } from '../circulation-rules.js';
import { IlsdiError, type IlsdiCode } from '../errors.js';
import { parseId } from '../patron-state.js';
import { holdPreamble, pickupLibrary } from './holds.js';

/**
 * HoldItem: an item-level hold. After the shared checks (holds.ts): RecordNotFound when the item is
 * unknown or belongs to another record, LocationNotFound, then CanItemBeReserved's status with the
 * pickup library (camelCase libraryNotPickupLocation here, as in Koha). Success is the pickup
 * library's name, and no <code>.
 */
export const holdItem: ServiceHandler = async (request, context) => {
  const { deps, now } = context;
  const { patron, record, dates } = await holdPreamble(request, context);
  const itemId = parseId(request.get('item_id'));
  if (itemId === undefined) throw new IlsdiError('RecordNotFound');
  const pickup = await pickupLibrary(request, context, patron);
  if (pickup === 'unknown') throw new IlsdiError('LocationNotFound');
  const config = deps.config.ilsdi;
  const outcome = await deps.store.circulation.placeHold<IlsdiCode | 'placed'>(patron.borrowernumber, [itemId], now.today, (holdContext) => {
    const item = holdContext.items[0];
    if (!item || item.recordId !== record.id) return { ok: false, result: 'RecordNotFound' };
    const status = canItemBeReserved({ config, patron, context: holdContext, recordId: record.id }, item, { library: pickup });
    if (status !== 'OK') return { ok: false, result: status };
    return {
      ok: true,
      result: 'placed',
      hold: {
        borrowernumber: patron.borrowernumber, recordId: record.id, itemId: item.itemId, branchcode: pickup!.code,
        reservedate: dates.start ?? now.today, expirationdate: dates.expiry, timestamp: now.dateTime,
      },
    };
  });
  if (outcome !== 'placed') throw new IlsdiError(outcome);
  return { tree: { pickup_location: pickup!.name } };
};
