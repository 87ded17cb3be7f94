import type { Knex } from 'knex';
import { bindings } from './bindings.js';
import {
  PUBLIC_PATRON_FIELDS, type ExistingPatron, type LookupField, type Patron, type PatronAttribute,
  type PatronCredentials, type PatronInput,
} from './circulation-types.js';

const PATRON_COLUMNS = PUBLIC_PATRON_FIELDS.filter((f) => f !== 'lastseen').map((f) => `p.${f}`).join(', ');

/**
 * Patrons (Koha borrowers). Text lookups ignore case, as Koha's do under MySQL's default collation.
 * Returns undefined for unknown patrons; callers decide what that means on the wire.
 */
export class PatronRepository {
  constructor(private readonly knex: Knex) {}

  async get(borrowernumber: number): Promise<Patron | undefined> {
    const result = await this.knex.raw(
      `SELECT p.borrowernumber, ${PATRON_COLUMNS}, to_char(p.lastseen, 'YYYY-MM-DD HH24:MI:SS') AS lastseen, l.name AS branchname
       FROM patrons p LEFT JOIN libraries l ON l.code = p.branchcode WHERE p.borrowernumber = ?`,
      bindings(borrowernumber),
    );
    const row = result.rows[0] as Record<string, unknown> | undefined;
    if (!row) return undefined;
    const patron: Record<string, unknown> = { borrowernumber: Number(row.borrowernumber), branchname: text(row.branchname) };
    for (const field of PUBLIC_PATRON_FIELDS) patron[field] = text(row[field]);
    return patron as Patron;
  }

  /** The first patron (lowest borrowernumber) whose `field` equals `value`. */
  async lookup(field: LookupField, value: string): Promise<number | undefined> {
    let query;
    if (field === 'borrowernumber') {
      if (!/^\d{1,15}$/.test(value)) return undefined;
      query = this.knex('patrons').select('borrowernumber').where('borrowernumber', Number(value));
    } else {
      query = this.knex('patrons').select('borrowernumber').whereRaw(`lower(${field}) = lower(?)`, [value]).orderBy('borrowernumber').limit(1);
    }
    const row = await query.first();
    return row ? Number(row.borrowernumber) : undefined;
  }

  /** Koha checkpw's order: a userid match first, then a cardnumber match (bug 34893: never a mix). */
  async findLogin(username: string): Promise<PatronCredentials | undefined> {
    const result = await this.knex.raw(
      `SELECT borrowernumber, password_hash, password_expiration_date, login_attempts, last_failed_login,
              CASE WHEN lower(userid) = lower(?) THEN 0 ELSE 1 END AS rank
       FROM patrons WHERE lower(userid) = lower(?) OR lower(cardnumber) = lower(?)
       ORDER BY rank LIMIT 1`,
      bindings(username, username, username),
    );
    const row = result.rows[0] as Record<string, unknown> | undefined;
    if (!row) return undefined;
    return {
      borrowernumber: Number(row.borrowernumber),
      passwordHash: text(row.password_hash),
      passwordExpirationDate: text(row.password_expiration_date),
      loginAttempts: Number(row.login_attempts),
      lastFailedLogin: row.last_failed_login ? new Date(row.last_failed_login as string) : undefined,
    };
  }

  /** Counts one more failed login (or the first of a new series, after a lockout has run out); returns the count. */
  async recordLoginFailure(borrowernumber: number, at: Date, restart = false): Promise<number> {
    const result = await this.knex.raw(
      `UPDATE patrons SET login_attempts = CASE WHEN ? THEN 1 ELSE login_attempts + 1 END, last_failed_login = ?
       WHERE borrowernumber = ? RETURNING login_attempts`,
      bindings(restart, at, borrowernumber),
    );
    return Number(result.rows[0]?.login_attempts ?? 0);
  }

  /** A successful login: the failure count starts again and lastseen is set (local wall-clock time). */
  async recordLoginSuccess(borrowernumber: number, lastseen: string): Promise<void> {
    await this.knex.raw(
      'UPDATE patrons SET login_attempts = 0, last_failed_login = NULL, lastseen = ?::timestamp WHERE borrowernumber = ?',
      bindings(lastseen, borrowernumber),
    );
  }

