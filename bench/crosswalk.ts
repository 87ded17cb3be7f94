/**
 * Crosswalk speed over a MARCXML collection (default: the shared bench corpus).
 *
 *   npm run build && node dist/bench/crosswalk.js [collection.xml] [runs]
 *
 * For each built-in crosswalk, runs the whole collection `runs` times (default 3) per way of
 * calling SaxonJS and prints the median records/s, both per wall-clock second and per CPU second
 * of this process (the second is steadier on a shared machine). The registry uses "sef object +
 * sourceText" for transform() and "batch of 100" for transformMany(); the other ways (timed on the
 * first 300 records only) are kept here to show why they were not chosen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SaxonJS from 'saxon-js';
import { BUILTIN_CROSSWALKS } from '../src/crosswalk/builtin.js';
import { loadCrosswalks } from '../src/crosswalk/registry.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = process.argv[2] ?? path.resolve(root, '..', 'shared', 'data', 'marc', 'corpus', 'bench-corpus.xml');
const runs = Number(process.argv[3] ?? 3);

const records = [...readFileSync(corpus, 'utf8').matchAll(/<record(\s[^>]*)?>[\s\S]*?<\/record>/g)]
  .map(([record, attributes]) => (attributes?.includes('xmlns=')
    ? record : record.replace(/^<record/, '<record xmlns="http://www.loc.gov/MARC21/slim"')));

const registry = await loadCrosswalks(BUILTIN_CROSSWALKS, { rootDir: root });
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function measure(run: (list: readonly string[]) => void, list: readonly string[]): { wall: number; cpu: number } {
  run(list.slice(0, 20)); // warm-up: SaxonJS prepares expression closures on first use
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    run(list);
    const c = process.cpuUsage(c0);
    wall.push(list.length / (Number(process.hrtime.bigint() - t0) / 1e9));
    cpu.push(list.length / ((c.user + c.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

// Pre-parsed documents for the sourceNode variant (parsing is then outside the timing).
const some = records.slice(0, 300);
const parsed = new Map<string, unknown>();
for (const r of some) parsed.set(r, await SaxonJS.getResource({ text: r, type: 'xml' }));

console.log(`${records.length} records from ${corpus}, median of ${runs} runs, ${SaxonJS.getProcessorInfo().productName} ${SaxonJS.getProcessorInfo().productVersion}`);
console.log('crosswalk  way of calling                     records/s (wall)  records/s (CPU)');
for (const name of registry.names) {
  const { sefFile } = registry.info(name);
  const sefText = readFileSync(sefFile, 'utf8');
  const sef: unknown = JSON.parse(sefText);
  const serialized = { destination: 'serialized', deliverMessage: () => {} } as const;
  const ways: Array<[string, (list: readonly string[]) => void, readonly string[]]> = [
    ['registry.transform (sef object + sourceText)', (list) => { for (const r of list) registry.transform(name, r); }, records],
    ['registry.transformMany, batches of 100', (list) => {
      for (let i = 0; i < list.length; i += 100) registry.transformMany(name, list.slice(i, i + 100));
    }, records],
    ['sef object + pre-parsed sourceNode', (list) => {
      for (const r of list) SaxonJS.transform({ ...serialized, stylesheetInternal: sef, sourceNode: parsed.get(r) }, 'sync');
    }, some],
    ['stylesheetText per call', (list) => {
      for (const r of list) SaxonJS.transform({ ...serialized, stylesheetText: sefText, sourceText: r }, 'sync');
    }, some],
    ['stylesheetFileName per call', (list) => {
      for (const r of list) SaxonJS.transform({ ...serialized, stylesheetFileName: sefFile, sourceText: r }, 'sync');
    }, some],
  ];
  for (const [label, run, list] of ways) {
    const { wall, cpu } = measure(run, list);
    console.log(`${name.padEnd(10)} ${label.padEnd(45)} ${wall.toFixed(0).padStart(8)} ${cpu.toFixed(0).padStart(16)}`);
  }
}
