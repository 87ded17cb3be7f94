/**
 * OAI-PMH UTCdatetime arguments (§3.3): YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, nothing else (no
 * fractions, no offsets). The repository's granularity is seconds, so both are accepted.
 */
export type Granularity = 'day' | 'seconds';

export interface OaiDate {
  readonly granularity: Granularity;
  /** The instant the value names (the start of the day for day granularity). */
  readonly start: Date;
  /** The first instant after the value (next day, next second): the exclusive end of an inclusive `until`. */
  readonly endExclusive: Date;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Parses an argument value; undefined when it is not a legal OAI date. */
export function parseOaiDate(text: string): OaiDate | undefined {
  const day = DAY.exec(text);
  if (day) {
    const start = utc(day[1]!, day[2]!, day[3]!, '00', '00', '00');
    return start ? { granularity: 'day', start, endExclusive: new Date(start.getTime() + 86_400_000) } : undefined;
  }
  const sec = SECONDS.exec(text);
  if (sec) {
    const start = utc(sec[1]!, sec[2]!, sec[3]!, sec[4]!, sec[5]!, sec[6]!);
    return start ? { granularity: 'seconds', start, endExclusive: new Date(start.getTime() + 1000) } : undefined;
  }
  return undefined;
}

function utc(y: string, mo: string, d: string, h: string, mi: string, s: string): Date | undefined {
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  // Round trip: rejects 2002-02-30, 25:00:00 and the like.
  const ok = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d)
    && date.getUTCHours() === Number(h) && date.getUTCMinutes() === Number(mi) && date.getUTCSeconds() === Number(s);
  return ok && Number(y) >= 1 ? date : undefined;
}

/** YYYY-MM-DDThh:mm:ssZ, whole seconds (fractions truncated). */
export function formatDatestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** The instant truncated to whole seconds. */
export function floorToSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
