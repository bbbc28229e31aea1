import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  caseImportColumns, importReport, locationImportColumns, maxImportCsvLength, maxImportRows, recordImportBody, userImportColumns, type ImportReport,
} from '../../../shared/api/imports.ts';
import { who } from '../../platform/http/types.ts';
import type { UserService } from '../users/service.ts';
import { importCases, importLocations, importUsers } from './service.ts';

/** A dry run only reports; a real run creates. */
const replyStatus = (report: ImportReport) => (report.dryRun ? 200 : 201);

const columnsOf = (columns: readonly { header: string; required: boolean }[]) => columns.map((c) => (c.required ? `${c.header} (required)` : c.header)).join(', ');

const runs = `Each row is reported as "create" or "error" with each field's problem. A real run creates every row in one go, or, if any row has an error, `
  + `nothing (422 with the report under error.report). At most ${maxImportRows} rows. A team is written "Organisation / Team" (or its name alone when no other team has it) and must be one you administer.`;

export function importRoutes(users: UserService) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const { runner } = app.platform;
    // The CSV travels as JSON text: room for the largest file plus the JSON around it.
    const bodyLimit = maxImportCsvLength + 256 * 1024;

    api.post('/api/v1/user-imports', {
      bodyLimit,
      config: { permission: 'users.manage', replyStatus },
      schema: {
        tags: ['users'],
        summary: `Invite users into teams from CSV (dry run first). Columns: ${columnsOf(userImportColumns)}; supervisor as yes or no`,
        description: `${runs} Each user created is sent the usual invitation email.`,
        body: recordImportBody,
        response: { 200: importReport, 201: importReport },
      },
    }, async (request, reply) => {
      const report = await runner.run(who(request), (ctx) => importUsers(ctx, users, request.body));
      return reply.status(replyStatus(report)).send(report);
    });

    api.post('/api/v1/case-imports', {
      bodyLimit,
      config: { permission: 'records.import', replyStatus },
      schema: {
        tags: ['cases'],
        summary: `Import cases from CSV (dry run first). Columns: ${columnsOf(caseImportColumns)}; opened as YYYY-MM-DD or DD/MM/YYYY; `
          + 'parent case by its reference; people as "<profile id> <role>" separated by ";"',
        description: `${runs} The owning team defaults to yours.`,
        body: recordImportBody,
        response: { 200: importReport, 201: importReport },
      },
    }, async (request, reply) => {
      const report = await runner.run(who(request), (ctx) => importCases(ctx, request.body));
      return reply.status(replyStatus(report)).send(report);
    });

    api.post('/api/v1/location-imports', {
      bodyLimit,
      config: { permission: 'records.import', replyStatus },
      schema: {
        tags: ['locations'],
        summary: `Import locations from CSV (dry run first). Columns: ${columnsOf(locationImportColumns)}`,
        description: `${runs} The owning team defaults to yours; a UPRN already on the record is refused.`,
        body: recordImportBody,
        response: { 200: importReport, 201: importReport },
      },
    }, async (request, reply) => {
      const report = await runner.run(who(request), (ctx) => importLocations(ctx, request.body));
      return reply.status(replyStatus(report)).send(report);
    });
  };
}
