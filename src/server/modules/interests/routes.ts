import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/api/common.ts';
import { interest, interestList, interestParams } from '../../../shared/api/notifications.ts';
import { kindAt } from '../../platform/access/kinds.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['interests'];
const view = { permission: 'records.view' } as const;

/** Registering an interest in a profile or case, to be told whenever someone else changes it. */
export async function interestRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  for (const path of interestParams.shape.kind.options) {
    const kind = kindAt(path);
    const schema = { tags, params: idParams, response: { 200: interest } };

    api.get(`/api/v1/${path}/:id/interest`, {
      config: view,
      schema: { ...schema, summary: `Whether you follow this ${kind}` },
    }, (request) => runner.run(who(request), (ctx) => service.get(ctx, kind, request.params.id)));

    api.put(`/api/v1/${path}/:id/interest`, {
      config: view,
      schema: { ...schema, summary: `Register an interest: be told whenever someone else adds or changes anything on this ${kind}`, body: z.strictObject({}).optional() },
    }, (request) => runner.run(who(request), (ctx) => service.register(ctx, kind, request.params.id)));

    api.delete(`/api/v1/${path}/:id/interest`, {
      config: view,
      schema: { ...schema, summary: `Stop following this ${kind}`, body: z.strictObject({}).optional() },
    }, (request) => runner.run(who(request), (ctx) => service.drop(ctx, kind, request.params.id)));
  }

  api.get('/api/v1/interests', {
    config: view,
    schema: { tags, summary: 'The profiles and cases you follow', response: { 200: interestList } },
  }, (request) => runner.run(who(request), (ctx) => service.list(ctx)));
}
