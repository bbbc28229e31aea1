import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { reportSearchQuery, reportSearchReply } from '../../../shared/api/insights.ts';
import { searchQuery, searchReply } from '../../../shared/api/search.ts';
import { who } from '../../platform/http/types.ts';
import { searchReports } from './reports.ts';
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
  }, (request) => runner.read(who(request), (ctx) => searching.search(ctx, request.query)));

  api.get('/api/v1/search/reports', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: {
      tags: ['search'],
      summary: 'The text of reports of your partnership (English word forms: "shouting" finds "shouted"), best match first, only those you may read on records you may open, each with a snippet in which the words found are marked',
      querystring: reportSearchQuery,
      response: { 200: reportSearchReply },
    },
  }, (request) => runner.run(who(request), (ctx) => searchReports(ctx, request.query)));
}