  /** Clears a lockout; `identifier` is a cardnumber, userid or borrowernumber. Returns the patron unlocked. */
  async unlock(identifier: string): Promise<number | undefined> {
    const id = (await this.lookup('cardnumber', identifier)) ?? (await this.lookup('userid', identifier)) ?? (await this.lookup('borrowernumber', identifier));
    if (id === undefined) return undefined;
    await this.knex.raw('UPDATE patrons SET login_attempts = 0, last_failed_login = NULL WHERE borrowernumber = ?', bindings(id));
    return id;
  }

  async attributes(borrowernumber: number): Promise<PatronAttribute[]> {
    const rows = await this.knex('patron_attributes').select('code', 'attribute').where({ borrowernumber }).orderBy('position');
    return rows.map((row) => ({ code: row.code as string, attribute: row.attribute as string }));
  }

  async count(): Promise<number> {
    const [row] = await this.knex('patrons').count<{ count: string | number }[]>({ count: '*' });
    return Number(row?.count ?? 0);
  }

  /** Patrons already stored, by lower-cased cardnumber, for import's created/updated/unchanged decision. */
  async existing(cardnumbers: readonly string[]): Promise<Map<string, ExistingPatron>> {
    if (cardnumbers.length === 0) return new Map();
    const result = await this.knex.raw(
      'SELECT borrowernumber, cardnumber, source_hash, password_hash FROM patrons WHERE lower(cardnumber) = ANY(?::text[])',
      bindings(cardnumbers.map((c) => c.toLowerCase())),
    );
    return new Map((result.rows as Array<Record<string, unknown>>).map((row) => [
      String(row.cardnumber).toLowerCase(),
      { borrowernumber: Number(row.borrowernumber), cardnumber: String(row.cardnumber), sourceHash: text(row.source_hash), passwordHash: text(row.password_hash) },
    ]));
  }

  /**
   * Inserts or updates patrons matched by cardnumber (case-insensitive), with their attributes, in one
   * transaction. Explicit borrowernumbers are kept and the sequence moved past them.
   * @throws on a constraint violation (unknown library, duplicate userid): nothing of the batch is kept.
   */
  async write(patrons: readonly PatronInput[], now: Date): Promise<number[]> {
    if (patrons.length === 0) return [];
    return this.knex.transaction(async (trx) => {
      const ids: number[] = [];
      for (const patron of patrons) {
        const columns: Record<string, unknown> = {};
        for (const field of PUBLIC_PATRON_FIELDS) if (field !== 'lastseen') columns[field] = patron.fields[field] ?? null;
        columns.borrowernotes = patron.fields.borrowernotes ?? null;
        columns.cardnumber = patron.cardnumber;
        columns.userid = patron.userid ?? null;
        columns.password_expiration_date = patron.passwordExpirationDate ?? null;
        columns.source_hash = patron.sourceHash;
        columns.updated_at = now;
        if (patron.passwordHash !== undefined) columns.password_hash = patron.passwordHash;
        const found = await trx('patrons').select('borrowernumber').whereRaw('lower(cardnumber) = lower(?)', [patron.cardnumber]).forUpdate().first();
        let id: number;
        if (found) {
          id = Number(found.borrowernumber);
          await trx('patrons').update(columns).where({ borrowernumber: id });
        } else {
          const insert = { ...columns, created_at: now, ...(patron.borrowernumber !== undefined ? { borrowernumber: patron.borrowernumber } : {}) };
          const [row] = await trx('patrons').insert(insert).returning('borrowernumber');
          id = Number((row as { borrowernumber: number }).borrowernumber);
        }
        await trx('patron_attributes').where({ borrowernumber: id }).delete();
        if (patron.attributes.length > 0) {
          await trx('patron_attributes').insert(patron.attributes.map((a, position) => ({ borrowernumber: id, position, code: a.code, attribute: a.attribute })));
        }
        ids.push(id);
      }
      await trx.raw(`SELECT setval(pg_get_serial_sequence('patrons', 'borrowernumber'), GREATEST((SELECT max(borrowernumber) FROM patrons), 1))`);
      return ids;
    });
  }
}

function text(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}
