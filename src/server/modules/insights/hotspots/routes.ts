import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hotspotExportQuery, hotspotQuery, hotspots } from '../../../../shared/api/insights.ts';
import { staffAndSystems } from '../../../platform/access/actor.ts';
import { who } from '../../../platform/http/types.ts';
import { hotspotsCsv, hotspotsXlsx, type HotspotFile } from './export.ts';
import { exportHotspots, getHotspots } from './service.ts';

const tags = ['insights'];
const read = { permission: 'insights.view', actors: staffAndSystems } as const;

/** Hotspots (places weighed by reports and cases, the people most reported on), and the same as CSV (one table) and XLSX (both). */
export async function hotspotRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/insights/hotspots', {
    config: read,
    schema: {
      tags,
      summary: 'Places weighed by their reports and open cases in a period and area, and the people with most reports of a type (ASB complaints by default); only those you may open are named, the rest are counted',
      querystring: hotspotQuery,
      response: { 200: hotspots },
    },
  }, (request) => runner.run(who(request), (ctx) => getHotspots(ctx, request.query)));

  api.get('/api/v1/insights/hotspots.csv', {
    config: read,
    schema: { tags, summary: 'One table of the hotspots (`table`: the top locations by default, or the top callers) as a CSV file', querystring: hotspotExportQuery },
  }, async (request, reply) => {
    const exported = await runner.run(who(request), (ctx) => exportHotspots(ctx, request.query, 'csv'));
    return send(reply, hotspotsCsv(exported));
  });

  api.get('/api/v1/insights/hotspots.xlsx', {
    config: read,
    schema: { tags, summary: 'The top locations and top callers as sheets of an XLSX workbook', querystring: hotspotQuery },
  }, async (request, reply) => {
    const exported = await runner.run(who(request), (ctx) => exportHotspots(ctx, request.query, 'xlsx'));
    return send(reply, await hotspotsXlsx(exported));
  });
}

function send(reply: FastifyReply, file: HotspotFile) {
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  return reply.type(file.contentType).send(file.body);
}
