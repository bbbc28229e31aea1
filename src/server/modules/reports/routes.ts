import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import { createReportBody, createSubjectReportBody, report, reportVersionList, updateReportBody } from '../../../shared/api/reports.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';
import { allKinds } from '../../platform/access/kinds.ts';

const tags = ['reports'];

/** Reports on profiles, cases and locations. Other systems may write and read them; only people edit them. */
export async function reportRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  for (const { kind, path } of allKinds) {
    api.post(`/api/v1/${path}/:id/reports`, {
      config: { permission: 'records.edit', actors: staffAndSystems },
      schema: { tags, summary: `Add a report to this ${kind}`, params: idParams, body: createReportBody, response: { 201: report } },
    }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createReport(ctx, kind, request.params.id, request.body))));
  }

  api.post('/api/v1/reports', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: {
      tags,
      summary: 'Add a report to the profile, case or location named as its subject; without occurredAt it happened now',
      body: createSubjectReportBody,
      response: { 201: report },
    },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createSubjectReport(ctx, request.body))));

  api.get('/api/v1/reports/:id', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: { tags, summary: 'A report, or a stub (type, team, date) when its visibility leaves you out', params: idParams, response: { 200: report } },
  }, (request) => runner.run(who(request), (ctx) => service.getReport(ctx, request.params.id)));

  api.patch('/api/v1/reports/:id', {
    config: { permission: 'records.edit' },
    schema: { tags, summary: 'Change your own report; the earlier wording is kept', params: idParams, body: updateReportBody, response: { 200: report } },
  }, (request) => runner.run(who(request), (ctx) => service.updateReport(ctx, request.params.id, request.body)));

  api.get('/api/v1/reports/:id/versions', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'The earlier wordings of a report you can read, newest first', params: idParams, response: { 200: reportVersionList } },
  }, (request) => runner.run(who(request), (ctx) => service.reportVersions(ctx, request.params.id)));
}
