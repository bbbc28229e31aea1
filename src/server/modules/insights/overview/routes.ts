import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { overview, overviewExportQuery, overviewQuery } from '../../../../shared/api/insights.ts';
import { staffAndSystems } from '../../../platform/access/actor.ts';
import { who } from '../../../platform/http/types.ts';
import { overviewCsv, overviewXlsx, type OverviewFile } from './export.ts';
import { exportOverview, getOverview } from './service.ts';

const tags = ['insights'];
const read = { permission: 'insights.view', actors: staffAndSystems } as const;

/** The team and management dashboard, and the same figures as CSV (one table) and XLSX (every table). */
export async function overviewRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/insights/overview', {
    config: read,
    schema: { tags, summary: 'The dashboard\'s figures for a period and area, counted over what your role counts', querystring: overviewQuery, response: { 200: overview } },
  }, (request) => runner.run(who(request), (ctx) => getOverview(ctx, request.query)));

  api.get('/api/v1/insights/overview.csv', {
    config: read,
    schema: { tags, summary: 'One of the dashboard\'s tables (`table`, the summary by default) as a CSV file', querystring: overviewExportQuery },
  }, async (request, reply) => {
    const exported = await runner.run(who(request), (ctx) => exportOverview(ctx, request.query, 'csv'));
    return send(reply, overviewCsv(exported));
  });

  api.get('/api/v1/insights/overview.xlsx', {
    config: read,
    schema: { tags, summary: 'Every table of the dashboard as a sheet of an XLSX workbook', querystring: overviewQuery },
  }, async (request, reply) => {
    const exported = await runner.run(who(request), (ctx) => exportOverview(ctx, request.query, 'xlsx'));
    return send(reply, await overviewXlsx(exported));
  });
}

function send(reply: FastifyReply, file: OverviewFile) {
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  return reply.type(file.contentType).send(file.body);
}
