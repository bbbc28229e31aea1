import { describe, expect, it } from 'vitest';
import { dateProblem, isoOf, partsOf, readBack, valueOf } from './dateParts.ts';

const typed = (day: string, month: string, year: string) => valueOf({ day, month, year });

describe('a date typed as day, month and year', () => {
  it('keeps what was typed, and gives the ISO date only once there is one', () => {
    expect(typed('', '', '')).toBe('');
    expect(partsOf(typed('3', '', '19'))).toEqual({ day: '3', month: '', year: '19' });
    expect(isoOf(typed('3', '4', '1990'))).toBe('1990-04-03');
    expect(partsOf('1990-04-12')).toEqual({ day: '12', month: '04', year: '1990' });
    expect(readBack(typed('12', '4', '1990'))).toBe('12 April 1990');
    expect(readBack(typed('31', '2', '1990'))).toBeNull();
  });

  it('says what is missing or wrong, and catches a date keyed month first', () => {
    const problem = (day: string, month: string, year: string) => dateProblem(typed(day, month, year), 'Date of birth');
    expect(problem('', '', '')).toBeNull();
    expect(problem('12', '4', '1990')).toBeNull();
    expect(problem('12', '', '1990')).toBe('Date of birth must include a month');
    expect(problem('', '', '1990')).toBe('Date of birth must include a day and a month');
    expect(problem('1x', '4', '1990')).toBe('Date of birth must be a real date, in numbers');
    expect(problem('12', '4', '90')).toBe('Date of birth: the year must have 4 numbers');
    expect(problem('4', '25', '1990')).toBe('Date of birth must be a real date: the month comes second (day, month, year)');
    expect(problem('31', '2', '1990')).toBe('Date of birth must be a real date');
    expect(problem('1', '1', String(new Date().getFullYear() + 1))).toBe('Date of birth must be in the past');
  });
});
