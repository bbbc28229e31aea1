import { describe, expect, it } from 'vitest';
import { afterFailure, lockAfter, lockMs, waitRequired } from './throttle.ts';

const now = new Date('2026-11-22T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('sign-in throttle', () => {
  it('lets the first attempts through at once', () => {
    expect(waitRequired(null, now)).toBe(0);
    expect(waitRequired({ failures: 2, lastFailureAt: now, lockedUntil: null }, now)).toBe(0);
  });

  it('slows attempts after three failures, doubling the wait', () => {
    expect(waitRequired({ failures: 3, lastFailureAt: now, lockedUntil: null }, now)).toBe(1000);
    expect(waitRequired({ failures: 5, lastFailureAt: ago(1000), lockedUntil: null }, now)).toBe(3000);
    expect(waitRequired({ failures: 5, lastFailureAt: ago(5000), lockedUntil: null }, now)).toBe(0);
  });

  it('locks the address for fifteen minutes at the tenth failure', () => {
    const state = afterFailure({ failures: lockAfter - 1, lastFailureAt: ago(1000), lockedUntil: null }, now);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + lockMs);
    expect(waitRequired({ failures: state.failures, lastFailureAt: now, lockedUntil: state.lockedUntil }, now)).toBe(lockMs);
  });

  it('starts counting again once a lock has run out', () => {
    expect(afterFailure({ failures: lockAfter, lastFailureAt: ago(lockMs + 1), lockedUntil: ago(1) }, now)).toEqual({ failures: 1, lockedUntil: null });
  });
});
