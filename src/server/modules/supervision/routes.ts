import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { supervision, supervisionQuery } from '../../../shared/api/supervision.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';

export async function supervisionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  // No `actors`: signed-in staff only, since supervising is a person's job, not a system's.
  api.get('/api/v1/supervision', {
    config: { permission: 'teams.supervise' },
    schema: {
      tags: ['supervision'],
      summary: 'A team as its supervisor sees it: each officer\'s caseload and overdue tasks and reviews, the cases they lead, and adjustments waiting for approval',
      querystring: supervisionQuery,
      response: { 200: supervision },
    },
  }, (request) => runner.run(who(request), (ctx) => service.getSupervision(ctx, request.query)));
}
