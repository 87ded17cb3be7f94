import { z } from 'zod';
import { databaseSchema } from './sections/database.js';
import { ilsdiSchema } from './sections/ilsdi.js';
import { importSchema } from './sections/import.js';
import { indexesSchema } from './sections/indexes.js';
import { librariesSchema } from './sections/libraries.js';
import { oaiSchema } from './sections/oai.js';
import { sampleSchema } from './sections/sample.js';
import { serverSchema } from './sections/server.js';
import { sruSchema } from './sections/sru.js';

/** The whole of conf/libgate.yaml. Every section is strict: an unknown key is an error naming its path. */
export const configSchema = z.strictObject({
  server: serverSchema.default(serverSchema.parse({})),
  database: databaseSchema.default(databaseSchema.parse({})),
  import: importSchema.default(importSchema.parse({})),
  sample: sampleSchema.default(sampleSchema.parse({})),
  libraries: librariesSchema,
  indexes: indexesSchema,
  oai: oaiSchema.default(oaiSchema.parse({})),
  sru: sruSchema.default(sruSchema.parse({})),
  ilsdi: ilsdiSchema.default(ilsdiSchema.parse({})),
});

/** The validated configuration; `server.baseUrl` is always filled in (see load.ts). */
export type Config = z.infer<typeof configSchema> & { server: { baseUrl: string } };
