import { z } from 'zod';

export const databaseSchema = z.strictObject({
  /**
   * postgres://… selects PostgreSQL (pooled, through pg). Absent: the embedded PGlite store.
   * DATABASE_URL in the environment overrides this key.
   */
  url: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** PGlite data directory, relative to the config file's directory; `memory` keeps the store in memory (tests). */
  dataDir: z.string().min(1).default('./data/pglite'),
  pool: z.strictObject({
    min: z.number().int().min(0).default(0),
    max: z.number().int().min(1).default(10),
  }).default({ min: 0, max: 10 }),
  /** Upper bound for any one SQL statement issued while serving a request (PostgreSQL only). */
  statementTimeoutMs: z.number().int().min(0).default(30000),
});
