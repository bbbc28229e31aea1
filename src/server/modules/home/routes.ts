import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { home } from '../../../shared/api/home.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['home'];

export async function homeRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  // No `actors`: the default, signed-in staff users, since an API token has no day of its own.
  api.get('/api/v1/home', {
    config: { permission: 'records.view' },
    schema: {
      tags,
      summary: 'Your day: your team\'s open cases and people, tasks, today\'s reminders, assessment drafts and reviews due, followed records that changed, access requests to decide',
      response: { 200: home },
    },
  }, (request) => runner.run(who(request), (ctx) => service.getHome(ctx)));
}
