import type { ServiceHandler } from '../context.js';
import { IlsdiError } from '../errors.js';
import { parseId } from '../patron-state.js';
import { requirePatron } from './shared.js';

/**
 * CancelHold: item_id is the hold's reserve_id (Koha's naming). Success is <code>Canceled</code>;
 * a hold that is another patron's, or already waiting or in transit (Koha is_cancelable_from_opac),
 * answers BorrowerCannotCancelHold; an unknown one RecordNotFound. The queue behind it moves up.
 */
export const cancelHold: ServiceHandler = async (request, context) => {
  const patron = await requirePatron(context, request.get('patron_id'));
  const reserveId = parseId(request.get('item_id'));
  const outcome = reserveId === undefined ? 'not-found' : await context.deps.store.circulation.cancelHold(reserveId, patron.borrowernumber);
  switch (outcome) {
    case 'canceled':
      return { tree: { code: 'Canceled' } };
    case 'not-found':
      throw new IlsdiError('RecordNotFound');
    case 'not-owner':
    case 'not-cancelable':
      throw new IlsdiError('BorrowerCannotCancelHold');
  }
};
