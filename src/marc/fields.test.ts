import { describe, expect, it } from '@jest/globals';
import { bibliographicLevel, controlValue, fieldsByTag, firstSubfieldValue, isDeleted, recordStatus, recordType, subfieldValues } from './fields.js';
import type { MarcRecord } from './record.js';

const record: MarcRecord = {
  leader: '00000dam a2200000 a 4500',
  fields: [
    { tag: '001', value: '42' },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Title :' }, { code: 'b', value: 'sub' }] },
    { tag: '952', ind1: ' ', ind2: ' ', subfields: [{ code: 'p', value: 'B1' }] },
    { tag: '952', ind1: ' ', ind2: ' ', subfields: [{ code: 'p', value: 'B2' }, { code: 'a', value: 'MAIN' }] },
  ],
};

describe('field helpers', () => {
  it('find control values, fields and subfield values in record order', () => {
    expect(controlValue(record, '001')).toBe('42');
    expect(controlValue(record, '003')).toBeUndefined();
    expect(fieldsByTag(record, '952')).toHaveLength(2);
    expect(subfieldValues(record, '952$p')).toEqual(['B1', 'B2']);
    expect(subfieldValues(record, '245$ab')).toEqual(['Title :', 'sub']);
    expect(subfieldValues(record, '650$a')).toEqual([]);
    expect(firstSubfieldValue(record, '245$a')).toBe('Title :');
    expect(() => subfieldValues(record, '245a')).toThrow(TypeError);
  });

  it('read the leader positions', () => {
    expect(recordStatus(record)).toBe('d');
    expect(isDeleted(record)).toBe(true);
    expect(recordType(record)).toBe('a');
    expect(bibliographicLevel(record)).toBe('m');
  });
});
