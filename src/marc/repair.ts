/**
 * The last step of every reader: turns a decoded draft into a record that serialises to valid
 * MARCXML (MARC21slim.xsd) without any change, and says what it had to change.
 *
 * Repairs, each reported as a warning:
 * - the leader (see leader.ts);
 * - a field whose tag fits neither the control field nor the data field pattern is dropped;
 * - an indicator outside [0-9a-z ] becomes blank;
 * - a subfield whose code the schema does not allow is dropped, and so is a data field left
 *   without subfields (the schema requires at least one);
 * - control fields are moved before data fields (the schema's order), keeping their own order;
 * - XML-illegal characters are dropped or replaced (counted in illegalCharsReplaced).
 */
import { isControlField, type ControlField, type DataField, type MarcField, type MarcRecord, type Subfield } from './record.js';
import { repairLeader } from './leader.js';
import { scrubXmlIllegalChars } from './xml-chars.js';

export const CONTROL_TAG = /^00[1-9A-Za-z]$/;
export const DATA_TAG = /^(0([1-9A-Z][0-9A-Z])|0([1-9a-z][0-9a-z]))$|^(([1-9A-Z][0-9A-Z]{2})|([1-9a-z][0-9a-z]{2}))$/;
/** The schema's indicator and subfield code patterns, as the sets of single characters they allow. */
const INDICATOR_CHARS = ' 0123456789abcdefghijklmnopqrstuvwxyz';
const SUBFIELD_CODE_CHARS = `0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!"#$%&'()*+,-./:;<=>?{}_^\`~[]\\`;
export const INDICATOR = { test: (c: string): boolean => c.length === 1 && INDICATOR_CHARS.includes(c) };
export const SUBFIELD_CODE = { test: (c: string): boolean => c.length === 1 && SUBFIELD_CODE_CHARS.includes(c) };

export interface RepairedRecord {
  readonly record: MarcRecord;
  readonly warnings: string[];
  readonly illegalCharsReplaced: number;
}

/** `warnings` is taken over (the reader's own notes, e.g. about the charset) and added to. */
export function repairRecord(leader: string, fields: readonly MarcField[], warnings: string[]): RepairedRecord {
  let illegal = 0;
  const clean = (value: string, where: string): string => {
    const scrubbed = scrubXmlIllegalChars(value);
    if (scrubbed.count) {
      illegal += scrubbed.count;
      warnings.push(`${where}: ${scrubbed.count} character(s) not allowed in XML removed or replaced`);
    }
    return scrubbed.value;
  };

  const controls: ControlField[] = [];
  const datas: DataField[] = [];
  let outOfOrder = false;
  for (const field of fields) {
    if (isControlField(field)) {
      if (!CONTROL_TAG.test(field.tag)) {
        warnings.push(`control field with invalid tag ${JSON.stringify(field.tag)} dropped`);
        continue;
      }
      if (datas.length) outOfOrder = true;
      const value = clean(field.value, field.tag);
      controls.push(value === field.value ? field : { tag: field.tag, value });
      continue;
    }
    const repaired = repairDataField(field, warnings, clean);
    if (repaired) datas.push(repaired);
  }
  if (outOfOrder) warnings.push('control fields moved before data fields');
  return {
    record: { leader: repairLeader(leader, warnings), fields: [...controls, ...datas] },
    warnings,
    illegalCharsReplaced: illegal,
  };
}

function repairDataField(
  field: DataField,
  warnings: string[],
  clean: (value: string, where: string) => string,
): DataField | undefined {
  const { tag } = field;
  if (!DATA_TAG.test(tag)) {
    warnings.push(`data field with invalid tag ${JSON.stringify(tag)} dropped`);
    return undefined;
  }
  let { ind1, ind2 } = field;
  if (!INDICATOR.test(ind1)) {
    warnings.push(`${tag}: first indicator ${JSON.stringify(ind1)} set to blank`);
    ind1 = ' ';
  }
  if (!INDICATOR.test(ind2)) {
    warnings.push(`${tag}: second indicator ${JSON.stringify(ind2)} set to blank`);
    ind2 = ' ';
  }
  let changed = ind1 !== field.ind1 || ind2 !== field.ind2;
  const subfields: Subfield[] = [];
  for (const sub of field.subfields) {
    if (!SUBFIELD_CODE.test(sub.code)) {
      warnings.push(`${tag}: subfield with invalid code ${JSON.stringify(sub.code)} dropped (value ${JSON.stringify(sub.value.slice(0, 40))})`);
      changed = true;
      continue;
    }
    const value = clean(sub.value, `${tag}$${sub.code}`);
    if (value !== sub.value) changed = true;
    subfields.push(value === sub.value ? sub : { code: sub.code, value });
  }
  if (subfields.length === 0) {
    warnings.push(`${tag}: data field without subfields dropped`);
    return undefined;
  }
  return changed ? { tag, ind1, ind2, subfields } : field;
}
