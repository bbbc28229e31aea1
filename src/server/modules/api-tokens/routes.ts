import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiToken, apiTokenListQuery, apiTokenPage, createApiTokenBody, createdApiToken } from '../../../shared/api/api-tokens.ts';
import { idParams } from '../../../shared/api/common.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['api tokens'];

export async function apiTokenRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/api-tokens', {
    config: { permission: 'api_tokens.manage' },
    schema: { tags, summary: "Your organisation's API tokens", querystring: apiTokenListQuery, response: { 200: apiTokenPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listTokens(ctx, request.query)));

  api.post('/api/v1/api-tokens', {
    config: { permission: 'api_tokens.manage' },
    schema: { tags, summary: 'Issue a token for one of your organisation\'s systems; the token is shown only in this reply', body: createApiTokenBody, response: { 201: createdApiToken } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createToken(ctx, request.body))));

  api.post('/api/v1/api-tokens/:id/revoke', {
    config: { permission: 'api_tokens.manage' },
    schema: { tags, params: idParams, body: z.strictObject({}).optional(), response: { 200: apiToken } },
  }, (request) => runner.run(who(request), (ctx) => service.revokeToken(ctx, request.params.id)));
}
