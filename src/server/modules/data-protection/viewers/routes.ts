import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/api/common.ts';
import { recentViewers, viewerPage, viewersQuery } from '../../../../shared/api/privacy.ts';
import { who } from '../../../platform/http/types.ts';
import * as viewers from './service.ts';

/** Who looked at a person, for the owning team's administrators, and "recently viewed by" for its readers. */
export async function viewersRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;
  const tags = ['data protection'];

  api.get('/api/v1/profiles/:id/viewers', {
    config: { permission: 'audit.view' },
    schema: { tags, summary: 'Who looked at this person: every view, download, export and change, newest first', params: idParams, querystring: viewersQuery, response: { 200: viewerPage } },
  }, (request) => runner.run(who(request), (ctx) => viewers.listViewers(ctx, request.params.id, request.query)));

  api.get('/api/v1/profiles/:id/recent-viewers', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'Who of your team opened this person lately', params: idParams, response: { 200: recentViewers } },
  }, (request) => runner.run(who(request), (ctx) => viewers.recentViewers(ctx, request.params.id)));
}
