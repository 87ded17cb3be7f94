/**
 * What every benchmark prints first (the machine its figures belong to) and where results go.
 * Figures without the machine are meaningless: describeMachine() is the header of every report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The PostgreSQL server benchmarks use: BENCH_ADMIN_URL, else the local test server. */
export function adminUrl(): string {
  return process.env.BENCH_ADMIN_URL || DEFAULT_ADMIN_URL;
}

/** The repository root, from dist/bench/ (compiled) or bench/ (tests). */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** bench/out (git-ignored), created on demand. */
export function outDir(): string {
  const dir = path.join(repoRoot(), 'bench', 'out');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * One line per fact: CPU model and cores, memory, OS, Node, PostgreSQL server version (asked of the
 * server at adminUrl() with psql; "unknown" when psql or the server is missing).
 */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
  const lines = [
    `CPU: ${model}, ${cpus.length} core${cpus.length === 1 ? '' : 's'} (available parallelism ${os.availableParallelism()})`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `OS: ${os.type()} ${os.release()} (${os.arch()})${containerNote()}`,
    `Node: ${process.version}`,
    `PostgreSQL: ${postgresVersion()}`,
  ];
  return lines.join('\n');
}

function postgresVersion(): string {
  const run = spawnSync('psql', [adminUrl(), '-XAtc', 'SHOW server_version'], { encoding: 'utf8', timeout: 10_000 });
  return run.status === 0 && run.stdout.trim() ? run.stdout.trim() : 'unknown';
}

function containerNote(): string {
  try {
    const cgroup = readFileSync('/proc/1/cgroup', 'utf8');
    return /docker|kubepods|containerd|lxc/.test(cgroup) || existsSync('/.dockerenv') ? ', container' : '';
  } catch {
    return '';
  }
}

/** Local time as YYYY-MM-DDTHH-MM-SS, safe in file names. */
export function timestamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}-${p(date.getMinutes())}-${p(date.getSeconds())}`;
}

/** Prints a scenario's markdown report and saves it as bench/out/<name>-<timestamp>.md; returns the path. */
export function writeResult(name: string, markdown: string): string {
  const file = path.join(outDir(), `${name}-${timestamp()}.md`);
  const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  process.stdout.write(`\n${text}`);
  writeFileSync(file, text);
  process.stdout.write(`\n(saved to ${path.relative(process.cwd(), file) || file})\n`);
  return file;
}

/** Peak resident set size (VmHWM) of a live process in MB, or undefined when it is gone. */
export function peakRssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a live process has used so far, in seconds, or undefined when it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every Linux we run on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;

/** The 1-minute load average, to print beside wall-clock figures taken on a shared machine. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' / ');
}

export interface ReportHead {
  readonly title: string;
  readonly scenario: string;
  readonly args: readonly string[];
  /** What was measured: the generated dataset or an existing database (password removed here). */
  readonly databaseUrl: string | undefined;
  readonly existingNote: string;
  readonly generatedNote: string;
  readonly load: string;
  readonly machine: string;
  readonly table: string;
  readonly peakRssMb: number;
}

/** The opening lines every HTTP scenario's report shares: command, dataset, load, machine, table, load average and RSS. */
export function reportHead(head: ReportHead): string[] {
  const dataset = head.databaseUrl
    ? `Dataset: the existing database ${head.databaseUrl.replace(/\/\/[^@]*@/, '//')}${head.existingNote}.`
    : `Dataset: ${head.generatedNote}.`;
  return [
    `# ${head.title}`,
    '',
    `Command: \`npm run bench -- ${head.scenario} ${head.args.join(' ')}\`, ${new Date().toISOString()}`,
    dataset,
    `Load: ${head.load}`,
    '',
    '```',
    head.machine,
    '```',
    '',
    head.table,
    '',
    `Load average when done: ${loadAverage()}. Server peak RSS: ${head.peakRssMb.toFixed(0)} MB.`,
    '',
  ];
}
