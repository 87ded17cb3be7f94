import type { IlsdiConfig } from '../../config/sections/ilsdi.js';
import type { Hold, Loan, RecordItem } from '../../store/circulation-types.js';
import type { ServiceHandler } from '../context.js';
import { biblioColumns, marcxmlWithItems, parseStored } from '../biblio.js';
import { IlsdiError } from '../errors.js';
import { localNow } from '../local-time.js';
import type { XmlTree } from '../xml.js';
import { flag, splitIds } from './shared.js';

/**
 * Item subfields of Koha's MARC 21 framework that import keeps outside the item columns, by the
 * items column Koha gives them. 952$x (itemnotes_nonpublic, a staff note) is deliberately absent.
 */
const OTHER_ITEM_COLUMNS: Readonly<Record<string, string>> = {
  d: 'dateaccessioned', e: 'booksellerid', f: 'coded_location_qualifier', g: 'price', h: 'enumchron', i: 'stocknumber',
  j: 'stack', l: 'issues', m: 'renewals', n: 'reserves', r: 'datelastseen', s: 'datelastborrowed', t: 'copynumber',
  u: 'uri', v: 'replacementprice', w: 'replacementpricedate', z: 'itemnotes', '2': 'cn_source', '3': 'materials',
  '5': 'restricted', '6': 'cn_sort', '8': 'ccode',
};

/**
 * GetRecords: per id, the biblioitems columns, the MARCXML with items embedded (as an escaped string),
 * the items with library, location and item type descriptions and any transfer, the current holds and
 * the loans, without patron ids. Unknown (or deleted) ids give <record><code>RecordNotFound</code></record>.
 * Four queries whatever the number of ids.
 */
export const getRecords: ServiceHandler = async (request, { deps, now }) => {
  const schema = request.get('schema');
  if (schema && schema !== 'MARCXML') throw new IlsdiError('UnsupportedSchema');
  const ids = splitIds(request.get('id'));
  const records = new Map((await deps.store.records.getMany(ids)).filter((r) => !r.deleted).map((r) => [r.localId, r]));
  const recordIds = [...new Set([...records.values()].map((r) => r.id))];
  const [items, holds, loans] = await Promise.all([
    deps.store.circulation.recordItems(recordIds, now.today),
    deps.store.circulation.recordHolds(recordIds, now.today),
    deps.store.circulation.recordLoans(recordIds),
  ]);
  const group = <T extends { recordId: number }>(list: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const entry of list) map.set(entry.recordId, [...(map.get(entry.recordId) ?? []), entry]);
    return map;
  };
  const itemsBy = group(items);
  const holdsBy = group(holds);
  const loansBy = group(loans);
  const config = deps.config;
  const out: XmlTree[] = ids.map((id) => {
    const stored = records.get(id);
    if (!stored) return { code: 'RecordNotFound' };
    const marc = parseStored(stored.marcxml);
    const recordItems = itemsBy.get(stored.id) ?? [];
    return {
      biblionumber: stored.localId,
      biblioitemnumber: stored.localId,
      ...biblioColumns(marc),
      timestamp: localNow(stored.datestamp, config.ilsdi.timeZone).dateTime,
      marcxml: marc ? marcxmlWithItems(marc, recordItems.map(asItemInput), config.import.items) : undefined,
      items: { item: recordItems.map((item) => itemTree(item, config.ilsdi)) },
      reserves: { reserve: (holdsBy.get(stored.id) ?? []).map(reserveTree) },
      issues: { issue: (loansBy.get(stored.id) ?? []).map(issueTree) },
    };
  });
  return { tree: { record: out } };
};

function itemTree(item: RecordItem, ilsdi: IlsdiConfig): XmlTree {
  const other: Record<string, string> = {};
  for (const [code, value] of item.otherSubfields) {
    const column = OTHER_ITEM_COLUMNS[code];
    if (column && other[column] === undefined) other[column] = value;
  }
  return {
    itemnumber: item.itemId,
    biblionumber: item.biblionumber,
    biblioitemnumber: item.biblionumber,
    barcode: item.barcode,
    homebranch: item.homeLibrary,
    homebranchname: item.homeLibraryName,
    holdingbranch: item.holdingLibrary,
    holdingbranchname: item.holdingLibraryName,
    location: item.location,
    location_description: item.location ? ilsdi.locations[item.location] : undefined,
    itemcallnumber: item.callNumber,
    itype: item.itemType,
    itype_description: item.itemType ? ilsdi.itemTypes[item.itemType]?.description : undefined,
    notforloan: item.notForLoan,
    itemlost: item.lost,
    withdrawn: item.withdrawn,
    damaged: item.damaged,
    onloan: item.onLoan,
    ...other,
    timestamp: localNow(item.updatedAt, ilsdi.timeZone).dateTime,
    transfer: item.transfer ? { datesent: item.transfer.datesent, frombranch: item.transfer.frombranch, tobranch: item.transfer.tobranch } : undefined,
  };
}

/** A current hold as Koha's GetRecords shows it: the reserves row without borrowernumber. */
function reserveTree(hold: Hold): XmlTree {
  return {
    reserve_id: hold.reserveId,
    biblionumber: hold.biblionumber,
    itemnumber: hold.itemId,
    branchcode: hold.branchcode,
    reservedate: hold.reservedate,
    expirationdate: hold.expirationdate,
    priority: hold.priority,
    found: hold.found,
    waitingdate: hold.waitingdate,
    suspend: flag(hold.suspend),
    item_level_hold: flag(hold.itemLevelHold),
    timestamp: hold.timestamp,
  };
}

/** A loan as Koha's GetRecords shows it: the issues row with the item's barcode, without borrowernumber. */
function issueTree(loan: Loan): XmlTree {
  return {
    issue_id: loan.issueId,
    itemnumber: loan.itemId,
    barcode: loan.barcode,
    branchcode: loan.branchcode,
    issuedate: loan.issuedate,
    date_due: loan.dateDue,
    lastreneweddate: loan.lastreneweddate,
    renewals_count: loan.renewalsCount,
  };
}

function asItemInput(item: RecordItem) {
  return {
    id: item.itemId, itemNumber: item.itemId, barcode: item.barcode, homeLibrary: item.homeLibrary, holdingLibrary: item.holdingLibrary,
    location: item.location, callNumber: item.callNumber, itemType: item.itemType, notForLoan: item.notForLoan, lost: item.lost,
    withdrawn: item.withdrawn, damaged: item.damaged, onLoan: item.onLoan, otherSubfields: item.otherSubfields,
  };
}
