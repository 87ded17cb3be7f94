import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { Config } from './config/schema.js';
import type { CrosswalkRegistry } from './crosswalk/registry.js';
import type { IndexMap } from './indexing/index-map.js';
import type { Store } from './store/store.js';

/**
 * Everything a request handler may use, handed over as one plain object (no globals, no container).
 * Tests build it with a fixed clock and a fresh database.
 */
export interface Deps {
  readonly config: Config;
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  readonly indexMap: IndexMap;
  /** Compiled XSLT crosswalks (oai_dc, srw_dc, mods, and formats from config), loaded once at start-up. */
  readonly crosswalks: CrosswalkRegistry;
}
