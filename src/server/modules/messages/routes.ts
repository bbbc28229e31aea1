import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, listQuery } from '../../../shared/api/common.ts';
import {
  message, messageAttachment, messagePage, portalAttachmentParams, readMessagesBody, readMessagesReply, sendMessageBody, uploadAttachmentQuery,
} from '../../../shared/api/portal.ts';
import { who, whoClient } from '../../platform/http/types.ts';
import { acceptFileBodies, fileBody } from '../documents/body.ts';
import { createUploads } from '../documents/uploads.ts';
import { clientMessages } from './client.ts';
import type { AttachmentContent } from './conversation.ts';
import { staffMessages } from './staff.ts';

const view = { permission: 'records.view' } as const;
const edit = { permission: 'records.edit' } as const;
// A reply holds the message's words: kept sealed for a repeat with the same Idempotency-Key.
const sending = { idempotent: 'sealed' } as const;
const client = { permission: 'client', actors: ['client'] } as const;

/** Always a download, never sniffed into something a browser would run; the API's replies are never stored. */
function sendFile(reply: FastifyReply, file: AttachmentContent) {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-disposition', file.disposition);
  return reply.type(file.contentType).send(file.bytes);
}

/** A client's conversation with their keyworker's team: the practitioner's side on the profile, the client's in the portal. */
export async function messageRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, keyRing, files, config, mailer, publicUrl } = app.platform;
  const uploads = createUploads({ files, settings: config.documents });
  const staff = staffMessages({ runner, keyRing, uploads, tell: { mailer, publicUrl } });
  const clients = clientMessages({ runner, keyRing, uploads });
  const bodyLimit = config.documents.maxBytes;
  acceptFileBodies(app, bodyLimit);

  const tags = ['portal', 'messages'];
  api.get('/api/v1/profiles/:id/portal/messages', {
    config: view,
    schema: { tags, summary: 'The person\'s portal conversation with your team, newest first', params: idParams, querystring: listQuery, response: { 200: messagePage } },
  }, (request) => staff.list(who(request), request.params.id, request.query));

  api.post('/api/v1/profiles/:id/portal/messages', {
    config: { ...edit, ...sending },
    schema: { tags, summary: 'Send the person a message in the portal; they are told by email or text the contact plan marks safe', params: idParams, body: sendMessageBody, response: { 201: message } },
  }, async (request, reply) => reply.status(201).send(await staff.send(who(request), request.params.id, request.body)));

  api.post('/api/v1/profiles/:id/portal/messages/read', {
    config: view,
    schema: { tags, summary: 'Mark the person\'s messages read, up to and including one', params: idParams, body: readMessagesBody, response: { 200: readMessagesReply } },
  }, (request) => staff.read(who(request), request.params.id, request.body.upTo));

  api.post('/api/v1/profiles/:id/portal/attachments', {
    config: edit,
    bodyLimit,
    schema: {
      tags,
      summary: 'Upload a file to send with your next message: the file\'s bytes as the body; its kind is decided from its content, images lose their metadata',
      params: idParams,
      querystring: uploadAttachmentQuery,
      response: { 201: messageAttachment },
    },
  }, async (request, reply) => reply.status(201).send(await staff.upload(who(request), request.params.id, request.query.fileName, fileBody(request))));

  api.get('/api/v1/profiles/:id/portal/attachments/:attachmentId', {
    config: view,
    schema: { tags, summary: 'A file from the conversation, to download; every download is audited', params: portalAttachmentParams },
  }, async (request, reply) => sendFile(reply, await staff.download(who(request), request.params.id, request.params.attachmentId)));

  const portal = ['portal'];
  api.get('/api/v1/portal/messages', {
    config: client,
    schema: { tags: portal, summary: 'Your messages with your keyworker\'s team, newest first', querystring: listQuery, response: { 200: messagePage } },
  }, (request) => clients.list(whoClient(request), request.query));

  api.post('/api/v1/portal/messages', {
    config: { ...client, ...sending },
    schema: { tags: portal, summary: 'Send your keyworker\'s team a message', body: sendMessageBody, response: { 201: message } },
  }, async (request, reply) => reply.status(201).send(await clients.send(whoClient(request), request.body)));

  api.post('/api/v1/portal/messages/read', {
    config: client,
    schema: { tags: portal, summary: 'Mark your keyworker\'s team\'s messages read, up to and including one', body: readMessagesBody, response: { 200: readMessagesReply } },
  }, (request) => clients.read(whoClient(request), request.body.upTo));

  api.post('/api/v1/portal/attachments', {
    config: client,
    bodyLimit,
    schema: { tags: portal, summary: 'Upload a file to send with your next message: the file itself as the body', querystring: uploadAttachmentQuery, response: { 201: messageAttachment } },
  }, async (request, reply) => reply.status(201).send(await clients.upload(whoClient(request), request.query.fileName, fileBody(request))));

  api.get('/api/v1/portal/attachments/:id', {
    config: client,
    schema: { tags: portal, summary: 'A file from your messages, to download', params: idParams },
  }, async (request, reply) => sendFile(reply, await clients.download(whoClient(request), request.params.id)));
}
