#!/usr/bin/env node
// The libgate command: runs the compiled CLI (npm run build writes dist/).
import { main } from '../dist/src/main.js';

main(process.argv.slice(2), process.env).then(
  (status) => { process.exitCode = status; },
  (error) => {
    process.stderr.write(`libgate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
