/**
 * Runs the real server for a benchmark: `node bin/libgate.js serve` (the compiled build, as users
 * run it) on a free port over a given PostgreSQL database, and reports its peak memory.
 *
 * Configuration: the shipped conf/libgate.yaml with `config` (YAML text) merged over it (objects
 * merge key by key, anything else replaces), plus server.host 127.0.0.1, the port, and
 * sample.loadWhenEmpty false (a benchmark must never load the sample behind its back). The merged
 * file is written into conf/ itself (as conf/.bench-<pid>-<port>.yaml, git-ignored, removed by
 * stop()) so that relative paths in it resolve exactly as in the shipped file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { outDir, peakRssMb, repoRoot, timestamp } from './machine.js';

export interface StartServerOptions {
  readonly databaseUrl: string;
  /** Partial configuration as YAML text, merged over conf/libgate.yaml (e.g. "server:\n  logLevel: warn\n"). */
  readonly config?: string;
  /** Default: a free port chosen by the OS. */
  readonly port?: number;
  /** Extra environment for the server process. */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra node flags (e.g. ['--cpu-prof']). */
  readonly nodeArgs?: readonly string[];
  /** How long to wait for /health to answer 200 (default 60 s). */
  readonly startTimeoutSeconds?: number;
}

export interface RunningServer {
  /** http://127.0.0.1:<port> (no trailing slash). */
  readonly baseUrl: string;
  readonly pid: number;
  /** The server's stdout/stderr (its request log), under bench/out/. */
  readonly logFile: string;
  /** Peak resident set size (VmHWM) so far, in MB; after stop(), the last value seen. */
  peakRssMb(): number;
  /** SIGTERM (graceful shutdown), then SIGKILL after 15 s; removes the merged config file. */
  stop(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const root = repoRoot();
  const port = options.port ?? (await freePort());
  const configFile = path.join(root, 'conf', `.bench-${process.pid}-${port}.yaml`);
  writeFileSync(configFile, mergedConfig(path.join(root, 'conf', 'libgate.yaml'), options.config, port));
  const logFile = path.join(outDir(), `server-${timestamp()}-${port}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(root, 'bin', 'libgate.js'), 'serve', '--config', configFile, '--port', String(port)], {
    cwd: root,
    env: { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl, LIBGATE_CONFIG: configFile, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const pid = child.pid!;
  let lastPeak = 0;
  const peak = () => {
    const now = peakRssMb(pid);
    if (now !== undefined) lastPeak = Math.max(lastPeak, now);
    return lastPeak;
  };
  const cleanup = () => rmSync(configFile, { force: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, (options.startTimeoutSeconds ?? 60) * 1000, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    cleanup();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    baseUrl,
    pid,
    logFile,
    peakRssMb: peak,
    stop() {
      stopped ??= (async () => {
        peak();
        if (child.exitCode === null && child.signalCode === null) {
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(timer);
        }
        log.end();
        cleanup();
      })();
      return stopped;
    },
  };
}

/** The shipped config with the overrides merged over it, as YAML text. */
export function mergedConfig(shippedFile: string, overrides: string | undefined, port: number): string {
  const shipped = (parseYaml(readFileSync(shippedFile, 'utf8')) ?? {}) as Record<string, unknown>;
  const extra = overrides ? ((parseYaml(overrides) ?? {}) as Record<string, unknown>) : {};
  const forced = { server: { host: '127.0.0.1', port }, sample: { loadWhenEmpty: false } };
  const merged = deepMerge(deepMerge(shipped, forced), extra);
  return `# Written by bench/server.ts for one benchmark run; removed when the server stops.\n${stringifyYaml(merged)}`;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A port the OS considers free right now (a tiny race remains; the server would then fail to start). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: string | undefined;
  child.once('exit', (code, signal) => { exit = `exited with ${signal ?? `status ${code}`}`; });
  while (Date.now() < deadline) {
    if (exit) throw new Error(`libgate serve ${exit} before answering /health; see ${logFile}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`libgate serve did not answer /health within ${timeoutMs / 1000} s; see ${logFile}:\n${tail(logFile)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}
