import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../../shared/api/common.ts';
import {
  compliance, complianceCheckParams, complianceExportQuery, complianceList, complianceListQuery, complianceQuery, expectedSharingReply,
} from '../../../../shared/api/insights.ts';
import { staffAndSystems } from '../../../platform/access/actor.ts';
import { who } from '../../../platform/http/types.ts';
import { xlsxType } from '../../../platform/spreadsheet.ts';
import { complianceCsv, complianceXlsx } from './export.ts';
import { shareAsExpected } from './fix.ts';
import { getCompliance, listGaps } from './service.ts';

const tags = ['insights'];
const view = { permission: 'insights.view', actors: staffAndSystems } as const;

/** Compliance monitoring of a team's profiles, the lists behind each figure, their exports, and sharing a profile as its cases expect. */
export async function complianceRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/insights/compliance', {
    config: view,
    schema: {
      tags,
      summary: 'How a team\'s profiles stand against each compliance check (your own team unless teamId is given): counts of every profile it owns, naming those you may open',
      querystring: complianceQuery,
      response: { 200: compliance },
    },
  }, (request) => runner.run(who(request), (ctx) => getCompliance(ctx, request.query)));

  api.get('/api/v1/insights/compliance.xlsx', {
    config: view,
    schema: { tags, summary: 'The team\'s compliance as a workbook: the summary and a sheet per check of the failing profiles you may open', querystring: complianceQuery },
  }, async (request, reply) => {
    const body = await runner.run(who(request), (ctx) => complianceXlsx(ctx, request.query));
    reply.header('content-disposition', 'attachment; filename="compliance.xlsx"');
    return reply.type(xlsxType).send(body);
  });

  api.get('/api/v1/insights/compliance.csv', {
    config: view,
    schema: { tags, summary: 'The team\'s compliance summary as CSV, or with check the failing profiles of that check you may open', querystring: complianceExportQuery },
  }, async (request, reply) => {
    const { csv, fileName } = await runner.run(who(request), (ctx) => complianceCsv(ctx, request.query));
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return reply.type('text/csv; charset=utf-8').send(csv);
  });

  api.get('/api/v1/insights/compliance/:check', {
    config: view,
    schema: {
      tags,
      summary: 'The team\'s profiles failing one check that you may open, by name, with what is missing; the others counted as hidden',
      params: complianceCheckParams,
      querystring: complianceListQuery,
      response: { 200: complianceList },
    },
  }, (request) => runner.run(who(request), (ctx) => listGaps(ctx, request.params.check, request.query)));

  api.post('/api/v1/profiles/:id/expected-sharing', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: {
      tags,
      summary: 'Share the profile with every team and organisation its open cases\' types expect, at the level expected (edit on the profile)',
      params: idParams,
      body: z.strictObject({}).optional(),
      response: { 200: expectedSharingReply },
    },
  }, (request) => runner.run(who(request), (ctx) => shareAsExpected(ctx, request.params.id)));
}
