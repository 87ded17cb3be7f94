import { z } from 'zod';

/** OAI-PMH data provider settings (issue #3 fills this section in). */
export const oaiSchema = z.strictObject({
  enabled: z.boolean().default(true),
});
