import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agreement, agreementBody, agreementDocumentQuery, agreementListQuery, agreementPage, agreementPatch } from '../../../../shared/api/agreements.ts';
import { idParams } from '../../../../shared/api/common.ts';
import { who } from '../../../platform/http/types.ts';
import { acceptFileBodies, fileBody } from '../../documents/body.ts';
import { createUploads } from '../../documents/uploads.ts';
import { startReviewReminders } from '../reminders.ts';
import { createAgreementDocuments } from './document.ts';
import { createAgreement, getAgreement, listAgreements, updateAgreement } from './service.ts';

const tags = ['data protection'];
const view = { permission: 'agreements.view' } as const;
const manage = { permission: 'agreements.manage' } as const;

// A download is never kept by a browser or proxy, error replies included.
const noStore = {
  onSend: async (_request: unknown, reply: FastifyReply, payload: unknown) => {
    reply.header('cache-control', 'private, no-store');
    return payload;
  },
};

/** The partnership's information sharing agreements: read by all staff, kept by its system administrators. */
export async function agreementRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, files, config } = app.platform;
  const documents = createAgreementDocuments({ runner, uploads: createUploads({ files, settings: config.documents }) });
  acceptFileBodies(app, config.documents.maxBytes);

  // The review reminders cover agreements and people's lawful bases alike.
  const stopReminders = startReviewReminders(runner, app.log);
  app.addHook('onClose', async () => stopReminders());

  api.get('/api/v1/sharing-agreements', {
    config: view,
    schema: { tags, summary: 'The partnership\'s information sharing agreements by review date; `reviewDue=true` for those due for review', querystring: agreementListQuery, response: { 200: agreementPage } },
  }, (request) => runner.run(who(request), (ctx) => listAgreements(ctx, request.query)));

  api.post('/api/v1/sharing-agreements', {
    config: manage,
    schema: { tags, summary: 'Record an information sharing agreement: its parties, purpose, lawful basis and review date', body: agreementBody, response: { 201: agreement } },
  }, async (request, reply) => reply.code(201).send(await runner.run(who(request), (ctx) => createAgreement(ctx, request.body))));

  api.get('/api/v1/sharing-agreements/:id', {
    config: view,
    schema: { tags, summary: 'An information sharing agreement', params: idParams, response: { 200: agreement } },
  }, (request) => runner.run(who(request), (ctx) => getAgreement(ctx, request.params.id)));

  api.patch('/api/v1/sharing-agreements/:id', {
    config: manage,
    schema: { tags, summary: 'Change an agreement from the version read; `parties`, when sent, replaces the list', params: idParams, body: agreementPatch, response: { 200: agreement } },
  }, (request) => runner.run(who(request), (ctx) => updateAgreement(ctx, request.params.id, request.body)));

  api.put('/api/v1/sharing-agreements/:id/document', {
    config: manage,
    bodyLimit: config.documents.maxBytes,
    schema: {
      tags,
      summary: 'Upload the signed agreement: the PDF\'s bytes as the body (its kind is decided from its content); it replaces any earlier one',
      params: idParams,
      querystring: agreementDocumentQuery,
      response: { 200: agreement },
    },
  }, (request) => documents.upload(who(request), request.params.id, request.query.fileName, fileBody(request)));

  api.get('/api/v1/sharing-agreements/:id/document', {
    config: view,
    ...noStore,
    schema: { tags, summary: 'The signed agreement, to download; every download is audited', params: idParams },
  }, async (request, reply) => {
    const file = await documents.download(who(request), request.params.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-disposition', file.disposition);
    return reply.type(file.contentType).send(file.bytes);
  });
}
