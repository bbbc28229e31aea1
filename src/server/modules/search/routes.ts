import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { searchQuery, searchReply } from '../../../shared/api/search.ts';
import { who } from '../../platform/http/types.ts';
import * as searching from './service.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';

export async function searchRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/search', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: {
      tags: ['search'],
      summary: 'People (fuzzy and sound-alike names, aliases, date of birth; by postcode or street only those you may open), cases (reference, title) and locations (address, postcode) of your partnership, best first; ones you cannot open are locked stubs',
      querystring: searchQuery,
      response: { 200: searchReply },
    },
  }, (request) => runner.run(who(request), (ctx) => searching.search(ctx, request.query)));
}
