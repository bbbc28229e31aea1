import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActionList, auditEventPage, auditEventQuery, chainReport } from '../../../shared/api/audit.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['audit'];

export async function auditRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/audit-events', {
    config: { permission: 'audit.view' },
    schema: { tags, summary: 'Who did what, newest first; filter by person, record (by id, or by a name or reference) and action', querystring: auditEventQuery, response: { 200: auditEventPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listAuditEvents(ctx, request.query)));

  api.get('/api/v1/audit-events/actions', {
    config: { permission: 'audit.view' },
    schema: { tags, summary: 'The kinds of audit event, for filters', response: { 200: auditActionList } },
  }, async () => service.listActions());

  api.post('/api/v1/audit-events/verify', {
    config: { permission: 'audit.verify' },
    schema: { tags, summary: 'Check that no audit event has been changed or removed', body: z.strictObject({}).optional(), response: { 200: chainReport } },
  }, (request) => runner.run(who(request), (ctx) => service.verifyChain(ctx)));
}
