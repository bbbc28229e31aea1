import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importColumns, importReport, maxImportCsvLength, maxImportRows, profileImportBody, type ImportReport } from '../../../shared/api/imports.ts';
import { who } from '../../platform/http/types.ts';
import { importProfiles } from './service.ts';

/** A dry run only reports; a real run creates. */
const replyStatus = (report: ImportReport) => (report.dryRun ? 200 : 201);

const columns = importColumns.map((c) => (c.required ? `${c.header} (required)` : c.header)).join(', ');

export async function profileImportRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.post('/api/v1/profile-imports', {
    // The CSV travels as JSON text: room for the largest file plus the JSON around it.
    bodyLimit: maxImportCsvLength + 256 * 1024,
    config: { permission: 'profiles.import', replyStatus },
    schema: {
      tags: ['profiles'],
      summary: `Import people from CSV into your team (dry run first). Header row, columns in any order, names in any case: ${columns}; `
        + 'dates as YYYY-MM-DD or DD/MM/YYYY; aliases, roles, vulnerabilities and warning markers separated by ";"',
      description: `Each row is reported as "create", "match" (someone already on the record, or an earlier row, who is not created again) or "error" with each field's problem. `
        + `A real run creates every "create" row in one go, or, if any row has an error, nothing (422 with the report under error.report). At most ${maxImportRows} rows.`,
      body: profileImportBody,
      response: { 200: importReport, 201: importReport },
    },
  }, async (request, reply) => {
    const report = await runner.run(who(request), (ctx) => importProfiles(ctx, request.body));
    return reply.status(replyStatus(report)).send(report);
  });
}
