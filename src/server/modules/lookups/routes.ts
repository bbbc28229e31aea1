import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import { createLookupBody, lookup, lookupListReply, lookupQuery, updateLookupBody } from '../../../shared/api/records.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';

const tags = ['lookups'];

export async function lookupRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/lookups', {
    config: { permission: 'signed_in', actors: staffAndSystems },
    schema: { tags, summary: 'The values of your partnership\'s lists (case types, vulnerabilities, …); active ones unless includeRetired', querystring: lookupQuery, response: { 200: lookupListReply } },
  }, (request) => runner.run(who(request), (ctx) => service.listLookups(ctx, request.query)));

  api.post('/api/v1/lookups', {
    config: { permission: 'lookups.manage' },
    schema: { tags, summary: 'Add a value to one of your partnership\'s lists; the key is made from the name when not given', body: createLookupBody, response: { 201: lookup } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createLookup(ctx, request.body))));

  api.patch('/api/v1/lookups/:id', {
    config: { permission: 'lookups.manage' },
    schema: { tags, summary: 'Rename, reorder, retire (active: false) or bring back a value; values are never deleted', params: idParams, body: updateLookupBody, response: { 200: lookup } },
  }, (request) => runner.run(who(request), (ctx) => service.updateLookup(ctx, request.params.id, request.body)));
}
