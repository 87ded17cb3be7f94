import { describe, expect, it } from '@jest/globals';
import { scrubXmlIllegalChars } from './xml-chars.js';
import { readIso2709 } from './iso2709-reader.js';
import { toIso2709 } from './iso2709-write.js';
import { toMarcXml } from './marcxml-write.js';
import { controlValue, subfieldValues } from './fields.js';
import { readAll } from '../../test/helpers/read-all.js';

describe('XML-illegal characters', () => {
  it('drops C0 controls, replaces U+FFFE/U+FFFF and lone surrogates, and counts each', () => {
    expect(scrubXmlIllegalChars('a\u0001b\tc\n\r')).toEqual({ value: 'ab\tc\n\r', count: 1 });
    expect(scrubXmlIllegalChars('x\uFFFEy\uFFFF\uD800z\uDC00')).toEqual({ value: 'x\uFFFDy\uFFFD\uFFFDz\uFFFD', count: 4 });
    expect(scrubXmlIllegalChars('😀 ok')).toEqual({ value: '😀 ok', count: 0 }); // a proper pair stays
  });

  it('never reach a record the reader returns: removed, counted and warned about', async () => {
    // Koha biblio 369 has 0x1F inside control fields; here a control field and a subfield carry
    // controls and noncharacters on the way in.
    const bytes = toIso2709({
      leader: '00000nam a2200000 a 4500',
      fields: [
        { tag: '001', value: 'id\u001f1\u0007' },
        { tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'T\u0008itle\uFFFF' }] },
      ],
    });
    const [result] = await readAll(readIso2709([bytes]));
    if (!result?.ok) throw new Error('expected a record');
    expect(controlValue(result.record, '001')).toBe('id1');
    expect(subfieldValues(result.record, '245$a')).toEqual(['Title\uFFFD']);
    expect(result.illegalCharsReplaced).toBe(4);
    expect(result.warnings.filter((w) => /not allowed in XML/.test(w))).toHaveLength(2);
    expect(toMarcXml(result.record)).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/);
  });
});
