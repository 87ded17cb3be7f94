import { z } from 'zod';

export const serverSchema = z.strictObject({
  /** Port for `libgate serve`; overridden by --port or PORT. */
  port: z.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default('0.0.0.0'),
  /**
   * The public base URL of this gateway (scheme, host, port, path prefix; no trailing slash needed).
   * Protocol responses use it, never the request's Host header. Default: http://localhost:<port>.
   */
  baseUrl: z.url().optional(),
  /** Express "trust proxy" setting: false, true, a hop count or a list of addresses/CIDRs. */
  trustProxy: z.union([z.boolean(), z.number().int().min(0), z.string(), z.array(z.string())]).default(false),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests running at once before new ones get 503 + Retry-After. */
  maxConcurrentRequests: z.number().int().min(1).default(64),
  /** Seconds to wait for in-flight requests on SIGTERM/SIGINT before closing anyway. */
  shutdownGraceSeconds: z.number().min(0).default(20),
});
