import { useCallback, useEffect, useRef, useState } from 'react';
import { isDue, shownOf, type AutosaveInput, type AutosaveState } from './autosave.ts';

interface Options extends AutosaveInput {
  /** Sends what has changed; throws when it was not saved. */
  save: () => Promise<void>;
  /** How long typing must pause before a save. */
  delay?: number;
}

/**
 * Saves a form's changes once typing pauses, and when the tab is hidden; one save at a time.
 * A save asked for while another is in flight waits for it and for the screen to take its
 * result (the new version), then sends what is still unsaved.
 */
export function useAutosave({ changes, paused, save, delay = 2000 }: Options) {
  const [state, setState] = useState<AutosaveState>({ phase: 'idle' });
  const latest = useRef({ save, changes, paused });
  // The save in flight; `settled` once it has answered, though the screen may not show its result yet.
  const flight = useRef<{ settled: boolean } | null>(null);
  const waiting = useRef<((saved: boolean) => void)[]>([]);

  useEffect(() => {
    latest.current = { save, changes, paused };
  });

  const start = useCallback((): Promise<boolean> => {
    if (flight.current) return new Promise((resolve) => waiting.current.push(resolve));
    const waiters = waiting.current.splice(0);
    const sent = latest.current.changes ?? '';
    const current = { settled: false };
    flight.current = current;
    setState({ phase: 'saving' });
    const done = latest.current.save().then(
      () => {
        current.settled = true;
        setState({ phase: 'saved', at: new Date() });
        return true;
      },
      (error: unknown) => {
        current.settled = true;
        setState({ phase: 'failed', error, changes: sent });
        return false;
      },
    );
    void done.then((saved) => waiters.forEach((resolve) => resolve(saved)));
    return done;
  }, []);

  const due = isDue(state, { changes, paused });
  const saving = state.phase === 'saving';
  useEffect(() => {
    if (saving) return undefined;
    // Only now, with the saved version on screen, may the next save be sent.
    if (flight.current?.settled) flight.current = null;
    // A render from before the save in flight: the next one decides.
    if (flight.current) return undefined;
    if (!due) {
      for (const resolve of waiting.current.splice(0)) resolve(changes === null);
      return undefined;
    }
    const timer = setTimeout(() => void start(), waiting.current.length > 0 ? 0 : delay);
    return () => clearTimeout(timer);
  }, [saving, due, changes, delay, start]);

  /** Saves what is unsaved now (the Save button, leaving): true once nothing is left unsaved. */
  const saveNow = useCallback((): Promise<boolean> => {
    if (flight.current) return start();
    if (latest.current.paused !== null) return Promise.resolve(false);
    if (latest.current.changes === null) return Promise.resolve(true);
    return start();
  }, [start]);

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') void saveNow();
    };
    document.addEventListener('visibilitychange', hidden);
    return () => document.removeEventListener('visibilitychange', hidden);
  }, [saveNow]);

  return {
    shown: shownOf(state, { changes, paused }),
    /** Something is not saved yet, or is being saved: leaving now could lose it. */
    pending: changes !== null || saving,
    saveNow,
  };
}

export type Autosave = ReturnType<typeof useAutosave>;
