import { describe, expect, it } from 'vitest';
import { dueOn, extensionRefusal, pausedDaysAfter, remaining } from './clock.ts';

const state = (receivedOn: string, extended = false, pausedDays = 0) => ({ receivedOn, extended, pausedDays });

describe('the subject access clock', () => {
  it('is due the same date next month, or the last day of a shorter month', () => {
    expect(dueOn(state('2026-03-10'))).toBe('2026-04-10');
    // 31 January 2028: 29 February 2028 is a Tuesday (leap year); 2027's 28 February is a Sunday.
    expect(dueOn(state('2028-01-31'))).toBe('2028-02-29');
    expect(dueOn(state('2027-01-31'))).toBe('2027-03-01');
  });

  it('moves off weekends and bank holidays to the next working day', () => {
    // 5 September 2026 is a Saturday.
    expect(dueOn(state('2026-08-05'))).toBe('2026-09-07');
    // 25 December 2026 is a Friday (Christmas), 28 December the substitute Boxing Day.
    expect(dueOn(state('2026-11-25'))).toBe('2026-12-29');
  });

  it('extends by two months from receipt, once, only within the first month', () => {
    expect(dueOn(state('2026-03-10', true))).toBe('2026-06-10');
    expect(extensionRefusal(state('2026-03-10'), '2026-04-10', '2026-04-01')).toBeNull();
    expect(extensionRefusal(state('2026-03-10'), '2026-04-11', '2026-04-01')).toBe('extension_too_late');
    expect(extensionRefusal(state('2026-03-10'), '2026-04-01', '2026-04-20')).toBe('told_too_late');
    expect(extensionRefusal(state('2026-03-10', true), '2026-03-20', '2026-03-20')).toBe('already_extended');
  });

  it('adds the days paused for clarification', () => {
    const paused = pausedDaysAfter(0, '2026-03-12', '2026-03-19');
    expect(paused).toBe(7);
    expect(dueOn(state('2026-03-10', false, paused))).toBe('2026-04-17');
    expect(pausedDaysAfter(7, '2026-03-20', '2026-03-19')).toBe(7);
    // The first month runs later too, so an extension is still in time.
    expect(extensionRefusal(state('2026-03-10', false, 7), '2026-04-15', '2026-04-15')).toBeNull();
  });

  it('counts the days left, from the day a paused clock stopped', () => {
    expect(remaining('2026-04-10', '2026-04-01', null)).toEqual({ daysLeft: 9, overdue: false });
    expect(remaining('2026-04-10', '2026-04-12', null)).toEqual({ daysLeft: -2, overdue: true });
    expect(remaining('2026-04-10', '2026-04-12', '2026-04-05')).toEqual({ daysLeft: 5, overdue: false });
  });
});
