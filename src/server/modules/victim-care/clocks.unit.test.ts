import { describe, expect, it } from 'vitest';
import { dueAfter } from './clocks.ts';

describe('case review clocks', () => {
  it('runs each step of a case review on its own clock', () => {
    // Monday 2 March 2026: ten working days on is Monday 16 March.
    expect(dueAfter('threshold-decision', '2026-03-02')).toBe('2026-03-16');
    // Good Friday (3 April) and Easter Monday (6 April) do not count.
    expect(dueAfter('review-meeting', '2026-03-16')).toBe('2026-04-08');
    expect(dueAfter('outcome', '2026-04-08')).toBe('2026-04-15');
    // Nor does the early May bank holiday (4 May).
    expect(dueAfter('appeal', '2026-04-15')).toBe('2026-05-14');
  });

  it('skips Christmas and its substitute days', () => {
    // Friday 18 December 2026: 25 and 28 December are bank holidays, 1 January 2027 too.
    expect(dueAfter('outcome', '2026-12-18')).toBe('2026-12-29');
    expect(dueAfter('threshold-decision', '2026-12-18')).toBe('2027-01-06');
  });
});
