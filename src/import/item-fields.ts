import type { ItemMapping } from '../config/sections/import.js';
import { isDataField, type DataField, type MarcRecord } from '../marc/record.js';
import type { ItemInput } from '../store/types.js';

/** Splits a record into its bibliographic part and its embedded items (Koha 952 by default). */
export function splitItems(record: MarcRecord, mapping: ItemMapping): { bib: MarcRecord; items: ItemInput[] } {
  const items: ItemInput[] = [];
  const fields = record.fields.filter((field) => {
    if (field.tag !== mapping.tag || !isDataField(field)) return true;
    items.push(itemFromField(field, mapping));
    return false;
  });
  return { bib: { leader: record.leader, fields }, items };
}

const FLAG_KEYS = ['notForLoan', 'lost', 'withdrawn', 'damaged'] as const;
const TEXT_KEYS = ['homeLibrary', 'holdingLibrary', 'location', 'callNumber', 'barcode', 'itemType'] as const;

function itemFromField(field: DataField, mapping: ItemMapping): ItemInput {
  const byCode = new Map<string, string>();
  const other: Array<[string, string]> = [];
  const mapped = new Set<string>([mapping.itemNumber, mapping.onLoan, ...FLAG_KEYS.map((k) => mapping[k]), ...TEXT_KEYS.map((k) => mapping[k])]);
  for (const sf of field.subfields) {
    const value = sf.value.trim();
    if (mapped.has(sf.code) && !byCode.has(sf.code)) byCode.set(sf.code, value);
    else other.push([sf.code, sf.value]);
  }
  const text = (code: string) => byCode.get(code) || undefined;
  const flag = (code: string) => {
    const value = Number.parseInt(byCode.get(code) ?? '0', 10);
    return Number.isFinite(value) ? value : 0;
  };
  const number = Number.parseInt(byCode.get(mapping.itemNumber) ?? '', 10);
  const onLoan = /^\d{4}-\d{2}-\d{2}/.exec(byCode.get(mapping.onLoan) ?? '')?.[0];
  return {
    itemNumber: Number.isSafeInteger(number) && number > 0 ? number : undefined,
    barcode: text(mapping.barcode),
    homeLibrary: text(mapping.homeLibrary),
    holdingLibrary: text(mapping.holdingLibrary) ?? text(mapping.homeLibrary),
    location: text(mapping.location),
    callNumber: text(mapping.callNumber),
    itemType: text(mapping.itemType),
    notForLoan: flag(mapping.notForLoan),
    lost: flag(mapping.lost),
    withdrawn: flag(mapping.withdrawn),
    damaged: flag(mapping.damaged),
    onLoan,
    otherSubfields: other,
  };
}

/** Rebuilds item fields from stored items (for formats with include_items), in catalogued order. */
export function itemFields(items: ReadonlyArray<ItemInput & { id: number }>, mapping: ItemMapping): DataField[] {
  return items.map((item) => {
    const subfields: Array<{ code: string; value: string }> = [];
    const push = (code: string, value: string | number | undefined) => {
      if (value !== undefined && value !== '') subfields.push({ code, value: String(value) });
    };
    push(mapping.homeLibrary, item.homeLibrary);
    push(mapping.holdingLibrary, item.holdingLibrary);
    push(mapping.location, item.location);
    push(mapping.callNumber, item.callNumber);
    push(mapping.barcode, item.barcode);
    push(mapping.onLoan, item.onLoan);
    push(mapping.itemType, item.itemType);
    for (const key of FLAG_KEYS) if (item[key] !== 0) push(mapping[key], item[key]);
    for (const [code, value] of item.otherSubfields) push(code, value);
    push(mapping.itemNumber, item.id);
    return { tag: mapping.tag, ind1: ' ', ind2: ' ', subfields };
  });
}
