import { describe, expect, it } from '@jest/globals';
import { fixedClock } from './clock.js';

describe('fixedClock', () => {
  it('always answers the same instant', () => {
    const clock = fixedClock('2024-01-02T03:04:05Z');
    expect(clock.now().toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(clock.now().getTime()).toBe(clock.now().getTime());
  });
  it('rejects a non-date', () => {
    expect(() => fixedClock('junk')).toThrow(/not a date/);
  });
});
