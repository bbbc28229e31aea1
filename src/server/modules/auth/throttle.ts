/**
 * Repeated failures at one email address are first slowed, then locked for a while. Pure rules,
 * so they can be read and tested apart from the database.
 */
export const freeAttempts = 3;
export const lockAfter = 10;
export const lockMs = 15 * 60 * 1000;
const maxDelayMs = 60 * 1000;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** How long the caller must still wait before another attempt is considered, in ms (0: go ahead). */
export function waitRequired(state: ThrottleState | null, now: Date): number {
  if (!state) return 0;
  if (state.lockedUntil && state.lockedUntil > now) return state.lockedUntil.getTime() - now.getTime();
  if (state.failures < freeAttempts) return 0;
  const delay = Math.min(maxDelayMs, 1000 * 2 ** (state.failures - freeAttempts));
  return Math.max(0, state.lastFailureAt.getTime() + delay - now.getTime());
}

export function afterFailure(state: ThrottleState | null, now: Date): { failures: number; lockedUntil: Date | null } {
  const lockExpired = state?.lockedUntil != null && state.lockedUntil <= now;
  const failures = (lockExpired ? 0 : (state?.failures ?? 0)) + 1;
  return { failures, lockedUntil: failures >= lockAfter ? new Date(now.getTime() + lockMs) : null };
}
