/**
 * `npm run bench -- <name> [args]`: runs the scenario bench/<name>.ts (compiled to dist/bench/<name>.js)
 * by calling its `run(args)`. Without a name, or with an unknown one, lists the scenarios: every
 * module here that exports a `run` function.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Scenario = { run: (args: string[]) => Promise<void> };

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Harness modules: libraries for scenarios, not scenarios. */
const LIBRARIES = new Set(['run', 'dataset', 'server', 'load', 'machine', 'random']);

async function load(name: string): Promise<Scenario | undefined> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || LIBRARIES.has(name)) return undefined;
  try {
    const module = (await import(pathToFileURL(path.join(HERE, `${name}.js`)).href)) as Partial<Scenario>;
    return typeof module.run === 'function' ? (module as Scenario) : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(`${name}.js`)) return undefined;
    throw error;
  }
}

export async function scenarios(): Promise<string[]> {
  const names = readdirSync(HERE).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
  const found: string[] = [];
  for (const name of names) if (await load(name)) found.push(name);
  return found;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const scenario = name ? await load(name) : undefined;
  if (!scenario) {
    if (name && name !== '--help' && name !== '-h') process.stderr.write(`bench: no scenario named '${name}'\n`);
    process.stdout.write(`usage: npm run bench -- <scenario> [options]\n\nscenarios:\n${(await scenarios()).map((s) => `  ${s}`).join('\n')}\n`);
    return name && name !== '--help' && name !== '-h' ? 2 : 0;
  }
  await scenario.run(args);
  return 0;
}

// Exit explicitly: a scenario that leaves a pool or a timer behind must not hang the command.
main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
