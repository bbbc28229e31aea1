import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { outboundMessagePage, outboxQuery } from '../../../shared/api/outbox.ts';
import { who } from '../../platform/http/types.ts';
import { listOutbox } from './service.ts';

const tags = ['outbox'];

export async function outboxRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/outbox', {
    config: { permission: 'outbox.view' },
    schema: { tags, summary: 'Emails and text messages Concord has sent or tried to send, newest first', querystring: outboxQuery, response: { 200: outboundMessagePage } },
  }, (request) => runner.run(who(request), (ctx) => listOutbox(ctx, request.query)));
}
