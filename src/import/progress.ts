import { SingleBar, Presets } from 'cli-progress';
import type { ImportProgress } from './import-run.js';

export interface ProgressDisplay {
  update(progress: ImportProgress): void;
  stop(): void;
}

/**
 * A progress bar (records/s, count, ETA by bytes when the size is known) on a terminal; a plain line
 * every few seconds otherwise, so logs of unattended imports stay readable.
 */
export function progressDisplay(stream: NodeJS.WriteStream, now: () => number = Date.now): ProgressDisplay {
  const started = now();
  if (stream.isTTY) {
    const bar = new SingleBar(
      { format: ' {file} |{bar}| {percentage}% | {records} records | {rate} records/s | ETA {eta_formatted}', stream, hideCursor: true, etaBuffer: 50 },
      Presets.shades_classic,
    );
    let current = '';
    return {
      update(p) {
        const rate = Math.round(p.records / Math.max(0.001, (now() - started) / 1000));
        const payload = { file: p.file.split('/').pop(), records: p.records, rate };
        if (current !== p.file) {
          if (current) bar.stop();
          current = p.file;
          bar.start(p.size ?? 0, p.bytes, payload);
        } else bar.update(p.bytes, payload);
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p) {
      const t = now();
      if (t - last < 5000) return;
      last = t;
      const rate = Math.round(p.records / Math.max(0.001, (t - started) / 1000));
      const share = p.size ? ` (${Math.floor((100 * p.bytes) / p.size)}%)` : '';
      stream.write(`import: ${p.file}: ${p.records} records${share}, ${rate} records/s\n`);
    },
    stop() {},
  };
}
