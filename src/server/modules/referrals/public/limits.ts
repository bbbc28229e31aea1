/**
 * How often the public may send: per address (REFERRAL_RATE_LIMIT_PER_ADDRESS in 10 minutes) and
 * per form (REFERRAL_RATE_LIMIT_PER_FORM a minute, whoever sends). Both count every attempt to
 * send, by the page or the JSON route alike, and are read from the settings at each one.
 *
 * The checks are @fastify/rate-limit's counters called from the handler rather than its route
 * hooks: one request runs only the first of a route's hooks, and the page that was refused must
 * keep what the person typed, which only the handler has.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../../../platform/errors.ts';

export interface SendLimits {
  /** Counts a send from the request's address, and to the form its path names if any (an answer through a link names none); 429 past either limit. */
  check(request: FastifyRequest): Promise<void>;
}

const addressWindow = 10 * 60_000;
const formWindow = 60_000;

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
const slugOf = (request: FastifyRequest) => (request.params as { slug?: string }).slug?.trim().toLowerCase();

export function sendLimits(app: FastifyInstance): SendLimits {
  const { referralRateLimit } = app.platform.config;
  const byAddress = app.createRateLimit({
    keyGenerator: (request) => `referral-sender:${request.ip}`,
    max: () => referralRateLimit.perAddress,
    timeWindow: addressWindow,
  });
  const byForm = app.createRateLimit({
    keyGenerator: (request) => `referral-form:${slugOf(request) ?? ''}`,
    max: () => referralRateLimit.perForm,
    timeWindow: formWindow,
  });

  return {
    async check(request) {
      const sender = await byAddress(request);
      if (!sender.isAllowed && sender.isExceeded) {
        const wait = minutes(sender.ttlInSeconds);
        throw new RateLimitedError(sender.ttlInSeconds, `Too many referrals have been sent from your connection. Try again in ${wait} minute${wait === 1 ? '' : 's'}.`);
      }
      if (slugOf(request) === undefined) return;
      const form = await byForm(request);
      if (!form.isAllowed && form.isExceeded) {
        throw new RateLimitedError(form.ttlInSeconds, 'This form is taking a lot of referrals at the moment. Try again in a minute.');
      }
    },
  };
}
