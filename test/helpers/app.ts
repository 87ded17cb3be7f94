import type { Express } from 'express';
import { pino } from 'pino';
import { createApp } from '../../src/app.js';
import { fixedClock, type Clock } from '../../src/clock.js';
import type { Config } from '../../src/config/schema.js';
import { noCrosswalks, type CrosswalkRegistry } from '../../src/crosswalk/registry.js';
import type { Deps } from '../../src/deps.js';
import { compileIndexMap } from '../../src/indexing/index-map.js';
import type { Database } from '../../src/store/db.js';
import { shippedConfig, storeFor } from './import.js';

export const TEST_NOW = '2026-01-15T12:00:00Z';

/** Deps for one test: the shipped config (or a variant), a fixed clock, a quiet logger, a real database. */
export function testDeps(db: Database, overrides: { config?: Config; clock?: Clock; crosswalks?: CrosswalkRegistry } = {}): Deps {
  const config = overrides.config ?? shippedConfig();
  const clock = overrides.clock ?? fixedClock(TEST_NOW);
  return { config, store: storeFor(db, config, clock), clock, log: pino({ level: 'silent' }), indexMap: compileIndexMap(config.indexes), crosswalks: overrides.crosswalks ?? noCrosswalks() };
}

export function testApp(deps: Deps): Express {
  return createApp(deps);
}
