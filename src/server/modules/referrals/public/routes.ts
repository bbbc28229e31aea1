import type { FastifyInstance } from 'fastify';
import { publicReferralApi } from './api.ts';
import { sendLimits } from './limits.ts';
import { publicReferralPages } from './pages.ts';

/**
 * What the public reaches with no account: the referral pages at /refer/<slug> (HTML, GOV.UK
 * Design System) and their JSON twins under /api/v1/public. Both count against the same limits.
 */
export async function publicReferralRoutes(app: FastifyInstance) {
  const limits = sendLimits(app);
  await app.register(publicReferralApi(limits));
  await app.register(publicReferralPages(limits));
}
