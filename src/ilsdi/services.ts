import type { IlsdiScope } from '../config/sections/ilsdi.js';
import { groupParams, type RawParams } from '../http/raw-params.js';
import type { ServiceHandler, ServiceRequest } from './context.js';
import { IlsdiError } from './errors.js';
import { authenticatePatron } from './services/authenticate-patron.js';
import { cancelHold } from './services/cancel-hold.js';
import { getAuthorityRecords } from './services/get-authority-records.js';
import { getAvailability } from './services/get-availability.js';
import { getPatronInfo } from './services/get-patron-info.js';
import { getPatronStatus } from './services/get-patron-status.js';
import { getRecords } from './services/get-records.js';
import { getServices } from './services/get-services.js';
import { holdItem } from './services/hold-item.js';
import { holdTitle } from './services/hold-title.js';
import { lookupPatron } from './services/lookup-patron.js';
import { renewLoan } from './services/renew-loan.js';

export interface ServiceSpec {
  /** The access scope a caller needs (open without a key when config lists it in openScopes). */
  readonly scope: IlsdiScope;
  /** Koha's %required and %optional for the verb (opac/ilsdi.pl), with a line of documentation each. */
  readonly required: Readonly<Record<string, string>>;
  readonly optional: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly handler: ServiceHandler;
}

/** The ILS-DI services, in Koha's order: the one table the router, argument checks and HTML page read. */
export const SERVICES = {
  GetAvailability: {
    scope: 'availability',
    required: { id: 'record or item ids, separated by spaces', id_type: 'bib or item' },
    optional: { return_type: 'bib or item (accepted, ignored, as in Koha)', return_fmt: 'accepted, ignored', language: 'accepted; messages are in English' },
    summary: 'Availability of the items of records (or of items), in the DLF ILS-DI expanded format.',
    handler: getAvailability,
  },
  GetRecords: {
    scope: 'availability',
    required: { id: 'record ids (biblionumbers), separated by spaces' },
    optional: { schema: 'MARCXML (the only one)' },
    summary: 'Records with their MARCXML, items, current holds and loans (without patron ids).',
    handler: getRecords,
  },
  GetAuthorityRecords: {
    scope: 'availability',
    required: { id: 'authority record ids, separated by spaces' },
    optional: { schema: 'MARCXML (the only one)' },
    summary: 'Authority records. libgate holds none yet: every id answers RecordNotFound.',
    handler: getAuthorityRecords,
  },
  LookupPatron: {
    scope: 'patron-read',
    required: { id: 'the value to look for' },
    optional: { id_type: 'cardnumber, userid, email, borrowernumber, surname or firstname; absent: tried in that order' },
    summary: 'The borrowernumber of a patron.',
    handler: lookupPatron,
  },
  AuthenticatePatron: {
    scope: 'patron-read',
    required: { username: 'userid or cardnumber', password: 'the patron\'s password (send it in a POST body)' },
    optional: {},
    summary: 'Checks a patron\'s credentials and gives the borrowernumber.',
    handler: authenticatePatron,
  },
  GetPatronInfo: {
    scope: 'patron-read',
    required: { patron_id: 'borrowernumber' },
    optional: {
      show_contact: '0 hides contact fields (default 1)', show_fines: '1 adds charges', show_holds: '1 adds holds',
      show_loans: '1 adds loans', loans_per_page: 'loans per page (default 10 when paging)', loans_page: 'page of loans (default 1 when paging)',
      show_attributes: '1 adds the patron attributes shown to patrons',
    },
    summary: 'A patron\'s details, and optionally fines, holds, loans and attributes.',
    handler: getPatronInfo,
  },
  GetPatronStatus: {
    scope: 'patron-read',
    required: { patron_id: 'borrowernumber' },
    optional: {},
    summary: 'A patron\'s category, status and expiry date.',
    handler: getPatronStatus,
  },
  GetServices: {
    scope: 'patron-read',
    required: { patron_id: 'borrowernumber', item_id: 'itemnumber' },
    optional: {},
    summary: 'What a patron may do with an item: title level hold, item level hold, hold cancellation, loan renewal.',
    handler: getServices,
  },
  RenewLoan: {
    scope: 'patron-write',
    required: { patron_id: 'borrowernumber', item_id: 'itemnumber' },
    optional: { desired_due_date: 'accepted, ignored (as in Koha)' },
    summary: 'Renews a loan.',
    handler: renewLoan,
  },
  HoldTitle: {
    scope: 'patron-write',
    required: { patron_id: 'borrowernumber', bib_id: 'biblionumber', request_location: 'IP address of the end user (required, unused)' },
    optional: { pickup_location: 'library code (default: the patron\'s library)', start_date: 'YYYY-MM-DD', expiry_date: 'YYYY-MM-DD' },
    summary: 'Places a hold on a record.',
    handler: holdTitle,
  },
  HoldItem: {
    scope: 'patron-write',
    required: { patron_id: 'borrowernumber', bib_id: 'biblionumber', item_id: 'itemnumber' },
    optional: { pickup_location: 'library code (default: the patron\'s library)', start_date: 'YYYY-MM-DD', expiry_date: 'YYYY-MM-DD' },
    summary: 'Places a hold on one item.',
    handler: holdItem,
  },
  CancelHold: {
    scope: 'patron-write',
    required: { patron_id: 'borrowernumber', item_id: 'the hold\'s reserve_id' },
    optional: {},
    summary: 'Cancels a hold that is not yet waiting.',
    handler: cancelHold,
  },
} as const satisfies Record<string, ServiceSpec>;

export type ServiceName = keyof typeof SERVICES;

export function isService(name: string): name is ServiceName {
  return Object.hasOwn(SERVICES, name);
}

/**
 * Koha's argument checks (opac/ilsdi.pl), every problem collected: a missing required argument
 * (MissingParameter), an argument outside required ∪ optional other than `service` (IllegalParameter),
 * any argument given more than once, `service` included (MultipleValuesNotAllowed). Koha keeps only
 * the last problem it meets, checking in that order, so the wire shows `problems.at(-1)`; the others
 * are for the log. `ignored` names arguments the router consumed (the `apikey` parameter).
 */
export function checkArguments(service: ServiceName, params: RawParams, ignored: ReadonlySet<string>): { request: ServiceRequest } | { problems: IlsdiError[] } {
  const spec: ServiceSpec = SERVICES[service];
  const grouped = groupParams(params.filter(([name]) => !ignored.has(name)));
  const problems: IlsdiError[] = [];
  for (const name of Object.keys(spec.required)) {
    if (!grouped.has(name)) problems.push(new IlsdiError('MissingParameter', `The required parameter ${name} is missing.`));
  }
  for (const name of grouped.keys()) {
    if (name !== 'service' && !Object.hasOwn(spec.required, name) && !Object.hasOwn(spec.optional, name)) {
      problems.push(new IlsdiError('IllegalParameter', `The parameter ${name} is illegal.`));
    }
  }
  for (const [name, values] of grouped) {
    if (values.length > 1) problems.push(new IlsdiError('MultipleValuesNotAllowed', `Multiple values not allowed for the parameter ${name}.`));
  }
  if (problems.length > 0) return { problems };
  return {
    request: {
      get: (name) => grouped.get(name)?.[0],
      has: (name) => grouped.has(name),
    },
  };
}
