import { z } from 'zod';

/** ILS-DI settings (issue #5 fills this section in). */
export const ilsdiSchema = z.strictObject({
  enabled: z.boolean().default(true),
});
