import { describe, expect, it } from 'vitest';
import { addWorkingDays, dueAfter } from './clocks.ts';

describe('working days', () => {
  it('counts Mondays to Fridays only', () => {
    // Monday 2 March 2026: ten working days on is Monday 16 March.
    expect(addWorkingDays('2026-03-02', 10)).toBe('2026-03-16');
    // Friday: one working day on is the Monday.
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    // From a Saturday the Monday is the first working day.
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('runs each step of a case review on its own clock', () => {
    expect(dueAfter('threshold-decision', '2026-03-02')).toBe('2026-03-16');
    expect(dueAfter('review-meeting', '2026-03-16')).toBe('2026-04-06');
    expect(dueAfter('outcome', '2026-04-06')).toBe('2026-04-13');
    expect(dueAfter('appeal', '2026-04-13')).toBe('2026-05-11');
  });
});
