import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/api/common.ts';
import {
  emergencyAccessBody, emergencyAccessGranted, emergencyAccessItem, emergencyAccessPage, emergencyAccessQuery, emergencyAccessState, emergencyReviewBody,
} from '../../../../shared/api/privacy.ts';
import { who } from '../../../platform/http/types.ts';
import * as emergency from './service.ts';

/** Breaking the glass on a profile, and the owners' review of each time it was done. */
export async function emergencyAccessRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;
  const tags = ['data protection'];

  api.post('/api/v1/profiles/:id/emergency-access', {
    config: { permission: 'records.emergency_access' },
    schema: { tags, summary: 'Open a profile you cannot open for 60 minutes, giving a reason; its owning team\'s admins are told', params: idParams, body: emergencyAccessBody, response: { 200: emergencyAccessGranted } },
  }, (request) => runner.run(who(request), (ctx) => emergency.breakGlass(ctx, request.params.id, request.body)));

  api.get('/api/v1/profiles/:id/emergency-access', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'Whether you hold emergency access to this profile now', params: idParams, response: { 200: emergencyAccessState } },
  }, (request) => runner.run(who(request), (ctx) => emergency.accessState(ctx, request.params.id)));

  api.get('/api/v1/emergency-access', {
    config: { permission: 'emergency_access.review' },
    schema: { tags, summary: 'Emergency accesses to records you administer, waiting for review first', querystring: emergencyAccessQuery, response: { 200: emergencyAccessPage } },
  }, (request) => runner.run(who(request), (ctx) => emergency.listAccesses(ctx, request.query)));

  api.post('/api/v1/emergency-access/:id/review', {
    config: { permission: 'emergency_access.review' },
    schema: { tags, summary: 'Sign an emergency access off as justified or not', params: idParams, body: emergencyReviewBody, response: { 200: emergencyAccessItem } },
  }, (request) => runner.run(who(request), (ctx) => emergency.review(ctx, request.params.id, request.body)));
}
