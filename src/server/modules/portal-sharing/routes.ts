import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import { clientTask, clientTaskList, portalDocumentParams, portalTaskParams, profilePortalItems, sharedDocumentList } from '../../../shared/api/portal.ts';
import { who, whoClient } from '../../platform/http/types.ts';
import { createUploads } from '../documents/uploads.ts';
import { downloadDocument, listClientDocuments, listClientTasks, tickOffTask } from './client.ts';
import { listPortalItems, markTask, shareDocument, unmarkTask, unshareDocument } from './service.ts';

const tags = ['portal sharing'];
const view = { permission: 'records.view' } as const;
const edit = { permission: 'records.edit' } as const;
const client = { permission: 'client', actors: ['client'] } as const;

/** Documents a practitioner shares with the client, and tasks marked as the client's own to tick off. */
export async function portalSharingRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, files, config } = app.platform;
  const uploads = createUploads({ files, settings: config.documents });

  api.get('/api/v1/profiles/:id/portal/items', {
    config: view,
    schema: { tags, summary: 'The documents and tasks shared with the person in the portal, as far as you may see them', params: idParams, response: { 200: profilePortalItems } },
  }, (request) => runner.run(who(request), (ctx) => listPortalItems(ctx, request.params.id)));

  api.put('/api/v1/profiles/:id/portal/documents/:documentId', {
    config: edit,
    schema: { tags, summary: 'Share a document on the person\'s record, which you may read, with them; 422 for any other', params: portalDocumentParams, response: { 200: profilePortalItems } },
  }, (request) => runner.run(who(request), (ctx) => shareDocument(ctx, request.params.id, request.params.documentId)));

  api.delete('/api/v1/profiles/:id/portal/documents/:documentId', {
    config: edit,
    schema: { tags, summary: 'Stop sharing a document with the person', params: portalDocumentParams, response: { 200: profilePortalItems } },
  }, (request) => runner.run(who(request), (ctx) => unshareDocument(ctx, request.params.id, request.params.documentId)));

  api.put('/api/v1/profiles/:id/portal/tasks/:taskId', {
    config: edit,
    schema: {
      tags,
      summary: 'Mark a task still to do, on the person or a case they are linked to, as their own to tick off in the portal',
      params: portalTaskParams,
      response: { 200: profilePortalItems },
    },
  }, (request) => runner.run(who(request), (ctx) => markTask(ctx, request.params.id, request.params.taskId)));

  api.delete('/api/v1/profiles/:id/portal/tasks/:taskId', {
    config: edit,
    schema: { tags, summary: 'Take a task back from the person\'s portal', params: portalTaskParams, response: { 200: profilePortalItems } },
  }, (request) => runner.run(who(request), (ctx) => unmarkTask(ctx, request.params.id, request.params.taskId)));

  const portal = ['portal'];
  api.get('/api/v1/portal/documents', {
    config: client,
    schema: { tags: portal, summary: 'The documents shared with the client, latest shared first', response: { 200: sharedDocumentList } },
  }, (request) => runner.run(whoClient(request), (ctx) => listClientDocuments(ctx)));

  api.get('/api/v1/portal/documents/:id/file', {
    config: client,
    schema: { tags: portal, summary: 'The current version of a document shared with the client, to download; every download is audited', params: idParams },
  }, async (request, reply) => {
    const file = await runner.run(whoClient(request), (ctx) => downloadDocument(ctx, uploads, request.params.id));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-disposition', file.disposition);
    return reply.type(file.contentType).send(file.bytes);
  });

  api.get('/api/v1/portal/tasks', {
    config: client,
    schema: { tags: portal, summary: 'The client\'s own tasks: still to do, soonest due first, then those ticked off', response: { 200: clientTaskList } },
  }, (request) => runner.run(whoClient(request), (ctx) => listClientTasks(ctx)));

  api.post('/api/v1/portal/tasks/:id/done', {
    config: client,
    schema: { tags: portal, summary: 'Tick off one of the client\'s own tasks; the people doing it are told', params: idParams, response: { 200: clientTask } },
  }, (request) => runner.run(whoClient(request), (ctx) => tickOffTask(ctx, request.params.id)));
}
