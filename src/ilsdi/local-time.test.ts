import { describe, expect, it } from '@jest/globals';
import { addDays, isIsoDay, localNow } from './local-time.js';

describe('local time for circulation', () => {
  it('gives the library wall-clock time in its zone, across days and DST', () => {
    expect(localNow(new Date('2026-11-25T23:30:00Z'), 'UTC')).toEqual({ today: '2026-11-25', dateTime: '2026-11-25 23:30:00' });
    expect(localNow(new Date('2026-11-25T23:30:00Z'), 'Europe/Paris')).toEqual({ today: '2026-11-26', dateTime: '2026-11-26 00:30:00' });
    expect(localNow(new Date('2026-07-01T03:00:00Z'), 'America/New_York').dateTime).toBe('2026-06-30 23:00:00');
    expect(localNow(new Date('2026-03-29T01:30:00Z'), 'Europe/London').dateTime).toBe('2026-03-29 02:30:00');
  });

  it('adds calendar days over month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-30', 21)).toBe('2027-01-20');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-30 23:59:00', 1)).toBe('2026-12-31');
  });

  it('accepts only real YYYY-MM-DD days', () => {
    expect(['2027-01-31', '2028-02-29'].every(isIsoDay)).toBe(true);
    expect(['2027-02-30', '31/12/2026', '2027-1-5', '2027-01-31T00:00', ''].some(isIsoDay)).toBe(false);
  });
});
