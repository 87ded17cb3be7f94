import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { CirculationSample } from '../store/circulation-repository.js';
import type { Store } from '../store/store.js';
import { importPatrons } from './patron-import.js';

/**
 * The sample patrons and circulation that go with the sample catalogue, so every ILS-DI verb can be
 * tried on a fresh install. Files are resolved by the caller (config `ilsdi.sample`).
 * @throws when the files disagree with the catalogue: the sample is broken, not the user's data.
 */
export async function loadIlsdiSample(store: Store, files: { patrons: string; circulation: string }, options: { rounds: number; log: Logger; now: Date }) {
  const patrons = await importPatrons(files.patrons, store, { strict: true, rounds: options.rounds, log: options.log, now: options.now });
  const circulation = await store.circulation.loadSample(JSON.parse(readFileSync(files.circulation, 'utf8')) as CirculationSample);
  return { patrons: patrons.created + patrons.updated, ...circulation };
}
