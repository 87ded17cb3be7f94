/** What an import did, reported at the end and returned to callers (tests, the sample loader). */
export interface ImportReport {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  skipped: number;
  /** Characters XML 1.0 forbids, removed or replaced on the way in. */
  illegalCharsReplaced: number;
  /** Records read with repairs (charset, indicators, …). */
  repaired: number;
  /** Skipped records with where they were; capped at MAX_SKIP_DETAILS (counts stay exact). */
  skips: SkipDetail[];
  skipReasons: Record<string, number>;
}

export interface SkipDetail {
  readonly file: string;
  /** 1-based record number within the file. */
  readonly position: number;
  readonly reason: string;
}

export const MAX_SKIP_DETAILS = 1000;

export function emptyReport(): ImportReport {
  return {
    read: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, skipped: 0,
    illegalCharsReplaced: 0, repaired: 0, skips: [], skipReasons: {},
  };
}

export function recordSkip(report: ImportReport, detail: SkipDetail): void {
  report.skipped += 1;
  const reasonKey = detail.reason.replace(/:.*$/, '');
  report.skipReasons[reasonKey] = (report.skipReasons[reasonKey] ?? 0) + 1;
  if (report.skips.length < MAX_SKIP_DETAILS) report.skips.push(detail);
}

/** Human summary, one fact per line. */
export function formatReport(report: ImportReport, seconds: number): string {
  const rate = seconds > 0 ? Math.round(report.read / seconds) : report.read;
  const lines = [
    `read ${report.read} records in ${seconds.toFixed(1)} s (${rate} records/s)`,
    `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, deleted ${report.deleted}, skipped ${report.skipped}`,
  ];
  if (report.illegalCharsReplaced > 0) lines.push(`${report.illegalCharsReplaced} characters not allowed in XML were removed or replaced`);
  if (report.repaired > 0) lines.push(`${report.repaired} records were repaired while reading (see warnings in the log)`);
  for (const [reason, count] of Object.entries(report.skipReasons)) lines.push(`skipped ${count}: ${reason}`);
  for (const skip of report.skips.slice(0, 20)) lines.push(`  ${skip.file} record ${skip.position}: ${skip.reason}`);
  if (report.skipped > 20) lines.push(`  … ${report.skipped - 20} more skipped records are in the log`);
  return lines.join('\n');
}
