import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';
import { who } from '../../platform/http/types.ts';
import { renderSummary } from './pdf.ts';
import { caseSummary, profileSummary, type SummaryExport } from './service.ts';

const tags = ['summaries'];
const config = { permission: 'records.view', actors: staffAndSystems } as const;

/** PDF summaries of a case or a person, of what the caller may see. */
export async function summaryRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  // Drawn after the transaction commits: the embedded database has one connection, and laying out
  // 200 timeline entries should not hold it.
  const send = async (reply: FastifyReply, file: SummaryExport) => {
    const pdf = await renderSummary(file.summary);
    reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
    return reply.type('application/pdf').send(pdf);
  };

  api.get('/api/v1/cases/:id/summary.pdf', {
    config,
    schema: { tags, summary: 'A PDF summary of the case, of what you may see: details, people, locations, open tasks, the latest assessment and the timeline', params: idParams },
  }, async (request, reply) => send(reply, await runner.run(who(request), (ctx) => caseSummary(ctx, request.params.id))));

  api.get('/api/v1/profiles/:id/summary.pdf', {
    config,
    schema: { tags, summary: 'A PDF summary of the person, of what you may see: details, relationships and cases, open tasks, the latest assessment and the timeline', params: idParams },
  }, async (request, reply) => send(reply, await runner.run(who(request), (ctx) => profileSummary(ctx, request.params.id))));
}
