import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, listQuery } from '../../../shared/api/common.ts';
import { createLocationBody, location, locationListQuery, locationMatches, locationMatchQuery, locationPage, updateLocationBody } from '../../../shared/api/locations.ts';
import { historyPage } from '../../../shared/api/records.ts';
import { who } from '../../platform/http/types.ts';
import * as locations from './service.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';

const tags = ['locations'];

export async function locationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.post('/api/v1/locations', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: {
      tags,
      summary: 'Record a location, owned by your team; 409 possible_duplicate lists existing ones at the address unless confirmNoDuplicate is true',
      body: createLocationBody,
      response: { 201: location },
    },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => locations.create(ctx, request.body))));

  api.get('/api/v1/locations/matches', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: {
      tags,
      summary: 'Existing locations in the partnership that fit an address being entered, best first; ones you cannot open are locked stubs',
      querystring: locationMatchQuery,
      response: { 200: locationMatches },
    },
  }, (request) => runner.run(who(request), (ctx) => locations.matches(ctx, request.query)));

  api.get('/api/v1/locations', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: { tags, summary: 'Locations you may open, in postcode order, with coordinates for a map', querystring: locationListQuery, response: { 200: locationPage } },
  }, (request) => runner.run(who(request), (ctx) => locations.list(ctx, request.query)));

  api.get('/api/v1/locations/:id', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: { tags, summary: 'A location with its linked cases and people', params: idParams, response: { 200: location } },
  }, (request) => runner.run(who(request), (ctx) => locations.get(ctx, request.params.id)));

  api.patch('/api/v1/locations/:id', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: { tags, params: idParams, body: updateLocationBody, response: { 200: location } },
  }, (request) => runner.run(who(request), (ctx) => locations.update(ctx, request.params.id, request.body)));

  api.get('/api/v1/locations/:id/history', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: { tags, summary: 'Changes to the location, newest first', params: idParams, querystring: listQuery, response: { 200: historyPage } },
  }, (request) => runner.run(who(request), (ctx) => locations.history(ctx, request.params.id, request.query)));
}
