import { z } from 'zod';

/**
 * Library (branch) descriptions by code. Import creates a library for every code it meets;
 * entries here give them their names and say which are pickup locations.
 */
export const librarySchema = z.strictObject({
  name: z.string().min(1),
  pickup: z.boolean().default(true),
});

export const librariesSchema = z.record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'library codes are 1-32 letters, digits, _ or -'), librarySchema).default({});
