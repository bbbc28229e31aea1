/**
 * The public referral pages at /refer/<slug> and the referrer's answer link at
 * /refer/answer/<token>: HTML from the server, form posts, no account, no cookie. Every problem
 * here is a page, never the API's JSON.
 */
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { GoneError, NotFoundError, RateLimitedError } from '../../../platform/errors.ts';
import { answerPages } from './answer-pages.ts';
import { formPages } from './form-pages.ts';
import type { SendLimits } from './limits.ts';
import { createPages, readAssets, type Pages } from './render.ts';
import { errorListOf } from './views.ts';

/** Sends a page; what it shows may be what someone typed, so no cache keeps it. */
export function sendPage(reply: FastifyReply, pages: Pages, status: number, name: string, context: Record<string, unknown>): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(pages.page(name, context));
}

/** A page that only says something, such as "Page not found". */
export function sendMessage(reply: FastifyReply, pages: Pages, status: number, title: string, paragraphs: string[]): FastifyReply {
  return sendPage(reply, pages, status, 'message', { title, paragraphs, errorList: errorListOf([]) });
}

export const notFound = (reply: FastifyReply, pages: Pages) => sendMessage(reply, pages, 404, 'Page not found', [
  'If you typed the web address, check it is correct.',
  'If you pasted the web address, check you copied the entire address.',
  'If the web address is correct, contact the team or organisation that gave it to you.',
]);

export const linkExpired = (reply: FastifyReply, pages: Pages) => sendMessage(reply, pages, 404, 'This link has expired or has already been used', [
  'A link to add information to a referral works once, for 28 days.',
  'If you still need to tell the team something, contact them by phone. Give them your reference number if you have it.',
]);

function renderProblem(error: FastifyError, reply: FastifyReply, pages: Pages, answerLink: boolean): FastifyReply {
  if (error instanceof NotFoundError || (hasZodFastifySchemaValidationErrors(error) && error.validationContext === 'params')) {
    return answerLink ? linkExpired(reply, pages) : notFound(reply, pages);
  }
  if (error instanceof GoneError) {
    return sendMessage(reply, pages, 410, 'This form is closed', [
      'This form is no longer taking referrals.',
      'If someone is in immediate danger, call 999.',
      'If you still need to make a referral, contact the team or organisation that gave you the link.',
    ]);
  }
  if (error instanceof RateLimitedError) {
    reply.header('retry-after', String(error.retryAfterSeconds));
    return sendMessage(reply, pages, 429, 'There is a problem', [error.message]);
  }
  if (error.statusCode === 413) {
    return sendMessage(reply, pages, 413, 'What you entered is too long to send', ['Go back, shorten your answers, and try again.']);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendMessage(reply, pages, status === 403 ? 403 : 400, 'There is a problem', ['The page you sent could not be read. Go back to the start of the form and try again.']);
  }
  reply.request.log.error({ err: error }, 'public referral page failed');
  return sendMessage(reply, pages, 500, 'Sorry, there is a problem with the service', ['Try again later.']);
}

/** The pages, their form posts (@fastify/formbody, for these routes only) and their own error pages. */
export function publicReferralPages(limits: SendLimits) {
  return async (app: FastifyInstance) => {
    await app.register(formbody);
    const pages = createPages(readAssets(app.log));
    app.setErrorHandler((error: FastifyError, request, reply) => renderProblem(error, reply, pages, request.url.startsWith('/refer/answer/')));
    await app.register(formPages(pages, limits));
    await app.register(answerPages(pages, limits));
  };
}
