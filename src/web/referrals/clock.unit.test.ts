import { describe, expect, it } from 'vitest';
import { durationText, receivedAgo } from './clock.ts';

describe('receivedAgo', () => {
  const at = (iso: string) => new Date(iso);

  it('counts minutes and hours on the first day', () => {
    expect(receivedAgo(at('2026-03-04T10:00:00Z'), at('2026-03-04T10:00:30Z'))).toBe('Just now');
    expect(receivedAgo(at('2026-03-04T10:00:00Z'), at('2026-03-04T10:01:10Z'))).toBe('1 minute ago');
    expect(receivedAgo(at('2026-03-04T10:00:00Z'), at('2026-03-04T10:45:00Z'))).toBe('45 minutes ago');
    expect(receivedAgo(at('2026-03-04T10:00:00Z'), at('2026-03-04T13:20:00Z'))).toBe('3 hours ago');
    expect(receivedAgo(at('2026-03-04T10:00:00Z'), at('2026-03-05T09:59:00Z'))).toBe('23 hours ago');
  });

  it('counts working days after the first day, leaving out the weekend', () => {
    // Wednesday to Friday.
    expect(receivedAgo(at('2026-03-04T10:00:00Z'), at('2026-03-06T11:00:00Z'))).toBe('2 working days ago');
    // Friday to Monday: one working day.
    expect(receivedAgo(at('2026-03-06T10:00:00Z'), at('2026-03-09T11:00:00Z'))).toBe('1 working day ago');
  });

  it('counts days where no working day has passed', () => {
    // Friday evening to Sunday evening.
    expect(receivedAgo(at('2026-03-06T18:00:00Z'), at('2026-03-08T19:00:00Z'))).toBe('2 days ago');
  });

  it('reads the days in London, not UTC', () => {
    // 23:30 UTC on Sunday 29 March 2026 is 00:30 on Monday in London (summer time).
    expect(receivedAgo(at('2026-03-27T12:00:00Z'), at('2026-03-29T23:30:00Z'))).toBe('1 working day ago');
  });
});

describe('durationText', () => {
  it('says minutes, hours or days as fits', () => {
    expect(durationText(null)).toBe('—');
    expect(durationText(0.25)).toBe('15 minutes');
    expect(durationText(0.001)).toBe('1 minute');
    expect(durationText(1)).toBe('1 hour');
    expect(durationText(5.54)).toBe('5.5 hours');
    expect(durationText(47.9)).toBe('47.9 hours');
    expect(durationText(48)).toBe('2 days');
    expect(durationText(60)).toBe('2.5 days');
  });
});
