import { z } from 'zod';

/** The bundled sample catalogue, loaded by `serve` into an empty store so a first start shows real data. */
export const sampleSchema = z.strictObject({
  loadWhenEmpty: z.boolean().default(true),
  /** MARCXML file, relative to the config file's directory. */
  catalogue: z.string().min(1).default('../sample/catalogue.xml'),
});
