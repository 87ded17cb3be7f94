import { z } from 'zod';

/**
 * A MARC source of an index:
 *   "245$abnp"   subfields a, b, n, p of every 245 (joined with spaces, in record order)
 *   "6XX"        every subfield of every 600-699 (X is a wildcard digit)
 *   "008/35-37"  characters 35..37 (0-based, inclusive) of a control field
 *   "LDR/06"     leader positions
 * The object form adds indicator conditions.
 */
export const sourceSpecSchema = z.union([
  z.string().regex(/^(LDR|[0-9X]{3})(\$[0-9a-z]+|\/\d{1,2}(-\d{1,2})?)?$/, 'expected TAG, TAG$codes or TAG/start-end'),
  z.strictObject({
    field: z.string().regex(/^(LDR|[0-9X]{3})(\$[0-9a-z]+|\/\d{1,2}(-\d{1,2})?)?$/),
    ind1: z.string().regex(/^[ 0-9a-z#]$/).optional(),
    ind2: z.string().regex(/^[ 0-9a-z#]$/).optional(),
  }),
]);

export const indexTypeSchema = z.enum(['words', 'phrase', 'isbn', 'issn', 'date', 'number', 'identifier']);

export const indexSchema = z.strictObject({
  /** How values are normalised and which relations make sense (see README "Search indexes"). */
  type: indexTypeSchema.default('words'),
  /** MARC sources; empty means every field of the record (cql.anywhere). */
  sources: z.array(sourceSpecSchema).default([]),
  /** The names CQL queries may use for this index, e.g. dc.title, bath.title, title. */
  names: z.array(z.string().regex(/^([A-Za-z][A-Za-z0-9_-]*\.)?[A-Za-z0-9$_-]+$/)).default([]),
  title: z.string().optional(),
  scan: z.boolean().default(false),
  sort: z.boolean().default(false),
  /** Only the record id, not MARC: rec.id. */
  recordId: z.boolean().default(false),
});

export type IndexConfig = z.infer<typeof indexSchema>;
export type SourceSpec = z.infer<typeof sourceSpecSchema>;

export const indexesSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'index names are lower-case identifiers'), indexSchema).default({});
