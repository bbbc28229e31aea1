import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bankQuestion, bankQuestionPage, bankQuestionQuery, createBankQuestionBody, updateBankQuestionBody } from '../../../../shared/api/assessments.ts';
import { idParams } from '../../../../shared/api/common.ts';
import { who } from '../../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['assessments'];
const read = { permission: 'records.view' } as const;
// Submitting a question needs only records.edit; the service decides who may change which question.
const write = { permission: 'records.edit' } as const;

export async function bankRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/assessment-questions', {
    config: read,
    schema: { tags, summary: 'The question bank by wording: curators see every question, others the approved ones and their own submissions', querystring: bankQuestionQuery, response: { 200: bankQuestionPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listQuestions(ctx, request.query)));

  api.get('/api/v1/assessment-questions/:id', {
    config: read,
    schema: { tags, summary: 'One question of the bank', params: idParams, response: { 200: bankQuestion } },
  }, (request) => runner.run(who(request), (ctx) => service.getQuestion(ctx, request.params.id)));

  api.post('/api/v1/assessment-questions', {
    config: write,
    schema: { tags, summary: 'Submit a question to the bank; a curator\'s goes straight in', body: createBankQuestionBody, response: { 201: bankQuestion } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createQuestion(ctx, request.body))));

  api.patch('/api/v1/assessment-questions/:id', {
    config: write,
    schema: { tags, summary: 'Curators edit, approve or retire a question; a submitter may reword their own until it is decided', params: idParams, body: updateBankQuestionBody, response: { 200: bankQuestion } },
  }, (request) => runner.run(who(request), (ctx) => service.updateQuestion(ctx, request.params.id, request.body)));
}
