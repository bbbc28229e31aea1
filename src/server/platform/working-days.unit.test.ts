import { describe, expect, it } from 'vitest';
import { addDays } from './london.ts';
import { addWorkingDays, decisionDueAt, extendByPause, isWorkingDay, nextWorkingDay, workingDaysBetween } from './working-days.ts';

/** The bank holidays of England and Wales as gov.uk lists them (substitute days as the day off). */
const govUkBankHolidays: Record<number, string[]> = {
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

const at = (iso: string) => new Date(iso);

describe('isWorkingDay', () => {
  it.each(Object.entries(govUkBankHolidays))('matches gov.uk for %s: weekdays less its bank holidays', (year, holidays) => {
    const closed = new Set(holidays.map((d) => `${year}-${d}`));
    const differences: string[] = [];
    for (let day = `${year}-01-01`; day.startsWith(year); day = addDays(day, 1)) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (isWorkingDay(day) !== (weekday !== 0 && weekday !== 6 && !closed.has(day))) differences.push(day);
    }
    expect(differences).toEqual([]);
  });

  it('counts the one-off bank holidays', () => {
    // The Platinum Jubilee, the Queen's funeral and the Coronation.
    expect(['2022-06-03', '2022-09-19', '2023-05-08'].map(isWorkingDay)).toEqual([false, false, false]);
  });

  it('counts weekdays and not weekends', () => {
    expect(['2026-03-02', '2026-03-06', '2026-03-07', '2026-03-08'].map(isWorkingDay)).toEqual([true, true, false, false]);
  });
});

describe('addWorkingDays', () => {
  it('counts Mondays to Fridays', () => {
    // Monday 2 March 2026: ten working days on is Monday 16 March.
    expect(addWorkingDays('2026-03-02', 10)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    // From a Saturday the Monday is the first working day.
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('skips Easter', () => {
    // Maundy Thursday 2026: Good Friday and Easter Monday are off.
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-03', 1)).toBe('2026-04-07');
  });

  it('skips Christmas, Boxing Day and their substitutes, and New Year', () => {
    // 2026: Boxing Day is a Saturday, so Monday 28 December is off.
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    // 2027: both fall at the weekend, so Monday 27 and Tuesday 28 December are off.
    expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first day up to and including the last', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-16')).toBe(10);
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0);
    // 2026 has 261 weekdays, 8 of them bank holidays.
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(253);
  });

  it('is 0 when the last day is not after the first', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween('2026-03-16', '2026-03-02')).toBe(0);
  });

  it('undoes addWorkingDays', () => {
    for (let day = '2026-12-01'; day < '2027-01-15'; day = addDays(day, 1)) {
      for (const n of [0, 1, 5, 12]) expect(workingDaysBetween(day, addWorkingDays(day, n))).toBe(n);
    }
  });
});

describe('nextWorkingDay', () => {
  it('is the day itself on a working day, else the next one', () => {
    expect(nextWorkingDay('2026-03-02')).toBe('2026-03-02');
    expect(nextWorkingDay('2026-03-07')).toBe('2026-03-09');
    expect(nextWorkingDay('2026-04-03')).toBe('2026-04-07');
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-29');
  });
});

