import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/api/common.ts';
import {
  createWebhookBody, updateWebhookBody, webhook, webhookDeliveryListQuery, webhookDeliveryPage, webhookListQuery, webhookPage, webhookPinged,
} from '../../../shared/api/webhooks.ts';
import { who } from '../../platform/http/types.ts';
import { startWebhookWork } from './delivery.ts';
import * as service from './service.ts';

const tags = ['webhooks'];
const manage = { permission: 'webhooks.manage' } as const;

/** An organisation's webhooks: its administrators set them up; the jobs queue delivers. */
export async function webhookRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, jobs, keyRing, config } = app.platform;
  const deps = { keyRing, jobs };

  const stopWork = await startWebhookWork({ runner, jobs, keyRing, config, log: app.log }, app.platform.webhooks);
  app.addHook('onClose', async () => stopWork());

  api.get('/api/v1/webhooks', {
    config: manage,
    schema: { tags, summary: "Your organisation's webhooks", querystring: webhookListQuery, response: { 200: webhookPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listHooks(ctx, request.query)));

  api.post('/api/v1/webhooks', {
    config: manage,
    schema: {
      tags,
      summary: 'Send your organisation\'s systems the events chosen, signed with the secret (which is never shown again)',
      body: createWebhookBody,
      response: { 201: webhook },
    },
  }, async (request, reply) => {
    await service.checkUrl(config, request.body.url);
    return reply.status(201).send(await runner.run(who(request), (ctx) => service.createHook(ctx, deps, request.body)));
  });

  api.get('/api/v1/webhooks/:id', {
    config: manage,
    schema: { tags, params: idParams, response: { 200: webhook } },
  }, (request) => runner.run(who(request), (ctx) => service.getHook(ctx, request.params.id)));

  api.patch('/api/v1/webhooks/:id', {
    config: manage,
    schema: { tags, summary: 'Change a webhook, or turn it off or back on', params: idParams, body: updateWebhookBody, response: { 200: webhook } },
  }, async (request) => {
    await service.checkUrl(config, request.body.url);
    return runner.run(who(request), (ctx) => service.updateHook(ctx, deps, request.params.id, request.body));
  });

  api.delete('/api/v1/webhooks/:id', {
    config: manage,
    schema: { tags, summary: 'Delete a webhook and its delivery log', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await runner.run(who(request), (ctx) => service.deleteHook(ctx, request.params.id));
    return reply.status(204).send(null);
  });

  api.get('/api/v1/webhooks/:id/deliveries', {
    config: manage,
    schema: { tags, summary: 'A webhook\'s delivery log, newest first: one entry per attempt', params: idParams, querystring: webhookDeliveryListQuery, response: { 200: webhookDeliveryPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listDeliveries(ctx, request.params.id, request.query)));

  api.post('/api/v1/webhooks/:id/ping', {
    config: manage,
    schema: { tags, summary: 'Send a test ping now; its outcome appears in the delivery log', params: idParams, body: z.strictObject({}).optional(), response: { 202: webhookPinged } },
  }, async (request, reply) => reply.status(202).send(await runner.run(who(request), (ctx) => service.pingHook(ctx, deps, request.params.id))));
}
