import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import { subjectTimelineQuery, timelinePage, timelineQuery } from '../../../shared/api/reports.ts';
import { who } from '../../platform/http/types.ts';
import { recordTimeline } from './service.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';
import { allKinds } from '../../platform/access/kinds.ts';

/** One timeline per profile, case and location: people read it on the record's page, other systems through the contract's route. */
export async function timelineRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  for (const { kind, path } of allKinds) {
    api.get(`/api/v1/${path}/:id/timeline`, {
      config: { permission: 'records.view' },
      schema: {
        tags: ['timeline'],
        summary: `What has happened on this ${kind}, newest first: reports, tasks, reminders, documents and changes`,
        params: idParams,
        querystring: timelineQuery,
        response: { 200: timelinePage },
      },
    }, (request) => runner.read(who(request), (ctx) => recordTimeline(ctx, kind, request.params.id, request.query)));
  }

  api.get('/api/v1/timeline', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: {
      tags: ['timeline'],
      summary: 'What has happened on the profile, case or location named by subjectType and subjectId, newest first',
      querystring: subjectTimelineQuery,
      response: { 200: timelinePage },
    },
  }, (request) => {
    const { subjectType, subjectId, ...query } = request.query;
    return runner.read(who(request), (ctx) => recordTimeline(ctx, subjectType, subjectId, query));
  });
}
