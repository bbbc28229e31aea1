const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export interface CaseClock {
  text: string;
  overdue: boolean;
}

/**
 * Where a case is in its contract (the Pathfinder deferred charge runs four months): "Day 37 of
 * 122 · 85 days left". Days count from 1 on the start date; the end date is the last day.
 */
export function caseClock(daysElapsed: number | null, daysLeft: number | null): CaseClock | null {
  if (daysElapsed !== null && daysElapsed < 0) return { text: `Starts in ${days(-daysElapsed)}`, overdue: false };
  const overdue = daysLeft !== null && daysLeft < 0;
  const left = daysLeft === null ? null : daysLeft < 0 ? `${days(-daysLeft)} overdue` : daysLeft === 0 ? 'last day' : `${days(daysLeft)} left`;
  if (daysElapsed === null) return left === null ? null : { text: capitalise(left), overdue };
  const day = daysElapsed + 1;
  const of = daysLeft === null ? '' : ` of ${daysElapsed + daysLeft + 1}`;
  return { text: `Day ${day}${of}${left === null ? '' : ` · ${left}`}`, overdue };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
