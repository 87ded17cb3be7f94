import { z } from 'zod';
import { ID_SPEC_PATTERN } from '../../import/local-id.js';

const subfieldCode = z.string().regex(/^[0-9a-z]$/, 'expected one subfield code');

/** Where each item property is found in an embedded item field. Defaults follow Koha's MARC21 framework (952). */
export const itemMappingSchema = z.strictObject({
  tag: z.string().regex(/^[0-9]{3}$/).default('952'),
  itemNumber: subfieldCode.default('9'),
  homeLibrary: subfieldCode.default('a'),
  holdingLibrary: subfieldCode.default('b'),
  location: subfieldCode.default('c'),
  callNumber: subfieldCode.default('o'),
  barcode: subfieldCode.default('p'),
  onLoan: subfieldCode.default('q'),
  itemType: subfieldCode.default('y'),
  notForLoan: subfieldCode.default('7'),
  lost: subfieldCode.default('1'),
  withdrawn: subfieldCode.default('0'),
  damaged: subfieldCode.default('4'),
});

export type ItemMapping = z.infer<typeof itemMappingSchema>;

export const importSchema = z.strictObject({
  /**
   * Where the local identifier comes from; `--id` overrides. A comma-separated list tried in order:
   * TAG (001), TAG$code (Koha dumps: 999$c) or @position (position in the file).
   */
  idField: z.string().regex(ID_SPEC_PATTERN, 'expected TAG, TAG$code or @position, comma-separated (e.g. 001 or 999$c,001)').default('001'),
  /** Records per transaction. */
  batchSize: z.number().int().min(1).max(10000).default(500),
  items: itemMappingSchema.default(itemMappingSchema.parse({})),
});
