import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import { profileSafetyPlan, safetyPlan, safetyPlanBody } from '../../../shared/api/portal.ts';
import { who, whoClient } from '../../platform/http/types.ts';
import { getClientSafetyPlan, getProfileSafetyPlan, setSafetyPlan } from './service.ts';

const tags = ['safety plans'];
const view = { permission: 'records.view' } as const;
const edit = { permission: 'records.edit' } as const;
const client = { permission: 'client', actors: ['client'] } as const;

/** The safety plan a practitioner writes with the person, and the client's own copy in the portal. */
export async function safetyPlanRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/profiles/:id/safety-plan', {
    config: view,
    schema: { tags, summary: 'The person\'s safety plan; an empty one at version 0 while they have none', params: idParams, response: { 200: profileSafetyPlan } },
  }, (request) => runner.run(who(request), (ctx) => getProfileSafetyPlan(ctx, request.params.id)));

  api.put('/api/v1/profiles/:id/safety-plan', {
    config: edit,
    schema: {
      tags,
      summary: 'Write the person\'s whole safety plan from the version read (0 for the first); 409 on a stale version',
      params: idParams,
      body: safetyPlanBody,
      response: { 200: profileSafetyPlan },
    },
  }, (request) => runner.run(who(request), (ctx) => setSafetyPlan(ctx, request.params.id, request.body)));

  api.get('/api/v1/portal/safety-plan', {
    config: client,
    schema: { tags: ['portal'], summary: 'The client\'s own safety plan, to read and print', response: { 200: safetyPlan } },
  }, (request) => runner.run(whoClient(request), (ctx) => getClientSafetyPlan(ctx)));
}
