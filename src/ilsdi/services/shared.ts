import type { Patron } from '../../store/circulation-types.js';
import type { ServiceContext } from '../context.js';
import { IlsdiError } from '../errors.js';
import { parseId } from '../patron-state.js';

/** The patron named by patron_id, or Koha's PatronNotFound. */
export async function requirePatron(context: ServiceContext, patronId: string | undefined): Promise<Patron> {
  const id = parseId(patronId);
  const patron = id === undefined ? undefined : await context.deps.store.patrons.get(id);
  if (!patron) throw new IlsdiError('PatronNotFound');
  return patron;
}

/** Koha splits multi-id arguments on spaces; runs of spaces give no empty ids here. */
export function splitIds(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((id) => id !== '');
}

/** 0/1 as Koha's tinyint columns read. */
export function flag(value: boolean | number): number {
  return value ? 1 : 0;
}
