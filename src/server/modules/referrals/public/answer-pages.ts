import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicInformationParams } from '../../../../shared/api/referrals.ts';
import { maxTextAnswer } from '../../../../shared/forms/questions.ts';
import { maxSubmissionBytes } from '../../../../shared/referrals.ts';
import { RateLimitedError } from '../../../platform/errors.ts';
import { anonymous } from '../../../platform/http/types.ts';
import { answerByToken, informationRequestByToken } from '../desk/information.ts';
import type { SendLimits } from './limits.ts';
import { linkExpired, sendPage } from './pages.ts';
import type { PageProblem } from './questions.ts';
import { linesHtml, type Pages } from './render.ts';
import { errorListOf } from './views.ts';

const open = { permission: 'public' } as const;
const answerPost = z.object({ information: z.string().optional() });
const title = 'Add information to your referral';

type Asked = NonNullable<Awaited<ReturnType<typeof informationRequestByToken>>>;

/** The referrer's link from the team's email: what the team asked, and a box to answer it once. */
export function answerPages(pages: Pages, limits: SendLimits) {
  return async (app: FastifyInstance) => {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const { runner, keyRing } = app.platform;

    const asked = (request: FastifyRequest, token: string) => runner.run(anonymous(request), (ctx) => informationRequestByToken(ctx, keyRing, token));
    const show = (reply: FastifyReply, request: Asked, action: string, information = '', problems: PageProblem[] = [], status = 200) =>
      sendPage(reply, pages, status, 'answer', {
        title, request, questionHtml: linesHtml(request.question), action, information, maxLength: maxTextAnswer, sensitive: request.sensitive,
        informationError: problems.find((p) => p.id === 'information')?.text, errorList: errorListOf(problems),
      });

    api.get('/refer/answer/:token', {
      config: open,
      schema: { hide: true, params: publicInformationParams },
    }, async (request, reply) => {
      await limits.check(request);
      const found = await asked(request, request.params.token);
      return found ? show(reply, found, request.url) : linkExpired(reply, pages);
    });

    api.post('/refer/answer/:token', {
      config: open,
      bodyLimit: maxSubmissionBytes,
      schema: { hide: true, params: publicInformationParams, body: answerPost },
    }, async (request, reply) => {
      const { token } = request.params;
      const information = (request.body.information ?? '').replaceAll('\r\n', '\n');
      const action = request.url;
      try {
        await limits.check(request);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        const found = await asked(request, token);
        if (!found) return linkExpired(reply, pages);
        reply.header('retry-after', String(error.retryAfterSeconds));
        return show(reply, found, action, information, [{ id: null, text: `${error.message} Your answer is still here.` }], 429);
      }
      const found = await asked(request, token);
      if (!found) return linkExpired(reply, pages);
      if (!information.trim()) return show(reply, found, action, information, [{ id: 'information', text: 'Enter your answer' }], 422);
      if (information.length > maxTextAnswer) {
        return show(reply, found, action, information, [{ id: 'information', text: `Your answer must be ${maxTextAnswer.toLocaleString('en-GB')} characters or fewer` }], 422);
      }
      if (!(await runner.run(anonymous(request), (ctx) => answerByToken(ctx, keyRing, token, information)))) return linkExpired(reply, pages);
      return sendPage(reply, pages, 200, 'answer-sent', { title: 'Information sent', sensitive: found.sensitive, errorList: [] });
    });
  };
}
