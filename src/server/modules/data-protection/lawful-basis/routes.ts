import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { endLawfulBasisBody, lawfulBasis, lawfulBasisBody, lawfulBasisList } from '../../../../shared/api/agreements.ts';
import { idParams } from '../../../../shared/api/common.ts';
import { staffAndSystems } from '../../../platform/access/actor.ts';
import { who } from '../../../platform/http/types.ts';
import { endLawfulBasis, listLawfulBases, recordLawfulBasis } from './service.ts';

const tags = ['data protection'];

/** The lawful basis on which each organisation holds and shares a person's information. */
export async function lawfulBasisRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/profiles/:id/lawful-bases', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: { tags, summary: 'Each organisation\'s current lawful basis for holding the person\'s information, and the past ones', params: idParams, response: { 200: lawfulBasisList } },
  }, (request) => runner.run(who(request), (ctx) => listLawfulBases(ctx, request.params.id)));

  api.post('/api/v1/profiles/:id/lawful-bases', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: {
      tags,
      summary: 'Record the caller\'s organisation\'s lawful basis for the person: consent with its date and how it was given, or an Article 6 basis; it replaces the organisation\'s current one',
      params: idParams,
      body: lawfulBasisBody,
      response: { 201: lawfulBasis },
    },
  }, async (request, reply) => reply.code(201).send(await runner.run(who(request), (ctx) => recordLawfulBasis(ctx, request.params.id, request.body))));

  api.post('/api/v1/lawful-bases/:id/end', {
    config: { permission: 'records.edit' },
    schema: { tags, summary: 'End the caller\'s organisation\'s lawful basis: consent withdrawn, or no longer needed', params: idParams, body: endLawfulBasisBody, response: { 200: lawfulBasis } },
  }, (request) => runner.run(who(request), (ctx) => endLawfulBasis(ctx, request.params.id, request.body)));
}
