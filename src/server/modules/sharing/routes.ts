import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/api/common.ts';
import {
  accessList, accessRequest, accessRequestListQuery, accessRequestPage, createAccessRequestBody, decideAccessRequestBody,
  shareBody, unshareBody,
} from '../../../shared/api/records.ts';
import { allKinds } from '../../platform/access/kinds.ts';
import { who } from '../../platform/http/types.ts';
import { createAccessRequestService } from './access-requests.ts';
import * as sharing from './service.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';

/** Sharing and access requests, the same for profiles, cases and locations. */
export async function sharingRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;
  const requests = createAccessRequestService();

  for (const { kind, path } of allKinds) {
    const tags = [path];

    api.get(`/api/v1/${path}/:id/access`, {
      config: { permission: 'records.view', actors: staffAndSystems },
      schema: { tags, summary: `Who can open this ${kind}`, params: idParams, response: { 200: accessList } },
    }, (request) => runner.run(who(request), (ctx) => sharing.getAccessList(ctx, kind, request.params.id)));

    api.post(`/api/v1/${path}/:id/access`, {
      config: { permission: 'records.edit', actors: staffAndSystems },
      schema: { tags, summary: `Share this ${kind} with a team or organisation, or change their level`, params: idParams, body: shareBody, response: { 200: accessList } },
    }, (request) => runner.run(who(request), (ctx) => sharing.share(ctx, kind, request.params.id, request.body)));

    api.delete(`/api/v1/${path}/:id/access`, {
      config: { permission: 'records.edit', actors: staffAndSystems },
      schema: { tags, summary: `Stop sharing this ${kind} with a team or organisation`, params: idParams, body: unshareBody, response: { 200: accessList } },
    }, (request) => runner.run(who(request), (ctx) => sharing.unshare(ctx, kind, request.params.id, request.body)));

    api.post(`/api/v1/${path}/:id/access-requests`, {
      config: { permission: 'records.view' },
      schema: { tags, summary: `Ask the owning team for access to this ${kind}`, params: idParams, body: createAccessRequestBody, response: { 201: accessRequest } },
    }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => requests.create(ctx, kind, request.params.id, request.body))));
  }

  const tags = ['access requests'];

  api.get('/api/v1/access-requests', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'Requests you made, or requests for records your team holds', querystring: accessRequestListQuery, response: { 200: accessRequestPage } },
  }, (request) => runner.run(who(request), (ctx) => requests.list(ctx, request.query)));

  api.get('/api/v1/access-requests/:id', {
    config: { permission: 'records.view' },
    schema: { tags, params: idParams, response: { 200: accessRequest } },
  }, (request) => runner.run(who(request), (ctx) => requests.get(ctx, request.params.id)));

  api.post('/api/v1/access-requests/:id/approve', {
    config: { permission: 'access_requests.decide' },
    schema: { tags, summary: 'Give the requesting team view access', params: idParams, body: decideAccessRequestBody, response: { 200: accessRequest } },
  }, (request) => runner.run(who(request), (ctx) => requests.approve(ctx, request.params.id, request.body)));

  api.post('/api/v1/access-requests/:id/refuse', {
    config: { permission: 'access_requests.decide' },
    schema: { tags, params: idParams, body: decideAccessRequestBody, response: { 200: accessRequest } },
  }, (request) => runner.run(who(request), (ctx) => requests.refuse(ctx, request.params.id, request.body)));

  api.post('/api/v1/access-requests/:id/withdraw', {
    config: { permission: 'records.view' },
    schema: { tags, params: idParams, body: z.strictObject({}).optional(), response: { 200: accessRequest } },
  }, (request) => runner.run(who(request), (ctx) => requests.withdraw(ctx, request.params.id)));
}
