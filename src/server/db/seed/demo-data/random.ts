import { UUID } from 'uuidv7';

/**
 * The data set's one source of chance: mulberry32 from a fixed seed, drawn in a fixed order, so
 * every first start makes the same people, places and events (relative to its day).
 */
export function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return {
    next,
    /** A whole number from min to max, both included. */
    int,
    chance: (probability: number): boolean => next() < probability,
    pick,
    weighted<T>(choices: readonly (readonly [T, number])[]): T {
      let left = next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [value, weight] of choices) {
        left -= weight;
        if (left < 0) return value;
      }
      return choices[choices.length - 1]![0];
    },
    /** Up to n different items, in the order drawn. */
    sample<T>(list: readonly T[], n: number): T[] {
      const rest = [...list];
      const taken: T[] = [];
      while (taken.length < n && rest.length > 0) taken.push(rest.splice(Math.floor(next() * rest.length), 1)[0]!);
      return taken;
    },
    /** A UUIDv7 of the row's own time, as the app's keys are of theirs, so lists by key keep time order. */
    id(at: Date): string {
      return UUID.fromFieldsV7(at.getTime(), int(0, 0xfff), int(0, 0x3fffffff), int(0, 0xffffffff)).toString();
    },
  };
}

export type Random = ReturnType<typeof randomFrom>;
