import { z } from 'zod';

/** SRU server at /sru (1.1, 1.2, 2.0). Defaults and caps are advertised in explain. */
export const sruSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** What explain says about the database. */
  database: z.strictObject({
    title: z.string().default('libgate catalogue'),
    description: z.string().default('Bibliographic records served by libgate (SRU/CQL over the MARC21 record store).'),
    contact: z.string().optional(),
  }).default({ title: 'libgate catalogue', description: 'Bibliographic records served by libgate (SRU/CQL over the MARC21 record store).' }),
  /** recordSchema when the request names none: a short name (marcxml, dc, mods). */
  defaultRecordSchema: z.enum(['marcxml', 'dc', 'mods']).default('marcxml'),
  /** maximumRecords when the request gives none. */
  defaultMaximumRecords: z.number().int().min(0).default(10),
  /** Largest maximumRecords honoured; larger requests get this many (no diagnostic, as the spec allows). */
  maxMaximumRecords: z.number().int().min(1).default(100),
  /** Longest query in characters (diag 12). */
  maxQueryLength: z.number().int().min(10).default(2000),
  /** Longest search term (diag 23). */
  maxTermLength: z.number().int().min(1).default(256),
  /** Most boolean operators in a query (diag 38). */
  maxBooleans: z.number().int().min(0).default(32),
  /** Most sort keys (diag 84). */
  maxSortKeys: z.number().int().min(1).default(3),
  /** Statement timeout for one search or scan, in ms (PostgreSQL); exceeding it answers diag 2. */
  statementTimeoutMs: z.number().int().min(0).default(5000),
  scan: z.strictObject({
    /** maximumTerms when the request gives none. */
    defaultTerms: z.number().int().min(1).default(20),
    /** Largest maximumTerms accepted (diag 121 above it). */
    maxTerms: z.number().int().min(1).default(100),
  }).default({ defaultTerms: 20, maxTerms: 100 }),
});

export type SruConfig = z.infer<typeof sruSchema>;
