import type { ServiceHandler } from '../context.js';
import type { XmlTree } from '../xml.js';
import { canBookBeRenewed } from '../circulation-rules.js';
import { IlsdiError } from '../errors.js';
import { parseId } from '../patron-state.js';
import { requirePatron } from './shared.js';

/**
 * RenewLoan. Always <success>0|1</success> (VuFind counts a missing element as success), <renewals>
 * and <date_due> as YYYY-MM-DD HH:MM, and <error> only on failure (Bokeh counts its presence as
 * failure). Koha returns nothing at all when the item is not on loan (a FIXME there); libgate answers
 * success 0 with Koha's reason no_checkout, also when the loan is another patron's (whose details are
 * not shown). desired_due_date is accepted and ignored, as in Koha.
 */
export const renewLoan: ServiceHandler = async (request, context) => {
  const { deps, now } = context;
  const patron = await requirePatron(context, request.get('patron_id'));
  const itemId = parseId(request.get('item_id'));
  const [item] = itemId === undefined ? [] : await deps.store.circulation.itemStates([itemId], now.today);
  if (!item) throw new IlsdiError('RecordNotFound');
  const tree = await deps.store.circulation.renew<XmlTree>(item.itemId, now.today, now.dateTime, (loanContext) => {
    const decision = canBookBeRenewed(deps.config.ilsdi, patron, loanContext, now);
    if (!loanContext || decision.ok === false && decision.reason === 'no_checkout') {
      return { decision, result: { success: 0, error: 'no_checkout' } };
    }
    const loan = loanContext.loan;
    return decision.ok
      ? { decision, result: { success: 1, renewals: loan.renewalsCount + 1, date_due: decision.dateDue.slice(0, 16) } }
      : { decision, result: { success: 0, renewals: loan.renewalsCount, date_due: loan.dateDue.slice(0, 16), error: decision.reason } };
  });
  return { tree };
};
