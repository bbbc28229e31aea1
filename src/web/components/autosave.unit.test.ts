import { describe, expect, it } from 'vitest';
import { isDue, savedAt, shownOf, type AutosaveState } from './autosave.ts';

const idle: AutosaveState = { phase: 'idle' };
const saving: AutosaveState = { phase: 'saving' };
const at = new Date('2026-07-01T13:32:10Z');
const saved: AutosaveState = { phase: 'saved', at };
const offline = new Error('offline');
const failed: AutosaveState = { phase: 'failed', error: offline, changes: '{"a":1}' };
const free = (changes: string | null) => ({ changes, paused: null });

describe('isDue', () => {
  it('saves changes, and nothing when nothing has changed', () => {
    expect(isDue(idle, free('{"a":1}'))).toBe(true);
    expect(isDue(saved, free('{"a":2}'))).toBe(true);
    expect(isDue(idle, free(null))).toBe(false);
    expect(isDue(saved, free(null))).toBe(false);
  });

  it('never starts a save while one is in flight', () => {
    expect(isDue(saving, free('{"a":2}'))).toBe(false);
  });

  it('does not send the same failed changes again unasked, but does send newer ones', () => {
    expect(isDue(failed, free('{"a":1}'))).toBe(false);
    expect(isDue(failed, free('{"a":2}'))).toBe(true);
  });

  it('waits while paused, whatever has changed', () => {
    expect(isDue(idle, { changes: '{"a":1}', paused: 'a teammate saved first' })).toBe(false);
  });
});

describe('shownOf', () => {
  it('says all is saved until something changes, and when it was saved after a save', () => {
    expect(shownOf(idle, free(null))).toEqual({ kind: 'clean' });
    expect(shownOf(saved, free(null))).toEqual({ kind: 'saved', at });
    expect(shownOf(failed, free(null))).toEqual({ kind: 'clean' });
  });

  it('shows changes waiting for the pause in typing, and a save in flight', () => {
    expect(shownOf(saved, free('{"a":2}'))).toEqual({ kind: 'waiting' });
    expect(shownOf(saving, free('{"a":2}'))).toEqual({ kind: 'saving' });
  });

  it('shows a failure until the changes move on, when a new save is on its way', () => {
    expect(shownOf(failed, free('{"a":1}'))).toEqual({ kind: 'failed', error: offline });
    expect(shownOf(failed, free('{"a":2}'))).toEqual({ kind: 'waiting' });
  });

  it('says why saving has stopped while there is something unsaved', () => {
    expect(shownOf(failed, { changes: '{"a":1}', paused: 'a teammate saved first' })).toEqual({ kind: 'paused', why: 'a teammate saved first' });
    expect(shownOf(idle, { changes: null, paused: 'a teammate saved first' })).toEqual({ kind: 'clean' });
  });
});

describe('savedAt', () => {
  it('gives the time in London, in summer and in winter', () => {
    expect(savedAt(at)).toBe('Saved at 14:32');
    expect(savedAt(new Date('2026-12-01T09:05:00Z'))).toBe('Saved at 09:05');
  });
});
