import { z } from 'zod';

/** A MARC location: a tag with one subfield (`999$c`) or a control field (`001`). */
export const fieldRefSchema = z.string().regex(/^[0-9A-Za-z]{3}(\$[0-9a-z])?$/, 'expected TAG or TAG$code, e.g. 001 or 999$c');

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
  /** Where the local identifier comes from; `--id` overrides. Koha dumps: 999$c. */
  idField: fieldRefSchema.default('001'),
  /** Records per transaction. */
  batchSize: z.number().int().min(1).max(10000).default(500),
  items: itemMappingSchema.default(itemMappingSchema.parse({})),
});
