import { escapeAttribute, escapeText } from '../../xml/escape.js';
import type { ItemState } from '../../store/circulation-types.js';
import type { ServiceHandler } from '../context.js';
import { itemAvailability, type AvailabilityStatus } from '../item-status.js';
import { parseId } from '../patron-state.js';
import { XML_DECLARATION } from '../xml.js';
import { splitIds } from './shared.js';

const OPEN = `${XML_DECLARATION}
<dlf:collection
  xmlns:dlf="http://diglib.org/ilsdi/1.1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://diglib.org/ilsdi/1.1
    http://diglib.org/architectures/ilsdi/schemas/1.1/dlfexpanded.xsd">
`;

const UNKNOWN = { status: 'unknown' as const, message: 'Error: could not retrieve availability for this ID' };

/**
 * GetAvailability in the DLF expanded format, laid out as Koha's (but escaped). id_type=item gives one
 * record per id (unknown items as `unknown`); anything else means bib: one record per id with all its
 * items, and nothing at all for an unknown id or one without items, as Koha does. One query either
 * way; `return_type`, `return_fmt` and `language` are accepted and, as in Koha, change nothing (the
 * messages are Koha's English ones).
 */
export const getAvailability: ServiceHandler = async (request, { deps, now }) => {
  const ids = splitIds(request.get('id'));
  const itemTypes = deps.config.ilsdi.itemTypes;
  const out: string[] = [OPEN];
  if (request.get('id_type') === 'item') {
    const numbers = ids.map(parseId);
    const found = new Map((await deps.store.circulation.itemStates(numbers.filter((n): n is number => n !== undefined), now.today)).map((item) => [item.itemId, item]));
    ids.forEach((id, i) => {
      const item = numbers[i] === undefined ? undefined : found.get(numbers[i]!);
      out.push('  <dlf:record>\n', `    <dlf:bibliographic id="${escapeAttribute(item ? item.biblionumber : id)}" />\n`, '    <dlf:items>\n');
      writeItem(out, id, item ? { ...itemAvailability(item, itemTypes), item } : UNKNOWN);
      out.push('    </dlf:items>\n', '  </dlf:record>\n');
    });
  } else {
    const items = await deps.store.circulation.itemStatesByRecord(ids, now.today);
    const byRecord = new Map<string, ItemState[]>();
    for (const item of items) {
      const list = byRecord.get(item.biblionumber);
      if (list) list.push(item);
      else byRecord.set(item.biblionumber, [item]);
    }
    for (const id of ids) {
      const list = byRecord.get(id);
      if (!list) continue;
      out.push('  <dlf:record>\n', `    <dlf:bibliographic id="${escapeAttribute(id)}" />\n`, '    <dlf:items>\n');
      for (const item of list) writeItem(out, String(item.itemId), { ...itemAvailability(item, itemTypes), item });
      out.push('    </dlf:items>\n', '  </dlf:record>\n');
    }
  }
  out.push('</dlf:collection>\n');
  return { document: out.join('') };
};

function writeItem(out: string[], id: string, found: { status: AvailabilityStatus; message: string | undefined; item?: ItemState }): void {
  out.push(
    `      <dlf:item id="${escapeAttribute(id)}">\n`,
    '        <dlf:simpleavailability>\n',
    `          <dlf:identifier>${escapeText(id)}</dlf:identifier>\n`,
    `          <dlf:availabilitystatus>${found.status}</dlf:availabilitystatus>\n`,
  );
  if (found.message) out.push(`          <dlf:availabilitymsg>${escapeText(found.message)}</dlf:availabilitymsg>\n`);
  if (found.item?.holdingLibraryName) out.push(`          <dlf:location>${escapeText(found.item.holdingLibraryName)}</dlf:location>\n`);
  if (found.item?.callNumber) out.push(`          <dlf:itemcallnumber>${escapeText(found.item.callNumber)}</dlf:itemcallnumber>\n`);
  out.push('        </dlf:simpleavailability>\n', '      </dlf:item>\n');
}
