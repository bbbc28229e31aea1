import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import { action, actionListQuery, actionPage, actionRecipientOptions, createActionBody, doneActionBody, updateActionBody } from '../../../shared/api/tasks.ts';
import { who } from '../../platform/http/types.ts';
import { sweepReminders } from './reminders.ts';
import * as service from './service.ts';

const tags = ['actions'];
// Reminders are a person's own notes: no API tokens, and read-only accounts may read what was shared with them.
const view = { permission: 'records.view' } as const;
const edit = { permission: 'records.edit' } as const;
const sweepEveryMs = 5_000;

export async function actionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/actions', {
    config: view,
    schema: { tags, summary: 'Reminders you set or that were shared with you, by due time', querystring: actionListQuery, response: { 200: actionPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listActions(ctx, request.query)));

  api.post('/api/v1/actions', {
    config: edit,
    schema: { tags, summary: 'Set a reminder for yourself, shared with members of your team if you wish', body: createActionBody, response: { 201: action } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createAction(ctx, request.body))));

  api.get('/api/v1/actions/recipients', {
    config: edit,
    schema: { tags, summary: 'The members of your team a reminder can be shared with', response: { 200: actionRecipientOptions } },
  }, (request) => runner.run(who(request), (ctx) => service.recipientOptions(ctx)));

  api.get('/api/v1/actions/:id', {
    config: view,
    schema: { tags, params: idParams, response: { 200: action } },
  }, (request) => runner.run(who(request), (ctx) => service.getAction(ctx, request.params.id)));

  api.patch('/api/v1/actions/:id', {
    config: edit,
    schema: { tags, summary: 'Change your reminder; a new time sets it to go off again', params: idParams, body: updateActionBody, response: { 200: action } },
  }, (request) => runner.run(who(request), (ctx) => service.updateAction(ctx, request.params.id, request.body)));

  api.post('/api/v1/actions/:id/done', {
    config: edit,
    schema: { tags, summary: 'Mark a reminder you set or were given as done', params: idParams, body: doneActionBody, response: { 200: action } },
  }, (request) => runner.run(who(request), (ctx) => service.markActionDone(ctx, request.params.id, request.body)));

  const timer = setInterval(() => {
    sweepReminders(runner).catch((error: unknown) => app.log.error({ err: error }, 'could not send due reminders'));
  }, sweepEveryMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
