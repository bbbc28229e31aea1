import type { FastifyBaseLogger } from 'fastify';

export interface SweepTimes {
  /** How often it runs. */
  everyMs: number;
  /** When set, it also runs this long after start-up, so a restart does not wait a whole period. */
  firstAfterMs?: number;
}

/**
 * Runs a module's sweep on a timer, logging a failure (the next run tries again) rather than
 * stopping the server. The timers do not keep the process alive. Returns the stopper, for the
 * module's `onClose`.
 */
export function startSweep(what: string, sweep: () => Promise<unknown>, times: SweepTimes, log: Pick<FastifyBaseLogger, 'error'>): () => void {
  const run = () => {
    sweep().catch((error: unknown) => log.error({ err: error }, `could not ${what}`));
  };
  const first = times.firstAfterMs === undefined ? null : setTimeout(run, times.firstAfterMs);
  const every = setInterval(run, times.everyMs);
  first?.unref();
  every.unref();
  return () => {
    if (first) clearTimeout(first);
    clearInterval(every);
  };
}
