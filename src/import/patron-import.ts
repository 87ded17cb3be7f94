import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Logger } from 'pino';
import { PUBLIC_PATRON_FIELDS, type PatronAttribute, type PatronInput } from '../store/circulation-types.js';
import type { Store } from '../store/store.js';
import { MAX_SKIP_DETAILS, type SkipDetail } from './report.js';

/**
 * `libgate import-patrons FILE`: patrons from CSV (a header row of Koha borrowers column names, as
 * Koha's own patron import takes) or JSON (an array of objects with the same names). Matched by
 * cardnumber: created, updated or unchanged. Reported as the MARC import is: a bad row is skipped
 * with its file and line (CSV) or position (JSON) and never stops the run, unless strict.
 *
 * Columns: borrowernumber (optional, kept when creating), cardnumber, surname, branchcode and
 * categorycode (required), userid, password (clear text, hashed with bcrypt) or password_hash (an
 * existing bcrypt hash, e.g. from Koha), password_expiration_date, patron_attributes
 * ("CODE:value,CODE:value" as in Koha's CSV, or a JSON list of {code, attribute}), borrowernotes
 * (a staff note, stored, never served), and the public columns of store/circulation-types.ts.
 */
export interface PatronImportReport {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  skips: SkipDetail[];
  skipReasons: Record<string, number>;
}

export interface PatronImportOptions {
  readonly strict: boolean;
  readonly rounds: number;
  readonly log: Logger;
  readonly now: Date;
}

export class PatronImportAborted extends Error {
  override readonly name = 'PatronImportAborted';
}

const DATE_FIELDS = new Set(['dateofbirth', 'dateenrolled', 'dateexpiry', 'debarred', 'password_expiration_date']);
const KNOWN_FIELDS = new Set<string>([
  ...PUBLIC_PATRON_FIELDS.filter((f) => f !== 'lastseen'), 'borrowernumber', 'userid', 'password', 'password_hash',
  'password_expiration_date', 'patron_attributes', 'borrowernotes',
]);

interface SourceRow {
  readonly position: number;
  readonly values: Record<string, unknown>;
}

