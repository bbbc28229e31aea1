/** Where autosaving stands: `failed` keeps the changes it tried, so the same ones are not sent again unasked. */
export type AutosaveState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved'; at: Date }
  | { phase: 'failed'; error: unknown; changes: string };

/** What the person is shown. */
export type AutosaveShown =
  | { kind: 'clean' }
  | { kind: 'waiting' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: unknown }
  | { kind: 'paused'; why: string };

/**
 * `changes`: what would be saved now, as text, or null when nothing differs from what is saved.
 * `paused`: why saving has stopped until the person acts (a teammate saved first), or null.
 */
export interface AutosaveInput {
  changes: string | null;
  paused: string | null;
}

/** Whether a save should follow the pause in typing: never over one in flight, nor the same failed changes again. */
export function isDue(state: AutosaveState, { changes, paused }: AutosaveInput): boolean {
  if (changes === null || paused !== null || state.phase === 'saving') return false;
  return !(state.phase === 'failed' && state.changes === changes);
}

export function shownOf(state: AutosaveState, { changes, paused }: AutosaveInput): AutosaveShown {
  if (state.phase === 'saving') return { kind: 'saving' };
  if (changes === null) return state.phase === 'saved' ? { kind: 'saved', at: state.at } : { kind: 'clean' };
  if (paused !== null) return { kind: 'paused', why: paused };
  if (state.phase === 'failed' && state.changes === changes) return { kind: 'failed', error: state.error };
  return { kind: 'waiting' };
}

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Saved at 14:32", in UK time whatever the computer's clock is set to. */
export const savedAt = (at: Date) => `Saved at ${clock.format(at)}`;
