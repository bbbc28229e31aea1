import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/api/common.ts';
import {
  cancelBody, completeReviewBody, decideItemBody, extendBody, itemParams, itemsQuery, pauseBody, redactionBody, redactionParams, replacementQuery, resumeBody,
  reviewParams, startSubjectAccessBody, subjectAccessExport, subjectAccessItem, subjectAccessItemPage, subjectAccessListQuery, subjectAccessPage, subjectAccessStarted,
} from '../../../../shared/api/subject-access.ts';
import { contentDisposition } from '../../../platform/files/content.ts';
import { acceptFileBodies, fileBody } from '../../documents/body.ts';
import { createUploads } from '../../documents/uploads.ts';
import { who } from '../../../platform/http/types.ts';
import { downloadExport } from './download.ts';
import { startSubjectAccessWork } from './jobs.ts';
import { createReplacements } from './replacement.ts';
import { addRedaction, completeReview, decideItem, listItems, removeRedaction } from './review.ts';
import { cancelRequest, extendRequest, getRequest, listRequests, pauseRequest, resumeRequest, startRequest } from './service.ts';
import { startSubjectAccessSweep } from './sweep.ts';

const tags = ['data protection'];
const manage = { permission: 'subject_access.manage' } as const;

// The ZIP is never kept by a browser or proxy, error replies included.
const noStore = {
  onSend: async (_request: unknown, reply: FastifyReply, payload: unknown) => {
    reply.header('cache-control', 'private, no-store');
    return payload;
  },
};

/** Subject access requests: started by an organisation's admins, collected and packaged by jobs, reviewed by each agency. */
export async function subjectAccessRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, jobs, keyRing, files, config } = app.platform;
  const deps = { jobs, keyRing };
  const replacements = createReplacements({ runner, keyRing, uploads: createUploads({ files, settings: config.documents }) });
  acceptFileBodies(app, config.documents.maxBytes);

  await startSubjectAccessWork({ runner, keyRing, files, jobs, log: app.log });
  const stopSweep = startSubjectAccessSweep({ runner, files, jobs }, app.log);
  app.addHook('onClose', async () => stopSweep());

  api.post('/api/v1/profiles/:id/subject-access-exports', {
    config: manage,
    schema: {
      tags,
      summary: 'Start a subject access request for everything the partnership holds about the person; collected in the background, then reviewed by each agency',
      params: idParams,
      body: startSubjectAccessBody,
      response: { 202: subjectAccessStarted },
    },
  }, async (request, reply) => reply.code(202).send(await runner.run(who(request), (ctx) => startRequest(ctx, deps, request.params.id, request.body))));

  api.get('/api/v1/subject-access-exports', {
    config: manage,
    schema: { tags, summary: 'Subject access requests your organisation handles or has items in, newest first', querystring: subjectAccessListQuery, response: { 200: subjectAccessPage } },
  }, (request) => runner.run(who(request), (ctx) => listRequests(ctx, request.query)));

  api.get('/api/v1/subject-access-exports/:id', {
    config: manage,
    schema: { tags, summary: 'A subject access request: its status, clock and reviews, and `downloadUrl` once ready', params: idParams, response: { 200: subjectAccessExport } },
  }, (request) => runner.run(who(request), (ctx) => getRequest(ctx, request.params.id)));

  api.post('/api/v1/subject-access-exports/:id/extend', {
    config: manage,
    schema: { tags, summary: 'Extend a complex request by two months, within its first month, having told the person', params: idParams, body: extendBody, response: { 200: subjectAccessExport } },
  }, (request) => runner.run(who(request), (ctx) => extendRequest(ctx, request.params.id, request.body)));

  api.post('/api/v1/subject-access-exports/:id/pause', {
    config: manage,
    schema: { tags, summary: 'Stop the clock while the request is clarified with the person', params: idParams, body: pauseBody, response: { 200: subjectAccessExport } },
  }, (request) => runner.run(who(request), (ctx) => pauseRequest(ctx, request.params.id, request.body)));

  api.post('/api/v1/subject-access-exports/:id/resume', {
    config: manage,
    schema: { tags, summary: 'Restart the clock once the request is clarified; the days paused move the due date on', params: idParams, body: resumeBody, response: { 200: subjectAccessExport } },
  }, (request) => runner.run(who(request), (ctx) => resumeRequest(ctx, request.params.id, request.body)));

  api.post('/api/v1/subject-access-exports/:id/cancel', {
    config: manage,
    schema: { tags, summary: 'Cancel the request (withdrawn, or made in error)', params: idParams, body: cancelBody, response: { 200: subjectAccessExport } },
  }, (request) => runner.run(who(request), (ctx) => cancelRequest(ctx, request.params.id, request.body)));

  api.get('/api/v1/subject-access-exports/:id/items', {
    config: manage,
    schema: { tags, summary: 'One organisation\'s items of the request, for its review', params: idParams, querystring: itemsQuery, response: { 200: subjectAccessItemPage } },
  }, (request) => runner.run(who(request), (ctx) => listItems(ctx, deps, request.params.id, request.query)));

  api.put('/api/v1/subject-access-exports/:id/items/:itemId', {
    config: manage,
    schema: { tags, summary: 'Include an item, or withhold it under an exemption', params: itemParams, body: decideItemBody, response: { 200: subjectAccessItem } },
  }, (request) => runner.run(who(request), (ctx) => decideItem(ctx, deps, request.params.id, request.params.itemId, request.body)));

  api.post('/api/v1/subject-access-exports/:id/items/:itemId/redactions', {
    config: manage,
    schema: { tags, summary: 'Redact every occurrence of some words in the item, under an exemption', params: itemParams, body: redactionBody, response: { 200: subjectAccessItem } },
  }, (request) => runner.run(who(request), (ctx) => addRedaction(ctx, deps, request.params.id, request.params.itemId, request.body)));

  api.delete('/api/v1/subject-access-exports/:id/items/:itemId/redactions/:redactionId', {
    config: manage,
    schema: { tags, summary: 'Take a redaction off the item', params: redactionParams, response: { 200: subjectAccessItem } },
  }, (request) => runner.run(who(request), (ctx) => removeRedaction(ctx, deps, request.params.id, request.params.itemId, request.params.redactionId)));

  api.put('/api/v1/subject-access-exports/:id/items/:itemId/replacement', {
    config: manage,
    bodyLimit: config.documents.maxBytes,
    schema: {
      tags,
      summary: 'Upload a redacted copy of the item\'s file, to send instead of the original: the bytes as the body (their kind is decided from their content)',
      params: itemParams,
      querystring: replacementQuery,
      response: { 200: subjectAccessItem },
    },
  }, (request) => replacements.upload(who(request), request.params.id, request.params.itemId, request.query.fileName, fileBody(request)));

  api.post('/api/v1/subject-access-exports/:id/reviews/:organisationId/complete', {
    config: manage,
    schema: { tags, summary: 'Say an organisation\'s review is done; the last one queues the download\'s building', params: reviewParams, body: completeReviewBody, response: { 200: subjectAccessExport } },
  }, (request) => runner.run(who(request), (ctx) => completeReview(ctx, deps, request.params.id, request.params.organisationId, request.body)));

  api.get('/api/v1/subject-access-exports/:id/download', {
    config: manage,
    ...noStore,
    schema: { tags, summary: 'The ZIP for the person, while its download window is open; every download is audited', params: idParams },
  }, async (request, reply) => {
    const file = await runner.run(who(request), (ctx) => downloadExport(ctx, files, request.params.id));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-disposition', contentDisposition('attachment', file.fileName));
    return reply.type('application/zip').send(file.bytes);
  });
}
