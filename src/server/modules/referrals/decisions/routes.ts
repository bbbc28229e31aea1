import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/api/common.ts';
import { referralDecisionBody, referralDecisionReply } from '../../../../shared/api/referrals.ts';
import { who } from '../../../platform/http/types.ts';
import { decide } from './service.ts';

/** The desk's decisions on a referral: a case (new or existing) filled from it, signposting, a question to the referrer, declining. */
export async function decisionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, keyRing, mailer, publicUrl } = app.platform;
  const deps = { keyRing, mailer, publicUrl };

  api.post('/api/v1/referrals/:id/decision', {
    config: { permission: 'referrals.triage' },
    schema: {
      tags: ['referrals'],
      summary: 'Decide a referral with a reason: accept into a new case (the person, the case, the first report and any assessment filled from it) or an existing one, signpost, ask the referrer for more information, or decline',
      params: idParams,
      body: referralDecisionBody,
      response: { 200: referralDecisionReply },
    },
  }, (request) => runner.run(who(request), (ctx) => decide(ctx, deps, request.params.id, request.body)));
}
