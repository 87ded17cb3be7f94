/**
 * A closed-loop load driver: `concurrency` clients each send one request at a time, as fast as the
 * server answers, until `requests` have been sent or `durationSeconds` have passed. Latency is the
 * wall time of one `request` call, measured with performance.now(). Requests are numbered 0, 1, 2, …
 * across all clients, so a scenario can make request i deterministic (e.g. the i-th query of a list).
 */
export interface LoadOptions {
  readonly concurrency: number;
  /** Stop after this many requests in total. */
  readonly requests?: number;
  /** Stop starting new requests after this many seconds. At least one of requests/durationSeconds is needed. */
  readonly durationSeconds?: number;
  /** Requests before measuring starts (numbered from 0 too; not counted). Default 0. */
  readonly warmupRequests?: number;
  /**
   * Sends request i from client c. Resolve with the response size and a label (latencies are also
   * kept per label, e.g. per verb or query kind); throw to count an error (its latency is not kept).
   */
  readonly request: (i: number, client: number) => Promise<{ bytes?: number; label?: string }>;
}

export interface LoadResult {
  /** Requests that completed without throwing. */
  readonly completed: number;
  readonly errors: number;
  /** Up to 10 distinct error messages, for the report. */
  readonly errorSamples: readonly string[];
  readonly elapsedSeconds: number;
  /** completed / elapsedSeconds */
  readonly throughput: number;
  readonly bytes: number;
  /** Every latency in ms, in completion order. */
  readonly latenciesMs: readonly number[];
  /** Latencies in ms by label ('' for unlabelled requests). */
  readonly byLabel: ReadonlyMap<string, readonly number[]>;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { concurrency, requests, durationSeconds, request } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('runLoad: concurrency must be a positive integer');
  if (requests === undefined && durationSeconds === undefined) throw new Error('runLoad: give requests or durationSeconds');
  const warmup = options.warmupRequests ?? 0;
  if (warmup > 0) {
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(concurrency, warmup) }, async (_, client) => {
      for (let i = next++; i < warmup; i = next++) await request(i, client).catch(() => undefined);
    }));
  }
  const latenciesMs: number[] = [];
  const byLabel = new Map<string, number[]>();
  const errorSamples = new Set<string>();
  let errors = 0;
  let bytes = 0;
  let next = warmup;
  const last = requests === undefined ? Number.POSITIVE_INFINITY : warmup + requests;
  const started = performance.now();
  const deadline = durationSeconds === undefined ? Number.POSITIVE_INFINITY : started + durationSeconds * 1000;
  const client = async (id: number) => {
    for (let i = next++; i < last && performance.now() < deadline; i = next++) {
      const t0 = performance.now();
      try {
        const outcome = await request(i, id);
        const ms = performance.now() - t0;
        latenciesMs.push(ms);
        const label = outcome.label ?? '';
        const list = byLabel.get(label);
        if (list) list.push(ms);
        else byLabel.set(label, [ms]);
        bytes += outcome.bytes ?? 0;
      } catch (error) {
        errors++;
        if (errorSamples.size < 10) errorSamples.add(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, id) => client(id)));
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    completed: latenciesMs.length,
    errors,
    errorSamples: [...errorSamples],
    elapsedSeconds,
    throughput: elapsedSeconds > 0 ? latenciesMs.length / elapsedSeconds : 0,
    bytes,
    latenciesMs,
    byLabel,
  };
}

export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

/**
 * Percentiles by the nearest-rank method (p = the smallest value with at least p% of values at or
 * below it: always an observed latency, never interpolated). An empty list gives count 0 and NaN.
 */
export function summarize(latenciesMs: readonly number[]): Summary {
  if (latenciesMs.length === 0) return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, mean: Number.NaN, max: Number.NaN };
  const sorted = Float64Array.from(latenciesMs).sort();
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  return { count: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), mean: sum / sorted.length, max: sorted[sorted.length - 1]! };
}

/** The median of a list (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type Cell = string | number | undefined;

/**
 * A markdown table with aligned columns (readable in a terminal and in a .md file). Columns are the
 * keys of the first row, in order; numbers are right-aligned and shown with `digits` decimals
 * (integers as they are); undefined and NaN show as '–'.
 */
export function formatTable(rows: ReadonlyArray<Readonly<Record<string, Cell>>>, digits = 1): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]!);
  const numeric = columns.map((c) => rows.every((row) => typeof row[c] === 'number' || row[c] === undefined));
  const text = (value: Cell) => {
    if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) return '–';
    if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(digits);
    return value.replace(/\|/g, '\\|');
  };
  const cells = rows.map((row) => columns.map((c) => text(row[c])));
  const widths = columns.map((c, i) => Math.max(c.length, 3, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) => `| ${values.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(columns), rule, ...cells.map(line)].join('\n');
}

/** One row of a latency table: label, count, p50/p95/p99/mean/max in ms. */
export function latencyRow(label: string, latenciesMs: readonly number[]): Record<string, Cell> {
  const s = summarize(latenciesMs);
  return { label, count: s.count, 'p50 ms': s.p50, 'p95 ms': s.p95, 'p99 ms': s.p99, 'mean ms': s.mean, 'max ms': s.max };
}

/**
 * GET (or POST) a URL and read the whole body; throws on a non-2xx status (so runLoad counts an
 * error) unless `okStatuses` lists it. Uses the global fetch (undici, keep-alive connections).
 */
export async function fetchText(url: string, init: RequestInit & { okStatuses?: readonly number[] } = {}): Promise<{ status: number; body: string; bytes: number }> {
  const { okStatuses, ...rest } = init;
  const response = await fetch(url, rest);
  const body = await response.text();
  if (!response.ok && !okStatuses?.includes(response.status)) throw new Error(`HTTP ${response.status} for ${url.slice(0, 200)}`);
  return { status: response.status, body, bytes: Buffer.byteLength(body) };
}
