import type { Lookup } from '../../../shared/api/records.ts';

export interface PositionChange {
  value: Lookup;
  position: number;
}

/**
 * The position changes that move one value a place up or down. Two values with their own places
 * swap them; when values share a place (set by hand), the whole list is numbered afresh so the
 * move shows.
 */
export function moveChanges(values: Lookup[], index: number, direction: -1 | 1): PositionChange[] {
  const other = index + direction;
  const a = values[index];
  const b = values[other];
  if (!a || !b) return [];
  if (a.position !== b.position) return [{ value: a, position: b.position }, { value: b, position: a.position }];
  const order = [...values];
  order[index] = b;
  order[other] = a;
  return order.flatMap((value, position) => (value.position === position ? [] : [{ value, position }]));
}
