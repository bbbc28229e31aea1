import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { disclosureLogExportQuery, disclosureLogPage, disclosureLogQuery } from '../../../../shared/api/retention.ts';
import { who } from '../../../platform/http/types.ts';
import { xlsxType } from '../../../platform/spreadsheet.ts';
import { exportLog, logPage } from './service.ts';

/** DPA 2018 s62: a police organisation's consultations and disclosures, and their export for the ICO. */
export async function disclosureLogRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;
  const tags = ['data protection'];
  const config = { permission: 'disclosure_log.export' } as const;

  api.get('/api/v1/disclosure-log', {
    config,
    schema: { tags, summary: 'A police organisation\'s consultations and disclosures between two dates: who, when, what, the justification and the recipients', querystring: disclosureLogQuery, response: { 200: disclosureLogPage } },
  }, (request) => runner.run(who(request), (ctx) => logPage(ctx, request.query)));

  api.get('/api/v1/disclosure-log.csv', {
    config,
    schema: { tags, summary: 'The s62 log between two dates as CSV', querystring: disclosureLogExportQuery },
  }, async (request, reply) => {
    const { body, fileName } = await runner.run(who(request), (ctx) => exportLog(ctx, request.query, 'csv'));
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return reply.type('text/csv; charset=utf-8').send(body);
  });

  api.get('/api/v1/disclosure-log.xlsx', {
    config,
    schema: { tags, summary: 'The s62 log between two dates as an XLSX workbook', querystring: disclosureLogExportQuery },
  }, async (request, reply) => {
    const { body, fileName } = await runner.run(who(request), (ctx) => exportLog(ctx, request.query, 'xlsx'));
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return reply.type(xlsxType).send(body);
  });
}
