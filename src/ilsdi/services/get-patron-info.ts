import { CONTACT_FIELDS, PUBLIC_PATRON_FIELDS, type Charge, type ItemState, type PatronHold, type PatronLoan } from '../../store/circulation-types.js';
import type { ServiceHandler } from '../context.js';
import { biblioColumns, parseStored } from '../biblio.js';
import { isExpired } from '../patron-state.js';
import type { XmlTree } from '../xml.js';
import { flag, requirePatron } from './shared.js';

/**
 * GetPatronInfo. Koha returns almost the whole borrowers row; libgate returns the documented, public
 * columns only (never the password hash, userid, staff notes, login counters or secrets), plus
 * Koha's charges (two decimals), branchname and is_expired. show_contact defaults to 1 (only "0"
 * hides contact fields); the other show_* switches need exactly "1". loans_per_page / loans_page
 * page the loans (defaults 10 and 1 once either is given) and add <total_loans>.
 */
export const getPatronInfo: ServiceHandler = async (request, context) => {
  const { deps, now } = context;
  const patron = await requirePatron(context, request.get('patron_id'));
  const store = deps.store;
  const hideContact = request.get('show_contact') === '0';
  const on = (name: string) => request.get(name) === '1';

  const tree: Record<string, XmlTree[keyof XmlTree]> = { borrowernumber: patron.borrowernumber };
  for (const field of PUBLIC_PATRON_FIELDS) {
    if (hideContact && (CONTACT_FIELDS as readonly string[]).includes(field)) continue;
    tree[field] = patron[field];
  }
  tree.charges = await store.circulation.outstanding(patron.borrowernumber);
  tree.branchname = patron.branchname ?? '';

  if (on('show_fines')) tree.fines = { fine: (await store.circulation.patronCharges(patron.borrowernumber)).map(fineTree) };
  if (on('show_holds')) tree.holds = { hold: (await store.circulation.patronHolds(patron.borrowernumber, now.today)).map(holdTree) };
  if (on('show_loans')) {
    const perPage = positive(request.get('loans_per_page'));
    const page = positive(request.get('loans_page'));
    const paged = perPage !== undefined || page !== undefined;
    const limit = perPage ?? 10;
    const { loans, total } = await store.circulation.patronLoans(patron.borrowernumber, now.today, paged ? { limit, offset: ((page ?? 1) - 1) * limit } : undefined);
    if (paged) tree.total_loans = total;
    tree.loans = { loan: loans.map(loanTree) };
  }
  if (on('show_attributes')) {
    const types = deps.config.ilsdi.patronAttributes;
    tree.attributes = (await store.patrons.attributes(patron.borrowernumber))
      .filter((a) => types[a.code]?.opacDisplay)
      .map((a) => ({ code: a.code, attribute: a.attribute, value: a.attribute, description: types[a.code]!.description, opac_display: 1 }));
  }
  tree.is_expired = flag(isExpired(patron, now.today));
  return { tree };
};

/** Koha's `$page ||= 1`: a positive integer, else the default. */
function positive(text: string | undefined): number | undefined {
  if (!text || !/^\d{1,6}$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

function fineTree(charge: Charge): XmlTree {
  return {
    accountlines_id: charge.accountlinesId,
    borrowernumber: charge.borrowernumber,
    itemnumber: charge.itemId,
    date: charge.date,
    amount: charge.amount,
    amountoutstanding: charge.amountoutstanding,
    debit_type_code: charge.debitTypeCode,
    description: charge.description,
    note: charge.note,
  };
}

function itemColumns(item: ItemState): XmlTree {
  return {
    itemnumber: item.itemId,
    biblionumber: item.biblionumber,
    barcode: item.barcode,
    homebranch: item.homeLibrary,
    holdingbranch: item.holdingLibrary,
    itemcallnumber: item.callNumber,
    itype: item.itemType,
    notforloan: item.notForLoan,
    itemlost: item.lost,
    withdrawn: item.withdrawn,
    damaged: item.damaged,
    onloan: item.onLoan,
  };
}

function holdTree(hold: PatronHold): XmlTree {
  const biblio = biblioColumns(hold.marcxml ? parseStored(hold.marcxml) : undefined);
  return {
    reserve_id: hold.reserveId,
    borrowernumber: hold.borrowernumber,
    biblionumber: hold.biblionumber,
    itemnumber: hold.itemId,
    branchcode: hold.branchcode,
    branchname: hold.branchname ?? '',
    reservedate: hold.reservedate,
    expirationdate: hold.expirationdate,
    priority: hold.priority,
    found: hold.found,
    waitingdate: hold.waitingdate,
    suspend: flag(hold.suspend),
    item_level_hold: flag(hold.itemLevelHold),
    reservenotes: hold.reservenotes,
    timestamp: hold.timestamp,
    title: biblio.title ?? '',
    item: hold.item ? { ...itemColumns(hold.item), title: biblio.title, author: biblio.author } : undefined,
  };
}

/** A loan with its item and record columns; renewals is the loan's own count, as VuFind reads it. */
function loanTree(loan: PatronLoan): XmlTree {
  const biblio = biblioColumns(parseStored(loan.marcxml));
  return {
    issue_id: loan.issueId,
    borrowernumber: loan.borrowernumber,
    ...itemColumns(loan.item),
    title: biblio.title,
    subtitle: biblio.subtitle,
    author: biblio.author,
    isbn: biblio.isbn,
    publicationyear: biblio.publicationyear,
    branchcode: loan.branchcode,
    issuedate: loan.issuedate,
    date_due: loan.dateDue,
    lastreneweddate: loan.lastreneweddate,
    renewals_count: loan.renewalsCount,
    renewals: loan.renewalsCount,
    holds_on_item: loan.holdsOnItem,
    holds_on_record: loan.holdsOnRecord,
  };
}
