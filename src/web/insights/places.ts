import type { Hotspot } from '../../shared/api/insights.ts';

/** A place as the tables and the map name it: its name, if it has one, before its address. */
export const placeName = (l: Hotspot['location']) => (l.name ? `${l.name}, ${l.address}` : l.address);

/** What a place or cluster weighs, in words: reports and cases together. */
export const weightWords = (weight: number) => `${weight} ${weight === 1 ? 'report or case' : 'reports and cases'}`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What was counted where the reader may not look, in words: "Another 12 places you cannot open account for 40 reports." */
export function hiddenText(count: number, reports: number, [one, many]: [string, string]): string {
  const who = count === 1 ? `Another ${one} you cannot open accounts` : `Another ${count} ${many} you cannot open account`;
  return `${who} for ${plural(reports, 'report', 'reports')}.`;
}
