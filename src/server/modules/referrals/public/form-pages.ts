import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicFormParams, publicSubmissionBody } from '../../../../shared/api/referrals.ts';
import { maxSubmissionBytes, referencePattern } from '../../../../shared/referrals.ts';
import { RateLimitedError, ValidationError } from '../../../platform/errors.ts';
import { anonymous } from '../../../platform/http/types.ts';
import { publishedForm, type ReferralFormInUse } from '../../referral-forms/service.ts';
import { fieldNamesOfPage, firstUnfinished, isPageOf, nextPage, pageProblems, previousPage, submissionOf, type PageId } from './flow.ts';
import type { SendLimits } from './limits.ts';
import { notFound, sendPage } from './pages.ts';
import type { PageProblem } from './questions.ts';
import type { Pages } from './render.ts';
import { discardReferral, sendReferral } from './service.ts';
import { decodeState, one, type Entered } from './state.ts';
import { formContext, formPageView, type PageState } from './views.ts';

const open = { permission: 'public' } as const;
const pageParams = publicFormParams.extend({ page: z.string().max(40) });
/** A page's form post: its fields, the state, and which button was pressed. */
const pagePost = z.record(z.string().max(100), z.union([z.string(), z.array(z.string())]));
const sentQuery = z.object({ reference: z.string().max(20).optional() });

/** This page's fields as just sent, over what was entered before; a field left empty is taken out. */
function withPage(values: Entered, body: Entered, names: string[]): Entered {
  const next = { ...values };
  for (const name of names) {
    const value = body[name];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[name];
    else next[name] = value;
  }
  return next;
}

/** What the desk's checks found wrong, said on the check page (only a form changed while it was being filled in gets here). */
function refusedAnswers(form: ReferralFormInUse, error: ValidationError): PageProblem[] {
  const questions = new Map(form.definition.sections.flatMap((s) => s.questions).map((q) => [`answers.${q.key}`, q]));
  return ((error.details ?? []) as { field: string; problem: string }[]).map(({ field, problem }) => {
    const question = questions.get(field);
    return question
      ? { id: null, text: `The answer to “${question.text}” ${problem}. Select ‘Change’ to answer it again.` }
      : { id: null, text: `Something you entered could not be sent (${field} ${problem}). Check your answers and try again.` };
  });
}

export function formPages(pages: Pages, limits: SendLimits) {
  return async (app: FastifyInstance) => {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const { runner, keyRing, mailer, publicUrl } = app.platform;
    const deps = { keyRing, mailer, publicUrl };

    const loadForm = (request: FastifyRequest, slug: string) => runner.run(anonymous(request), (ctx) => publishedForm(ctx, slug));
    const show = (reply: FastifyReply, form: ReferralFormInUse, page: PageId, s: PageState, status = 200) => {
      const view = formPageView(pages, form, page, s);
      return sendPage(reply, pages, status, view.name, view.context);
    };
    const toStart = (reply: FastifyReply, form: ReferralFormInUse) => reply.redirect(`/refer/${form.slug}`, 303);

    /** Sends what was checked: the robots' field, the consent, every page again, then the desk's own checks. */
    async function send(request: FastifyRequest, reply: FastifyReply, form: ReferralFormInUse, values: Entered, body: Entered) {
      const consent = one(body.consent);
      const refused = (problems: PageProblem[], status: number) => show(reply, form, 'check', { values, problems, consent }, status);
      try {
        await limits.check(request);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        reply.header('retry-after', String(error.retryAfterSeconds));
        return refused([{ id: null, text: `${error.message} Your answers are still here.` }], 429);
      }
      if (one(body.website).trim() !== '') {
        const reference = await runner.run(anonymous(request), async (ctx) => discardReferral(ctx, form));
        return reply.redirect(`/refer/${form.slug}/sent?reference=${reference}`, 303);
      }
      if (consent !== 'yes') return refused([{ id: 'consent', text: 'Select that you understand how the information will be used' }], 422);
      const unfinished = firstUnfinished(form.definition, values);
      if (unfinished) return show(reply, form, unfinished, { values, problems: pageProblems(form.definition, unfinished, values) }, 422);
      const submission = publicSubmissionBody.safeParse(submissionOf(form.definition, values));
      if (!submission.success) {
        request.log.warn({ issues: submission.error.issues.map((i) => i.path.join('.')) }, 'a checked public referral did not fit the contract');
        return refused([{ id: null, text: 'Something you entered could not be sent. Check your answers and try again.' }], 422);
      }
      try {
        const reference = await runner.run(anonymous(request), (ctx) => sendReferral(ctx, deps, form, submission.data));
        return reply.redirect(`/refer/${form.slug}/sent?reference=${reference}`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return refused(refusedAnswers(form, error), 422);
        throw error;
      }
    }

    api.get('/refer/:slug', {
      config: open,
      schema: { hide: true, params: publicFormParams },
    }, async (request, reply) => {
      const form = await loadForm(request, request.params.slug);
      return sendPage(reply, pages, 200, 'start', { ...formContext(form), title: form.name, startHref: `/refer/${form.slug}/about-you`, errorList: [] });
    });

    // Only the first page starts from nothing, and the confirmation has nothing to carry; the
    // rest are reached by posting the state, so their address alone leads back to the start.
    api.get('/refer/:slug/:page', {
      config: open,
      schema: { hide: true, params: pageParams, querystring: sentQuery },
    }, async (request, reply) => {
      const form = await loadForm(request, request.params.slug);
      const { page } = request.params;
      if (page === 'about-you') return show(reply, form, 'about-you', { values: {} });
      const reference = request.query.reference;
      if (page === 'sent' && reference && referencePattern.test(reference)) {
        const context = formContext(form);
        return sendPage(reply, pages, 200, 'sent', { ...context, title: context.wording.sent, reference, errorList: [] });
      }
      return toStart(reply, form);
    });

    api.post('/refer/:slug/:page', {
      config: open,
      bodyLimit: maxSubmissionBytes,
      schema: { hide: true, params: pageParams, body: pagePost },
    }, async (request, reply) => {
      const { page } = request.params;
      const form = await loadForm(request, request.params.slug);
      if (!isPageOf(form.definition, page)) return notFound(reply, pages);
      const body = request.body;
      const values = decodeState(one(body.state)) ?? (page === 'about-you' ? {} : null);
      if (!values) return toStart(reply, form);
      const definition = form.definition;
      switch (one(body.go)) {
        case 'back': {
          const previous = previousPage(definition, page, values);
          return previous ? show(reply, form, previous, { values }) : toStart(reply, form);
        }
        case 'change':
          return show(reply, form, page, { values, changing: true });
      }
      if (page === 'check') return send(request, reply, form, values, body);
      const changing = one(body.changing) === 'yes';
      const entered = withPage(values, body, fieldNamesOfPage(definition, page));
      const problems = pageProblems(definition, page, entered);
      if (problems.length > 0) return show(reply, form, page, { values: entered, state: values, problems, changing }, 422);
      return show(reply, form, nextPage(definition, page, entered, changing), { values: entered });
    });

    api.get('/refer/*', { config: open, schema: { hide: true } }, async (_request, reply) => notFound(reply, pages));
  };
}
