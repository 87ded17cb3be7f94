// The benchmark harness helpers that scenarios build on: summaries, tables, the load driver's
// bookkeeping, the server's merged configuration, and the dataset naming.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { databaseUrlFor, datasetVersion } from '../../bench/dataset.js';
import { formatTable, median, runLoad, summarize } from '../../bench/load.js';
import { mergedConfig } from '../../bench/server.js';
import { parseConfig } from '../../src/config/load.js';
import { REPO_ROOT } from '../helpers/paths.js';

describe('summarize', () => {
  it('gives nearest-rank percentiles, mean and max', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(summarize(values)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, mean: 50.5, max: 100 });
  });

  it('takes observed values only, never interpolating', () => {
    expect(summarize([10, 20, 30])).toEqual({ count: 3, p50: 20, p95: 30, p99: 30, mean: 20, max: 30 });
    expect(summarize([7])).toEqual({ count: 1, p50: 7, p95: 7, p99: 7, mean: 7, max: 7 });
  });

  it('reports an empty list as count 0 with NaN figures', () => {
    const s = summarize([]);
    expect(s.count).toBe(0);
    expect(s.p50).toBeNaN();
    expect(s.max).toBeNaN();
  });

  it('does not reorder the caller\'s list', () => {
    const values = [3, 1, 2];
    summarize(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers and marks missing values', () => {
    const table = formatTable([{ name: 'import', 'rec/s': 3210.456, runs: 3 }, { name: 'x', 'rec/s': Number.NaN, runs: 12 }]);
    expect(table.split('\n')).toEqual([
      '| name   |  rec/s | runs |',
      '|--------|-------:|-----:|',
      '| import | 3210.5 |    3 |',
      '| x      |      – |   12 |',
    ]);
  });

  it('escapes pipes in text cells', () => {
    expect(formatTable([{ a: 'x|y' }])).toContain('x\\|y');
  });
});

describe('runLoad', () => {
  it('numbers requests once each across clients, keeps latencies per label and counts errors', async () => {
    const seen: number[] = [];
    const clients = new Set<number>();
    const result = await runLoad({
      concurrency: 4,
      requests: 50,
      warmupRequests: 3,
      request: async (i, client) => {
        seen.push(i);
        clients.add(client);
        await new Promise((resolve) => setImmediate(resolve));
        if (i % 10 === 0) throw new Error(`failed ${i % 20}`);
        return { bytes: 10, label: i % 2 === 0 ? 'even' : 'odd' };
      },
    });
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 53 }, (_, i) => i));
    expect(clients).toEqual(new Set([0, 1, 2, 3]));
    expect(result.errors).toBe(5); // 10, 20, 30, 40, 50 (the warm-up's 0 is not counted)
    expect(result.completed).toBe(45);
    expect(result.latenciesMs).toHaveLength(45);
    expect(result.bytes).toBe(450);
    expect(result.byLabel.get('odd')).toHaveLength(25);
    expect(result.byLabel.get('even')).toHaveLength(20);
    expect(new Set(result.errorSamples)).toEqual(new Set(['failed 0', 'failed 10']));
    expect(result.throughput).toBeGreaterThan(0);
  });

  it('refuses a run with no end', async () => {
    await expect(runLoad({ concurrency: 1, request: async () => ({}) })).rejects.toThrow(/requests or durationSeconds/);
  });
});

describe('mergedConfig', () => {
  it('merges overrides over the shipped config into a valid configuration for a benchmark server', () => {
    const shipped = path.join(REPO_ROOT, 'conf', 'libgate.yaml');
    const text = mergedConfig(shipped, 'server:\n  logLevel: warn\nimport:\n  batchSize: 2000\n', 4321);
    const { config } = parseConfig(text, path.join(REPO_ROOT, 'conf', '.bench-test.yaml'));
    expect(config.server.port).toBe(4321);
    expect(config.server.host).toBe('127.0.0.1');
    expect(config.server.logLevel).toBe('warn');
    expect(config.import.batchSize).toBe(2000);
    expect(config.sample.loadWhenEmpty).toBe(false);
    const original = parseYaml(readFileSync(shipped, 'utf8')) as { indexes: object; libraries: object };
    expect(config.libraries).toEqual(parseConfig(readFileSync(shipped, 'utf8'), shipped).config.libraries);
    expect(Object.keys(config.indexes)).toEqual(Object.keys(original.indexes));
  });
});

describe('databaseUrlFor', () => {
  it('keeps the server, credentials and options and swaps the database', () => {
    expect(databaseUrlFor('postgres://postgres@127.0.0.1:5432/test', 'libgate_bench_1000_1')).toBe('postgres://postgres@127.0.0.1:5432/libgate_bench_1000_1');
    expect(databaseUrlFor('postgres://u:p@db:6543/x?sslmode=disable', 'b')).toBe('postgres://u:p@db:6543/b?sslmode=disable');
  });
});

describe('datasetVersion', () => {
  const shipped = readFileSync(path.join(REPO_ROOT, 'conf', 'libgate.yaml'), 'utf8');
  const withConfig = async (text: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'libgate-dataset-'));
    try {
      writeFileSync(path.join(dir, 'libgate.yaml'), text);
      return await datasetVersion(path.join(dir, 'libgate.yaml'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('ignores configuration sections that do not change stored data, and comments', async () => {
    const base = await datasetVersion();
    const raw = parseYaml(shipped) as Record<string, unknown>;
    const other = { ...raw, server: { ...(raw.server as object), port: 9999 }, oai: { anything: 'else' } };
    expect(await withConfig(`# a comment\n${stringifyYaml(other)}`)).toBe(base);
  });

  it('changes with the import and indexes sections, whatever their key order', async () => {
    const base = await datasetVersion();
    const raw = parseYaml(shipped) as Record<string, Record<string, unknown>>;
    expect(await withConfig(stringifyYaml({ ...raw, import: { ...raw.import, batchSize: 7 } }))).not.toBe(base);
    const { title, ...rest } = raw.indexes!;
    expect(await withConfig(stringifyYaml({ ...raw, indexes: rest }))).not.toBe(base);
    const reordered = Object.fromEntries(Object.entries(raw.indexes!).reverse());
    expect(await withConfig(stringifyYaml({ ...raw, indexes: reordered }))).toBe(base);
    expect(title).toBeDefined();
  });
});
