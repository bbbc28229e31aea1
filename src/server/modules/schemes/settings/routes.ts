import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/api/common.ts';
import { keepSafeState, scheme, schemeBody, schemeList, schemeParams } from '../../../../shared/api/schemes.ts';
import { who } from '../../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['schemes'];

/** The schemes and their set-up, and what a person's profile shows of the Keep Safe Card. */
export async function schemeSettingsRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/schemes', {
    config: { permission: 'schemes.view' },
    schema: { tags, summary: 'The schemes the reader works or administers, with counts', response: { 200: schemeList } },
  }, (request) => runner.run(who(request), (ctx) => service.listSchemes(ctx)));

  api.get('/api/v1/schemes/:scheme', {
    config: { permission: 'schemes.view' },
    schema: { tags, summary: 'A scheme\'s team, intervals and application form', params: schemeParams, response: { 200: scheme } },
  }, (request) => runner.run(who(request), (ctx) => service.getScheme(ctx, request.params.scheme)));

  api.put('/api/v1/schemes/:scheme', {
    config: { permission: 'partnerships.manage' },
    schema: { tags, summary: 'Set a scheme up: the team that runs it, its intervals and its application form; 409 on a stale version', params: schemeParams, body: schemeBody, response: { 200: scheme } },
  }, (request) => runner.run(who(request), (ctx) => service.updateScheme(ctx, request.params.scheme, request.body)));

  api.get('/api/v1/profiles/:id/keep-safe', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'Whether the person holds a Keep Safe Card; its details only for the scheme\'s staff and the holder\'s keyworker', params: idParams, response: { 200: keepSafeState } },
  }, (request) => runner.run(who(request), (ctx) => service.keepSafeOfProfile(ctx, request.params.id)));
}
