import type { ServiceHandler } from '../context.js';
import { requirePatron } from './shared.js';

/** GetPatronStatus: category, Koha's constant status 0, and the expiry date. */
export const getPatronStatus: ServiceHandler = async (request, context) => {
  const patron = await requirePatron(context, request.get('patron_id'));
  return { tree: { type: patron.categorycode, status: 0, expiry: patron.dateexpiry } };
};
