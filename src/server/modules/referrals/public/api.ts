import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorReply } from '../../../../shared/api/common.ts';
import {
  publicFormParams, publicInformationBody, publicInformationParams, publicInformationReply, publicInformationRequest, publicSubmissionBody,
  submissionReply,
} from '../../../../shared/api/referrals.ts';
import { maxSubmissionBytes } from '../../../../shared/referrals.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { anonymous } from '../../../platform/http/types.ts';
import { publishedForm } from '../../referral-forms/service.ts';
import { answerByToken, informationRequestByToken } from '../desk/information.ts';
import type { SendLimits } from './limits.ts';
import { sendReferral } from './service.ts';

const tags = ['referrals'];
const open = { permission: 'public' } as const;

/** The public form's JSON: a referral sent with no account, and the referrer's answer to the team's question. */
export function publicReferralApi(limits: SendLimits) {
  return async (app: FastifyInstance) => {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const { runner, keyRing, mailer, publicUrl } = app.platform;
    const deps = { keyRing, mailer, publicUrl };

    api.post('/api/v1/public/referral-forms/:slug/submissions', {
      config: open,
      bodyLimit: maxSubmissionBytes,
      schema: {
        tags,
        summary: 'Send a referral on a published form, with no sign-in: 202 with its reference and nothing else; rate limited per address and per form',
        params: publicFormParams,
        body: publicSubmissionBody,
        response: { 202: submissionReply, 404: errorReply, 410: errorReply, 413: errorReply, 422: errorReply, 429: errorReply },
      },
      // Counted before the body is checked, so a stream of bad bodies meets the limit too.
      preValidation: (request) => limits.check(request),
    }, async (request, reply) => {
      const reference = await runner.run(anonymous(request), async (ctx) => sendReferral(ctx, deps, await publishedForm(ctx, request.params.slug), request.body));
      return reply.status(202).send({ reference });
    });

    api.get('/api/v1/public/referral-information/:token', {
      config: open,
      schema: {
        tags,
        summary: 'What the team asked the referrer, from the link emailed to them: 404 once it has been answered or after 28 days',
        params: publicInformationParams,
        response: { 200: publicInformationRequest, 404: errorReply, 429: errorReply },
      },
      preValidation: (request) => limits.check(request),
    }, async (request) => {
      const asked = await runner.run(anonymous(request), (ctx) => informationRequestByToken(ctx, keyRing, request.params.token));
      if (!asked) throw new NotFoundError('request for information');
      return asked;
    });

    api.post('/api/v1/public/referral-information/:token', {
      config: open,
      bodyLimit: maxSubmissionBytes,
      schema: {
        tags,
        summary: 'The referrer\'s answer to the team\'s question, through the emailed link; it works once',
        params: publicInformationParams,
        body: publicInformationBody,
        response: { 202: publicInformationReply, 404: errorReply, 413: errorReply, 422: errorReply, 429: errorReply },
      },
      preValidation: (request) => limits.check(request),
    }, async (request, reply) => {
      const answered = await runner.run(anonymous(request), (ctx) => answerByToken(ctx, keyRing, request.params.token, request.body.information));
      if (!answered) throw new NotFoundError('request for information');
      return reply.status(202).send({ message: 'Thank you. The team has your answer.' });
    });
  };
}
