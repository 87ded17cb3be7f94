// Tests are TypeScript ESM transpiled by swc (no type-check here: `npm run typecheck` does that).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', {
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'es6' },
      sourceMaps: 'inline',
    }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  // A safety net against hangs, not a speed check: CI machines are shared and a CLI test spawns several
  // processes that each open an on-disk PGlite (seen: 97 s for one test at load average 13 on 2 cores).
  testTimeout: 240000,
  maxWorkers: 2,
};
