/**
 * Koha keeps circulation datetimes as the library's wall-clock time. These helpers turn the injected
 * clock's instant into that local time for a configured IANA zone, and do day arithmetic on the
 * resulting `YYYY-MM-DD` strings (calendar days, no zone involved).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export interface LocalNow {
  /** YYYY-MM-DD */
  readonly today: string;
  /** YYYY-MM-DD HH:MM:SS */
  readonly dateTime: string;
}

export function localNow(instant: Date, timeZone: string): LocalNow {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const today = `${parts.year}-${parts.month}-${parts.day}`;
  return { today, dateTime: `${today} ${parts.hour}:${parts.minute}:${parts.second}` };
}

/** `YYYY-MM-DD` plus n calendar days. */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** A strict `YYYY-MM-DD` that names a real day (what start_date and expiry_date must be). */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
