import type { ServiceHandler } from '../context.js';
import { canBookBeRenewed, canBookBeReserved, canItemBeReserved, isAvailableForItemLevelRequest } from '../circulation-rules.js';
import { IlsdiError } from '../errors.js';
import { isDebarred, isExpired, parseId } from '../patron-state.js';
import { requirePatron } from './shared.js';

/**
 * GetServices: what this patron may do with this item, as Koha's AvailableFor values: "title level
 * hold" (the record can be held), "item level hold" (and this item itself), "hold cancellation" (the
 * patron holds this item), "loan renewal" (the patron has it on loan and may renew). Koha's "loan" is
 * never emitted (a TODO in Koha too). Holds are not offered to a restricted patron, nor to an expired
 * one when expired patrons may not place holds (HoldTitle would refuse them).
 */
export const getServices: ServiceHandler = async (request, context) => {
  const { deps, now } = context;
  const patron = await requirePatron(context, request.get('patron_id'));
  const itemId = parseId(request.get('item_id'));
  const [item] = itemId === undefined ? [] : await deps.store.circulation.itemStates([itemId], now.today);
  if (!item) throw new IlsdiError('RecordNotFound');
  const config = deps.config.ilsdi;
  const available: string[] = [];
  const blocked = isDebarred(patron, now.today) || (config.circulation.blockExpiredPatrons.includes('hold') && isExpired(patron, now.today));
  if (!blocked) {
    const holdContext = await deps.store.circulation.holdContext(patron.borrowernumber, { recordId: item.recordId }, now.today);
    const facts = { config, patron, context: holdContext, recordId: item.recordId };
    if (canBookBeReserved(facts) === 'OK') {
      available.push('title level hold');
      if (isAvailableForItemLevelRequest(config, patron, item) && canItemBeReserved(facts, item) === 'OK') available.push('item level hold');
    }
  }
  if ((await deps.store.circulation.patronHoldItemIds(patron.borrowernumber)).has(item.itemId)) available.push('hold cancellation');
  const renewal = canBookBeRenewed(config, patron, await deps.store.circulation.renewalContext(item.itemId, now.today, now.dateTime), now);
  if (renewal.ok) available.push('loan renewal');
  return { tree: { AvailableFor: available } };
};