export async function importPatrons(file: string, store: Store, options: PatronImportOptions): Promise<PatronImportReport> {
  const report: PatronImportReport = { read: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, skips: [], skipReasons: {} };
  const name = path.basename(file);
  const libraries = new Set((await store.records.libraries()).map((l) => l.code));
  const rows = readRows(file);
  const seenUserids = new Map<string, number>();
  for (const row of rows) {
    report.read += 1;
    const skip = (reason: string) => {
      if (options.strict) throw new PatronImportAborted(`${name} ${where(file, row.position)}: ${reason}`);
      report.skipped += 1;
      const key = reason.replace(/:.*$/, '');
      report.skipReasons[key] = (report.skipReasons[key] ?? 0) + 1;
      if (report.skips.length < MAX_SKIP_DETAILS) report.skips.push({ file: name, position: row.position, reason });
      options.log.warn({ file: name, position: row.position, reason }, 'patron skipped');
    };
    const parsed = toPatron(row.values, libraries);
    if (typeof parsed === 'string') {
      skip(parsed);
      continue;
    }
    const userid = parsed.input.userid?.toLowerCase();
    if (userid && seenUserids.has(userid) && seenUserids.get(userid) !== row.position) {
      skip(`duplicate userid: ${parsed.input.userid} is also used by ${where(file, seenUserids.get(userid)!)}`);
      continue;
    }
    if (userid) seenUserids.set(userid, row.position);
    const existing = (await store.patrons.existing([parsed.input.cardnumber])).get(parsed.input.cardnumber.toLowerCase());
    const samePassword = parsed.password === undefined || (existing?.passwordHash !== undefined && (await bcrypt.compare(parsed.password, existing.passwordHash)));
    if (existing && existing.sourceHash === parsed.input.sourceHash && samePassword) {
      report.unchanged += 1;
      continue;
    }
    const passwordHash = parsed.password !== undefined && !samePassword ? await bcrypt.hash(parsed.password, options.rounds) : parsed.input.passwordHash;
    try {
      await store.patrons.write([{ ...parsed.input, passwordHash }], options.now);
    } catch (error) {
      skip(`database refused the patron: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    if (existing) report.updated += 1;
    else report.created += 1;
  }
  return report;
}

export function formatPatronReport(report: PatronImportReport, seconds: number, file: string): string {
  const lines = [
    `read ${report.read} patrons in ${seconds.toFixed(1)} s`,
    `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, skipped ${report.skipped}`,
  ];
  for (const [reason, count] of Object.entries(report.skipReasons)) lines.push(`skipped ${count}: ${reason}`);
  for (const skip of report.skips.slice(0, 20)) lines.push(`  ${skip.file} ${where(file, skip.position)}: ${skip.reason}`);
  if (report.skipped > 20) lines.push(`  … ${report.skipped - 20} more skipped patrons are in the log`);
  return lines.join('\n');
}

function where(file: string, position: number): string {
  return isJson(file) ? `patron ${position}` : `line ${position}`;
}

function isJson(file: string): boolean {
  return /\.json$/i.test(file);
}

/** Rows with their position: the line number of a CSV record, the 1-based index of a JSON object. */
function readRows(file: string): SourceRow[] {
  const text = readFileSync(file, 'utf8');
  if (isJson(file)) {
    const data = JSON.parse(text) as unknown;
    const list = Array.isArray(data) ? data : (data as { patrons?: unknown }).patrons;
    if (!Array.isArray(list)) throw new Error(`${file}: expected a JSON array of patrons (or an object with "patrons")`);
    return list.map((values, i) => ({ position: i + 1, values: (values && typeof values === 'object' ? values : {}) as Record<string, unknown> }));
  }
  const records = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  return records.map(({ record, info }) => ({ position: info.lines, values: record }));
}

/** A row as PatronInput plus its clear-text password, or the reason it cannot be imported. */
function toPatron(values: Record<string, unknown>, libraries: ReadonlySet<string>): { input: PatronInput; password: string | undefined } | string {
  const clean: Record<string, string> = {};
  let attributes: PatronAttribute[] = [];
  for (const [key, raw] of Object.entries(values)) {
    if (!KNOWN_FIELDS.has(key)) return `unknown field: ${key}`;
    if (key === 'patron_attributes') {
      const parsed = parseAttributes(raw);
      if (typeof parsed === 'string') return parsed;
      attributes = parsed;
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const value = String(raw).trim();
    if (value !== '') clean[key] = value;
  }
  for (const required of ['cardnumber', 'surname', 'branchcode', 'categorycode']) {
    if (!clean[required]) return `missing field: ${required}`;
  }
  if (!libraries.has(clean.branchcode!)) return `unknown library: ${clean.branchcode}`;
  for (const field of DATE_FIELDS) {
    if (clean[field] && !/^\d{4}-\d{2}-\d{2}$/.test(clean[field]!)) return `bad date: ${field} must be YYYY-MM-DD, got ${clean[field]}`;
  }
  let borrowernumber: number | undefined;
  if (clean.borrowernumber) {
    if (!/^\d{1,15}$/.test(clean.borrowernumber) || Number(clean.borrowernumber) === 0) return `bad borrowernumber: ${clean.borrowernumber}`;
    borrowernumber = Number(clean.borrowernumber);
  }
  if (clean.password_hash && !/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(clean.password_hash)) return 'bad password_hash: expected a bcrypt hash ($2a$, $2b$ or $2y$)';
  const { password, password_hash: passwordHash, password_expiration_date: passwordExpirationDate, userid, cardnumber, ...rest } = clean;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) if (key !== 'borrowernumber') fields[key] = value;
  const sourceHash = createHash('sha256')
    .update(JSON.stringify({ fields: Object.entries(fields).sort(), userid, passwordHash, passwordExpirationDate, attributes, borrowernumber }))
    .digest('base64url');
  return {
    input: { borrowernumber, cardnumber: cardnumber!, userid, fields, passwordHash, passwordExpirationDate, attributes, sourceHash },
    password,
  };
}

/** Koha's CSV form "CODE:value,CODE:value", or a JSON list of {code, attribute|value}. */
function parseAttributes(raw: unknown): PatronAttribute[] | string {
  if (raw === null || raw === undefined || raw === '') return [];
  if (Array.isArray(raw)) {
    const list: PatronAttribute[] = [];
    for (const entry of raw as Array<Record<string, unknown>>) {
      const code = String(entry?.code ?? '').trim();
      const attribute = String(entry?.attribute ?? entry?.value ?? '').trim();
      if (!code || !attribute) return 'bad patron_attributes: each needs a code and an attribute';
      list.push({ code, attribute });
    }
    return list;
  }
  const list: PatronAttribute[] = [];
  for (const part of String(raw).split(',')) {
    const colon = part.indexOf(':');
    if (colon <= 0) return `bad patron_attributes: expected CODE:value, got ${part.trim()}`;
    list.push({ code: part.slice(0, colon).trim(), attribute: part.slice(colon + 1).trim() });
  }
  return list;
}
