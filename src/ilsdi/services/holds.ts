import type { Patron } from '../../store/circulation-types.js';
import type { Library, StoredRecord } from '../../store/types.js';
import type { ServiceContext, ServiceRequest } from '../context.js';
import { IlsdiError } from '../errors.js';
import { isIsoDay } from '../local-time.js';
import { isDebarred, isExpired } from '../patron-state.js';
import { requirePatron } from './shared.js';

/**
 * What HoldTitle and HoldItem share, in Koha's order: the patron (PatronNotFound, PatronRestricted,
 * PatronExpired when expired patrons may not place holds), then the record (RecordNotFound).
 * start_date and expiry_date must be YYYY-MM-DD days: Koha does not check them (a bad one fails in
 * the database); libgate answers IllegalParameter naming the parameter, which VuFind already
 * handles by retrying without the date.
 */
export async function holdPreamble(request: ServiceRequest, context: ServiceContext): Promise<{ patron: Patron; record: StoredRecord; dates: HoldDates }> {
  const dates = holdDates(request);
  const patron = await requirePatron(context, request.get('patron_id'));
  const { deps, now } = context;
  if (isDebarred(patron, now.today)) throw new IlsdiError('PatronRestricted');
  if (deps.config.ilsdi.circulation.blockExpiredPatrons.includes('hold') && isExpired(patron, now.today)) throw new IlsdiError('PatronExpired');
  const bibId = request.get('bib_id') ?? '';
  const record = bibId === '' ? undefined : await deps.store.records.get(bibId);
  if (!record || record.deleted) throw new IlsdiError('RecordNotFound');
  return { patron, record, dates };
}

export interface HoldDates {
  readonly start: string | undefined;
  readonly expiry: string | undefined;
}

function holdDates(request: ServiceRequest): HoldDates {
  const check = (name: string) => {
    const value = request.get(name);
    if (value === undefined || value === '') return undefined;
    if (!isIsoDay(value)) throw new IlsdiError('IllegalParameter', `The parameter ${name} must be a date (YYYY-MM-DD).`);
    return value;
  };
  return { start: check('start_date'), expiry: check('expiry_date') };
}

/**
 * The pickup library: pickup_location when given, else the patron's home library. `unknown` when
 * pickup_location names no library (Koha's LocationNotFound, raised where Koha checks it).
 */
export async function pickupLibrary(request: ServiceRequest, context: ServiceContext, patron: Patron): Promise<Library | 'unknown' | undefined> {
  const libraries = await context.deps.store.records.libraries();
  const wanted = request.get('pickup_location');
  if (wanted) return libraries.find((l) => l.code === wanted) ?? 'unknown';
  return libraries.find((l) => l.code === patron.branchcode);
}
