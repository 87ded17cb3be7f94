import type { Knex } from 'knex';
import { bindings } from './bindings.js';
import type { ApiKeyRow } from './circulation-types.js';

/**
 * API keys and failed-login counters per client. Both live in the database so that every gateway
 * instance behind a load balancer sees the same keys, revocations and counts.
 */
export class AccessRepository {
  constructor(private readonly knex: Knex) {}

  async createKey(key: { name: string; keyPrefix: string; keyHash: string; scopes: readonly string[] }, now: Date): Promise<number> {
    const result = await this.knex.raw(
      'INSERT INTO api_keys (name, key_prefix, key_hash, scopes, created_at) VALUES (?, ?, ?, ?::text[], ?) RETURNING id',
      bindings(key.name, key.keyPrefix, key.keyHash, [...key.scopes], now),
    );
    return Number(result.rows[0].id);
  }

  async listKeys(): Promise<ApiKeyRow[]> {
    const rows = await this.knex('api_keys').select('*').orderBy('id');
    return rows.map(toKey);
  }

  /** The key with this hash, revoked or not; undefined when there is none. */
  async findKey(keyHash: string): Promise<ApiKeyRow | undefined> {
    const row = await this.knex('api_keys').select('*').where({ key_hash: keyHash }).first();
    return row ? toKey(row) : undefined;
  }

  /** Revokes by id; false when there is no such key or it was already revoked. */
  async revokeKey(id: number, now: Date): Promise<boolean> {
    const count = await this.knex('api_keys').update({ revoked_at: now }).where({ id }).whereNull('revoked_at');
    return count > 0;
  }

  async touchKey(id: number, now: Date): Promise<void> {
    await this.knex('api_keys').update({ last_used_at: now }).where({ id });
  }

  /** Failures counted for this client in the window that is still open at `now` (0 when it has closed). */
  async clientFailures(client: string, now: Date, windowMs: number): Promise<number> {
    const row = await this.knex('login_failures').select('failures', 'window_start').where({ client }).first();
    if (!row) return 0;
    return now.getTime() - new Date(row.window_start).getTime() < windowMs ? Number(row.failures) : 0;
  }

  /** Counts one failure for the client, opening a new window when the last one has closed. Returns the count. */
  async recordClientFailure(client: string, now: Date, windowMs: number): Promise<number> {
    const result = await this.knex.raw(
      `INSERT INTO login_failures (client, window_start, failures) VALUES (?, ?, 1)
       ON CONFLICT (client) DO UPDATE SET
         failures = CASE WHEN login_failures.window_start > ?::timestamptz - make_interval(secs => ?) THEN login_failures.failures + 1 ELSE 1 END,
         window_start = CASE WHEN login_failures.window_start > ?::timestamptz - make_interval(secs => ?) THEN login_failures.window_start ELSE excluded.window_start END
       RETURNING failures`,
      bindings(client, now, now, windowMs / 1000, now, windowMs / 1000),
    );
    return Number(result.rows[0].failures);
  }
}

function toKey(row: Record<string, unknown>): ApiKeyRow {
  return {
    id: Number(row.id),
    name: String(row.name),
    keyPrefix: String(row.key_prefix),
    scopes: parseTextArray(row.scopes),
    createdAt: new Date(row.created_at as string),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at as string) : undefined,
    revokedAt: row.revoked_at ? new Date(row.revoked_at as string) : undefined,
  };
}

/** text[] arrives as an array from pg, and may arrive as '{a,b}' text from other drivers. */
function parseTextArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  const textValue = String(value ?? '');
  return textValue.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((s) => s.replace(/^"|"$/g, ''));
}
