import { LOOKUP_FIELDS, type LookupField } from '../../store/circulation-types.js';
import type { ServiceHandler } from '../context.js';
import { IlsdiError } from '../errors.js';

/** Koha's cascade when id_type is absent (bug 13990). */
const CASCADE: readonly LookupField[] = ['cardnumber', 'userid', 'email', 'borrowernumber', 'surname', 'firstname'];

/**
 * LookupPatron: the borrowernumber of the first patron whose id_type column equals id (ignoring case).
 * Koha passes any column name to its search; libgate accepts only the documented ones, and answers
 * anything else as not found rather than let a client probe other columns. Not found is Koha's
 * <message>PatronNotFound</message> (a message, not a code), also for an empty or "0" id (Perl false).
 */
export const lookupPatron: ServiceHandler = async (request, { deps }) => {
  const id = request.get('id') ?? '';
  const notFound = new IlsdiError('PatronNotFound', undefined, { form: 'message' });
  if (id === '' || id === '0') throw notFound;
  const idType = request.get('id_type');
  let fields: readonly LookupField[];
  if (idType) {
    if (!(LOOKUP_FIELDS as readonly string[]).includes(idType)) throw notFound;
    fields = [idType as LookupField];
  } else {
    fields = CASCADE;
  }
  for (const field of fields) {
    const borrowernumber = await deps.store.patrons.lookup(field, id);
    if (borrowernumber !== undefined) return { tree: { id: borrowernumber } };
  }
  throw notFound;
};
