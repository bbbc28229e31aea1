import { describe, expect, it } from 'vitest';
import { londonDayAndTime, londonInstant } from './london.ts';

describe('reminder times in London', () => {
  it('reads a winter time as GMT and a summer time as BST', () => {
    expect(londonInstant('2026-12-03', '09:05')).toBe('2026-12-03T09:05:00.000Z');
    expect(londonInstant('2026-07-01', '14:30')).toBe('2026-07-01T13:30:00.000Z');
  });

  it('gets the offset right on the days the clocks change', () => {
    expect(londonInstant('2026-03-29', '00:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(londonInstant('2026-03-29', '03:00')).toBe('2026-03-29T02:00:00.000Z');
    expect(londonInstant('2026-10-25', '03:00')).toBe('2026-10-25T03:00:00.000Z');
  });

  it('turns a moment back into the London day and time the form shows', () => {
    expect(londonDayAndTime(new Date('2026-07-01T23:30:00Z'))).toEqual({ day: '2026-07-02', time: '00:30' });
    expect(londonDayAndTime(new Date('2026-12-31T23:30:00Z'))).toEqual({ day: '2026-12-31', time: '23:30' });
  });

  it('refuses a missing or malformed date or time', () => {
    expect(londonInstant('', '09:00')).toBeNull();
    expect(londonInstant('2026-12-03', '')).toBeNull();
    expect(londonInstant('2026-13-45', '09:00')).toBeNull();
  });
});
