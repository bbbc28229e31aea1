import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  copyTemplateBody, createTemplateBody, statistics, statisticsQuery, template, templateList, templateListQuery, templateParams, templateVersionList,
  templateVersionQuery, updateTemplateBody,
} from '../../../shared/api/assessments.ts';
import { who } from '../../platform/http/types.ts';
import { bankRoutes } from './bank/routes.ts';
import * as service from './service.ts';
import { statisticsCsv } from './statistics/csv.ts';
import { templateStatistics } from './statistics/service.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';

const tags = ['assessments'];
// Other organisations' systems read the templates to send assessments in the contract's shape.
const contractRead = { permission: 'records.view', actors: staffAndSystems } as const;
const read = { permission: 'records.view' } as const;
const design = { permission: 'assessments.design' } as const;

export async function assessmentTemplateRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/assessment-templates', {
    config: contractRead,
    schema: { tags, summary: 'Your partnership\'s assessment templates: the built-in ones, then by name; active ones unless includeRetired', querystring: templateListQuery, response: { 200: templateList } },
  }, (request) => runner.run(who(request), (ctx) => service.listTemplates(ctx, request.query)));

  api.get('/api/v1/assessment-templates/:idOrKey', {
    config: contractRead,
    schema: { tags, summary: 'A template by id or key, as its current version (or `version`) asks it', params: templateParams, querystring: templateVersionQuery, response: { 200: template } },
  }, (request) => runner.run(who(request), (ctx) => service.getTemplate(ctx, request.params.idOrKey, request.query.version)));

  api.get('/api/v1/assessment-templates/:idOrKey/versions', {
    config: read,
    schema: { tags, summary: 'Every saved version of a template, newest first', params: templateParams, response: { 200: templateVersionList } },
  }, (request) => runner.run(who(request), (ctx) => service.listVersions(ctx, request.params.idOrKey)));

  api.post('/api/v1/assessment-templates', {
    config: design,
    schema: { tags, summary: 'Build a template for your team from the question bank and your own wording; the key is made from the name when not given', body: createTemplateBody, response: { 201: template } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createTemplate(ctx, request.body))));

  api.patch('/api/v1/assessment-templates/:idOrKey', {
    config: design,
    schema: { tags, summary: 'Rename or retire a template, or save a changed definition as its next version', params: templateParams, body: updateTemplateBody, response: { 200: template } },
  }, (request) => runner.run(who(request), (ctx) => service.updateTemplate(ctx, request.params.idOrKey, request.body)));

  api.post('/api/v1/assessment-templates/:idOrKey/copy', {
    config: design,
    schema: { tags, summary: 'Copy any template of the partnership to your team, to adapt it', params: templateParams, body: copyTemplateBody, response: { 201: template } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.copyTemplate(ctx, request.params.idOrKey, request.body))));

  api.get('/api/v1/assessment-templates/:idOrKey/statistics', {
    config: read,
    schema: { tags, summary: 'Counts by band, movement between bands and answer distributions, from the completed assessments you may read', params: templateParams, querystring: statisticsQuery, response: { 200: statistics } },
  }, (request) => runner.run(who(request), (ctx) => templateStatistics(ctx, request.params.idOrKey, request.query)));

  api.get('/api/v1/assessment-templates/:idOrKey/statistics.csv', {
    config: read,
    schema: { tags, summary: 'The same statistics as a CSV file, one section per table', params: templateParams, querystring: statisticsQuery },
  }, async (request, reply) => {
    const stats = await runner.run(who(request), (ctx) => templateStatistics(ctx, request.params.idOrKey, request.query, true));
    reply.header('content-disposition', `attachment; filename="${stats.template.key}-statistics.csv"`);
    return reply.type('text/csv; charset=utf-8').send(statisticsCsv(stats));
  });

  await bankRoutes(app);
}
