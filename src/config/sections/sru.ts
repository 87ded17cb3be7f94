import { z } from 'zod';

/** SRU server settings (issue #4 fills this section in). */
export const sruSchema = z.strictObject({
  enabled: z.boolean().default(true),
});
