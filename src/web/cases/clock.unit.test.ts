import { describe, expect, it } from 'vitest';
import { caseClock } from './clock.ts';

describe('caseClock', () => {
  it('counts the day of the contract and the days left', () => {
    expect(caseClock(36, 85)).toEqual({ text: 'Day 37 of 122 · 85 days left', overdue: false });
  });

  it('calls the start date day 1 and the end date the last day', () => {
    expect(caseClock(0, 121)).toEqual({ text: 'Day 1 of 122 · 121 days left', overdue: false });
    expect(caseClock(121, 0)).toEqual({ text: 'Day 122 of 122 · last day', overdue: false });
  });

  it('says how long a case is overdue once past its end date', () => {
    expect(caseClock(125, -4)).toEqual({ text: 'Day 126 of 122 · 4 days overdue', overdue: true });
    expect(caseClock(122, -1)).toEqual({ text: 'Day 123 of 122 · 1 day overdue', overdue: true });
  });

  it('copes with only a start date, only an end date, or neither', () => {
    expect(caseClock(9, null)).toEqual({ text: 'Day 10', overdue: false });
    expect(caseClock(null, 3)).toEqual({ text: '3 days left', overdue: false });
    expect(caseClock(null, -2)).toEqual({ text: '2 days overdue', overdue: true });
    expect(caseClock(null, null)).toBeNull();
  });

  it('counts down to a start date still to come', () => {
    expect(caseClock(-5, 130)).toEqual({ text: 'Starts in 5 days', overdue: false });
  });
});
