import type { PublicSubmissionBody } from '../../src/shared/api/referrals.ts';
import type { FormDefinition } from '../../src/shared/forms/definition.ts';
import { statsOf, type Stats } from '../run/measure.ts';
import { madeUpAnswers, madeUpReferrer, madeUpSubject } from './people.ts';

export interface Sent {
  stats: Stats;
  /** Requests sent, and replies received per second over the run. */
  sent: number;
  achieved: number;
  /** How late the sender was at worst in sending a request at its time, in ms: the runner keeping up. */
  lateBy: number;
}

/** A member of the public's submission: a made-up person, referrer and answers to every question the form asks. */
function submission(definition: FormDefinition): string {
  const body: PublicSubmissionBody = { referrer: madeUpReferrer(), subject: madeUpSubject(), answers: madeUpAnswers(definition), consent: true };
  return JSON.stringify(body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `rate` submissions a second for `seconds` to the public form at `slug`, one every 1/rate s
 * whether or not earlier ones have been answered (people do not wait for each other), so a slow
 * reply shows as its own latency rather than as fewer requests sent. Each body differs; every
 * reply other than 202 is a failure.
 */
export async function sendSubmissions(url: string, slug: string, definition: FormDefinition, rate: number, seconds: number): Promise<Sent> {
  const total = Math.round(rate * seconds);
  const bodies = Array.from({ length: total }, () => submission(definition));
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  let lateBy = 0;
  const replies: Promise<void>[] = [];
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    lateBy = Math.max(lateBy, performance.now() - due);
    const at = performance.now();
    replies.push(fetch(`${url}/api/v1/public/referral-forms/${slug}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: bodies[n],
    }).then(async (response) => {
      const text = await response.text();
      latencies.push(performance.now() - at);
      if (response.status !== 202) {
        errors++;
        if (samples.length < 3) samples.push(`${response.status} ${text.slice(0, 200)}`);
      }
    }, (error: unknown) => {
      errors++;
      if (samples.length < 3) samples.push(error instanceof Error ? error.message : String(error));
    }));
  }
  await Promise.all(replies);
  const elapsed = (performance.now() - started) / 1000;
  return { stats: statsOf(latencies, errors, elapsed, samples), sent: total, achieved: (latencies.length - errors) / elapsed, lateBy };
}
