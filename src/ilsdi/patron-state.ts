import type { Patron } from '../store/circulation-types.js';

/** Koha is_expired: an expiry date before today. */
export function isExpired(patron: Pick<Patron, 'dateexpiry'>, today: string): boolean {
  return patron.dateexpiry !== undefined && patron.dateexpiry < today;
}

/** Koha is_debarred: restricted until a day that is today or later (9999-12-31 = indefinitely). */
export function isDebarred(patron: Pick<Patron, 'debarred'>, today: string): boolean {
  return patron.debarred !== undefined && patron.debarred >= today;
}

/** patron_id, bib_id and item_id are integers; anything else names nothing (and never reaches SQL as a cast error). */
export function parseId(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d{1,15}\s*$/.test(text)) return undefined;
  const id = Number(text.trim());
  return id > 0 ? id : undefined;
}
