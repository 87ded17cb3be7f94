import { describe, expect, it } from '@jest/globals';
import { formatDatestamp, parseOaiDate } from './dates.js';

describe('OAI dates', () => {
  it('accepts the two granularities, with inclusive ends', () => {
    expect(parseOaiDate('2026-01-10')).toEqual({ granularity: 'day', start: new Date('2026-01-10T00:00:00Z'), endExclusive: new Date('2026-01-11T00:00:00Z') });
    expect(parseOaiDate('2026-01-10T09:30:00Z')).toEqual({ granularity: 'seconds', start: new Date('2026-01-10T09:30:00Z'), endExclusive: new Date('2026-01-10T09:30:01Z') });
  });

  it.each(['junk', '', '2026-1-10', '2026-01-10T09:30Z', '2026-01-10T09:30:00', '2026-01-10T09:30:00.5Z', '2026-01-10T09:30:00+01:00',
    '2026-02-30', '2026-13-01', '2026-01-10T24:00:00Z', '2026-01-10 09:30:00Z', ' 2026-01-10', '0000-01-01'])('rejects %p', (text) => {
    expect(parseOaiDate(text)).toBeUndefined();
  });

  it('formats whole seconds with Z', () => {
    expect(formatDatestamp(new Date('2026-01-10T09:30:00.987Z'))).toBe('2026-01-10T09:30:00Z');
  });
});