describe('decisionDueAt', () => {
  it('is 17:00 London on the nth working day after the day it arrived, whatever the hour', () => {
    expect(decisionDueAt(at('2026-03-02T10:00:00Z'), 10)).toEqual(at('2026-03-16T17:00:00Z'));
    expect(decisionDueAt(at('2026-03-02T21:00:00Z'), 1)).toEqual(at('2026-03-03T17:00:00Z'));
    // Friday evening and the weekend count from the day they arrived: Monday is the first.
    expect(decisionDueAt(at('2026-03-06T19:00:00Z'), 1)).toEqual(at('2026-03-09T17:00:00Z'));
    expect(decisionDueAt(at('2026-03-07T10:00:00Z'), 1)).toEqual(at('2026-03-09T17:00:00Z'));
    expect(decisionDueAt(at('2026-12-24T12:00:00Z'), 2)).toEqual(at('2026-12-30T17:00:00Z'));
  });

  it('with no working days is the same day before 17:00, else the next working day', () => {
    expect(decisionDueAt(at('2026-03-02T16:59:59Z'), 0)).toEqual(at('2026-03-02T17:00:00Z'));
    expect(decisionDueAt(at('2026-03-02T17:00:00Z'), 0)).toEqual(at('2026-03-03T17:00:00Z'));
    expect(decisionDueAt(at('2026-03-07T10:00:00Z'), 0)).toEqual(at('2026-03-09T17:00:00Z'));
    // 18:00 on Maundy Thursday (British Summer Time): due on the Tuesday after Easter.
    expect(decisionDueAt(at('2026-04-02T17:00:00Z'), 0)).toEqual(at('2026-04-07T16:00:00Z'));
  });

  it('takes the London day, not the UTC one', () => {
    // 00:30 on Wednesday 1 July in London is still 30 June in UTC.
    expect(decisionDueAt(at('2026-06-30T23:30:00Z'), 0)).toEqual(at('2026-07-01T16:00:00Z'));
    expect(decisionDueAt(at('2026-06-30T23:30:00Z'), 1)).toEqual(at('2026-07-02T16:00:00Z'));
  });

  it('keeps 17:00 London across the clocks changing', () => {
    // The clocks go forward on Sunday 29 March 2026: due 17:00 BST, 16:00 UTC.
    expect(decisionDueAt(at('2026-03-27T12:00:00Z'), 1)).toEqual(at('2026-03-30T16:00:00Z'));
    // They go back on Sunday 25 October 2026: due 17:00 GMT.
    expect(decisionDueAt(at('2026-10-23T10:00:00Z'), 1)).toEqual(at('2026-10-26T17:00:00Z'));
    // 16:30 UTC is 17:30 BST, after the end of the day.
    expect(decisionDueAt(at('2026-10-23T16:30:00Z'), 0)).toEqual(at('2026-10-26T17:00:00Z'));
  });

  it('refuses a negative number of days', () => {
    expect(() => decisionDueAt(at('2026-03-02T10:00:00Z'), -1)).toThrow(RangeError);
  });
});

describe('extendByPause', () => {
  it('adds the time the clock was paused', () => {
    expect(extendByPause(at('2026-03-09T17:00:00Z'), at('2026-03-03T09:00:00Z'), at('2026-03-05T09:00:00Z'))).toEqual(at('2026-03-11T17:00:00Z'));
    expect(extendByPause(at('2026-03-09T17:00:00Z'), at('2026-03-03T09:00:00Z'), at('2026-03-03T13:30:00Z'))).toEqual(at('2026-03-09T21:30:00Z'));
  });

  it('moves off a weekend to the same London time of the next working day', () => {
    expect(extendByPause(at('2026-03-05T17:00:00Z'), at('2026-03-02T09:00:00Z'), at('2026-03-04T09:00:00Z'))).toEqual(at('2026-03-09T17:00:00Z'));
    expect(extendByPause(at('2026-03-06T12:34:56.789Z'), at('2026-03-02T09:00:00Z'), at('2026-03-03T09:00:00Z'))).toEqual(at('2026-03-09T12:34:56.789Z'));
  });

  it('moves off Easter and Christmas', () => {
    // Due Maundy Thursday 17:00 BST, paused a day: Good Friday, so the Tuesday.
    expect(extendByPause(at('2026-04-02T16:00:00Z'), at('2026-03-30T09:00:00Z'), at('2026-03-31T09:00:00Z'))).toEqual(at('2026-04-07T16:00:00Z'));
    expect(extendByPause(at('2026-12-23T17:00:00Z'), at('2026-12-14T09:00:00Z'), at('2026-12-16T09:00:00Z'))).toEqual(at('2026-12-29T17:00:00Z'));
  });

  it('keeps the London wall-clock time across the clocks changing', () => {
    // Lands on Sunday 29 March 2026 at 16:00 UTC, 17:00 BST: Monday 17:00 BST.
    expect(extendByPause(at('2026-03-27T16:00:00Z'), at('2026-03-20T09:00:00Z'), at('2026-03-22T09:00:00Z'))).toEqual(at('2026-03-30T16:00:00Z'));
    // Lands on Saturday 24 October 2026 at 17:00 BST: Monday 17:00 GMT, after the clocks went back.
    expect(extendByPause(at('2026-10-23T16:00:00Z'), at('2026-10-19T09:00:00Z'), at('2026-10-20T09:00:00Z'))).toEqual(at('2026-10-26T17:00:00Z'));
  });

  it('adds nothing for a resume stamped before its pause', () => {
    expect(extendByPause(at('2026-03-09T17:00:00Z'), at('2026-03-05T09:00:00Z'), at('2026-03-04T09:00:00Z'))).toEqual(at('2026-03-09T17:00:00Z'));
  });
});
