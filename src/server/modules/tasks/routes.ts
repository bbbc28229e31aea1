import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import {
  acceptTaskBody, actionPlan, actionPlanList, cancelTaskBody, completeTaskBody, createActionPlanBody, createTaskBody, declineTaskBody,
  recordTaskListQuery, task, taskListQuery, taskPage, taskProgressBody, updateActionPlanBody, updateTaskBody,
} from '../../../shared/api/tasks.ts';
import { allKinds } from '../../platform/access/kinds.ts';
import { who } from '../../platform/http/types.ts';
import { updateTask } from './change.ts';
import { acceptTask, addProgress, cancelTask, completeTask, declineTask, unwatchTask, watchTask } from './lifecycle.ts';
import { startOverdueSweep } from './overdue.ts';
import { createPlan, listPlans, updatePlan } from './plans.ts';
import * as service from './service.ts';

const tags = ['tasks'];
const view = { permission: 'records.view' } as const;
const edit = { permission: 'records.edit' } as const;

export async function taskRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  const stopSweep = startOverdueSweep(app.platform, app.log);
  app.addHook('onClose', async () => stopSweep());

  api.get('/api/v1/tasks', {
    config: view,
    schema: { tags, summary: 'Tasks set for you, for your team, by you, or that you watch', querystring: taskListQuery, response: { 200: taskPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listTasks(ctx, request.query)));

  api.post('/api/v1/tasks', {
    config: edit,
    schema: { tags, summary: 'Set a task for a person, team or organisation, on a record or standalone', body: createTaskBody, response: { 201: task } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.setTask(ctx, request.body))));

  for (const { kind, path } of allKinds) {
    api.get(`/api/v1/${path}/:id/tasks`, {
      config: view,
      schema: { tags: [path, ...tags], summary: `Tasks on this ${kind}`, params: idParams, querystring: recordTaskListQuery, response: { 200: taskPage } },
    }, (request) => runner.run(who(request), (ctx) => service.listRecordTasks(ctx, kind, request.params.id, request.query)));
  }

  api.get('/api/v1/tasks/:id', {
    config: view,
    schema: { tags, params: idParams, response: { 200: task } },
  }, (request) => runner.run(who(request), (ctx) => service.getTask(ctx, request.params.id)));

  api.patch('/api/v1/tasks/:id', {
    config: edit,
    schema: { tags, summary: 'The tasker changes the task or hands it to someone else', params: idParams, body: updateTaskBody, response: { 200: task } },
  }, (request) => runner.run(who(request), (ctx) => updateTask(ctx, request.params.id, request.body)));

  api.post('/api/v1/tasks/:id/accept', {
    config: edit,
    schema: { tags, summary: 'Take the task on', params: idParams, body: acceptTaskBody, response: { 200: task } },
  }, (request) => runner.run(who(request), (ctx) => acceptTask(ctx, request.params.id, request.body)));

  api.post('/api/v1/tasks/:id/decline', {
    config: edit,
    schema: { tags, summary: 'Send the task back to its tasker, saying why', params: idParams, body: declineTaskBody, response: { 200: task } },
  }, (request) => runner.run(who(request), (ctx) => declineTask(ctx, request.params.id, request.body)));

  api.post('/api/v1/tasks/:id/updates', {
    config: edit,
    schema: { tags, summary: 'Add a progress note', params: idParams, body: taskProgressBody, response: { 200: task } },
  }, (request) => runner.run(who(request), (ctx) => addProgress(ctx, request.params.id, request.body)));

  api.post('/api/v1/tasks/:id/complete', {
    config: edit,
    schema: { tags, summary: 'Complete the task with its result', params: idParams, body: completeTaskBody, response: { 200: task } },
  }, (request) => runner.run(who(request), (ctx) => completeTask(ctx, request.params.id, request.body)));

  api.post('/api/v1/tasks/:id/cancel', {
    config: edit,
    schema: { tags, summary: 'The tasker cancels the task', params: idParams, body: cancelTaskBody, response: { 200: task } },
  }, (request) => runner.run(who(request), (ctx) => cancelTask(ctx, request.params.id, request.body)));

  api.put('/api/v1/tasks/:id/watching', {
    config: view,
    schema: { tags, summary: 'Be told of every step of the task', params: idParams, response: { 200: task } },
  }, (request) => runner.run(who(request), (ctx) => watchTask(ctx, request.params.id)));

  api.delete('/api/v1/tasks/:id/watching', {
    config: view,
    schema: { tags, summary: 'Stop watching the task', params: idParams, response: { 200: task } },
  }, (request) => runner.run(who(request), (ctx) => unwatchTask(ctx, request.params.id)));

  const planTags = ['action plans'];

  api.get('/api/v1/cases/:id/action-plans', {
    config: view,
    schema: { tags: planTags, summary: 'The case\'s action plans, each with its tasks and progress', params: idParams, response: { 200: actionPlanList } },
  }, (request) => runner.run(who(request), (ctx) => listPlans(ctx, request.params.id)));

  api.post('/api/v1/cases/:id/action-plans', {
    config: edit,
    schema: { tags: planTags, summary: 'Start an action plan for the case', params: idParams, body: createActionPlanBody, response: { 201: actionPlan } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => createPlan(ctx, request.params.id, request.body))));

  api.patch('/api/v1/action-plans/:id', {
    config: edit,
    schema: { tags: planTags, summary: 'Rename an action plan', params: idParams, body: updateActionPlanBody, response: { 200: actionPlan } },
  }, (request) => runner.run(who(request), (ctx) => updatePlan(ctx, request.params.id, request.body)));
}
