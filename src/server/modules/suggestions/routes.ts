import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/api/common.ts';
import { suggestion, suggestionAnswerBody, suggestionCreate, suggestionListQuery, suggestionPage, suggestionStatusBody } from '../../../shared/api/help.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['suggestions'];
const everyone = { permission: 'suggestions.post' } as const;
const answerers = { permission: 'suggestions.answer' } as const;

/** The suggestion box (API.md's contract: post, list with answers, answer), with support and statuses. */
export async function suggestionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/suggestions', {
    config: everyone,
    schema: { tags, summary: 'Your partnership\'s suggestions with their answers, newest or most supported first, by status if asked', querystring: suggestionListQuery, response: { 200: suggestionPage } },
  }, (request) => runner.run(who(request), (ctx) => service.list(ctx, request.query)));

  api.post('/api/v1/suggestions', {
    config: everyone,
    schema: { tags, summary: 'Make a suggestion; everyone in your partnership sees it, under review until an administrator moves it on', body: suggestionCreate, response: { 201: suggestion } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.create(ctx, request.body))));

  api.put('/api/v1/suggestions/:id/support', {
    config: everyone,
    schema: { tags, summary: 'Support a suggestion (once: supporting again changes nothing)', params: idParams, body: z.strictObject({}).optional(), response: { 200: suggestion } },
  }, (request) => runner.run(who(request), (ctx) => service.support(ctx, request.params.id)));

  api.delete('/api/v1/suggestions/:id/support', {
    config: everyone,
    schema: { tags, summary: 'Withdraw your support of a suggestion', params: idParams, body: z.strictObject({}).optional(), response: { 200: suggestion } },
  }, (request) => runner.run(who(request), (ctx) => service.withdrawSupport(ctx, request.params.id)));

  api.post('/api/v1/suggestions/:id/answer', {
    config: answerers,
    schema: { tags, summary: 'Answer a suggestion (again to replace the answer); its author and supporters are told', params: idParams, body: suggestionAnswerBody, response: { 200: suggestion } },
  }, (request) => runner.run(who(request), (ctx) => service.answer(ctx, request.params.id, request.body.body)));

  api.patch('/api/v1/suggestions/:id', {
    config: answerers,
    schema: { tags, summary: 'Move a suggestion on (planned, done, declined), from the version read; its author and supporters are told', params: idParams, body: suggestionStatusBody, response: { 200: suggestion } },
  }, (request) => runner.run(who(request), (ctx) => service.setStatus(ctx, request.params.id, request.body)));
}
