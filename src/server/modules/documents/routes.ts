import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import {
  copyTemplateBody, document, documentContentQuery, documentList, documentListQuery, documentRules, replaceTemplateFileQuery, template, templateList,
  templateListQuery, updateDocumentBody, updateTemplateBody, uploadDocumentQuery, uploadTemplateQuery, uploadVersionQuery,
} from '../../../shared/api/documents.ts';
import { frameableBySelf } from '../../platform/http/security.ts';
import { who } from '../../platform/http/types.ts';
import { acceptFileBodies, fileBody } from './body.ts';
import { createDocumentService, type DocumentContent } from './service.ts';
import { createTemplateService } from './templates.ts';
import { createUploads } from './uploads.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';
import { allKinds } from '../../platform/access/kinds.ts';

const view = { permission: 'records.view', actors: staffAndSystems } as const;
// Documents and templates are written by people: an API token has no author to record.
const edit = { permission: 'records.edit' } as const;
const manage = { permission: 'templates.manage' } as const;

/**
 * Runs after the application-wide no-store hook: the bytes are for this viewer only, never
 * sniffed into something else, and framed (for a preview) only by Concord itself.
 */
async function sendFile(reply: FastifyReply, file: DocumentContent) {
  reply.header('cache-control', 'private, no-store');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-disposition', file.disposition);
  if (file.disposition.startsWith('inline')) frameableBySelf(reply);
  return reply.type(file.contentType).send(file.bytes);
}

const keepFileHeaders = {
  onSend: async (_request: unknown, reply: FastifyReply, payload: unknown) => {
    reply.header('cache-control', 'private, no-store');
    return payload;
  },
};

export async function documentRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, files, config } = app.platform;
  const uploads = createUploads({ files, settings: config.documents });
  const documents = createDocumentService({ runner, uploads });
  const templates = createTemplateService({ runner, uploads });
  const bodyLimit = config.documents.maxBytes;
  acceptFileBodies(app, bodyLimit);

  api.get('/api/v1/document-rules', {
    config: view,
    schema: { tags: ['documents'], summary: 'The size limit and kinds of file accepted, and whether uploads are scanned for viruses', response: { 200: documentRules } },
  }, () => documents.rules());

  for (const { kind, path } of allKinds) {
    const tags = ['documents', path];
    api.get(`/api/v1/${path}/:id/documents`, {
      config: view,
      schema: { tags, summary: `The ${kind}'s documents, newest first, with stubs for those restricted to their author or team`, params: idParams, querystring: documentListQuery, response: { 200: documentList } },
    }, (request) => documents.list(who(request), kind, request.params.id, request.query));

    api.post(`/api/v1/${path}/:id/documents`, {
      config: edit,
      bodyLimit,
      schema: {
        tags,
        summary: `Upload a document to the ${kind}: the file's bytes as the body; its kind is decided from its content, images lose their metadata`,
        params: idParams,
        querystring: uploadDocumentQuery,
        response: { 201: document },
      },
    }, async (request, reply) => reply.status(201).send(await documents.upload(who(request), kind, request.params.id, request.query, fileBody(request))));

    api.post(`/api/v1/${path}/:id/documents/from-template`, {
      config: edit,
      schema: { tags, summary: `Add a copy of a library template to the ${kind}`, params: idParams, body: copyTemplateBody, response: { 201: document } },
    }, async (request, reply) => reply.status(201).send(await documents.fromTemplate(who(request), kind, request.params.id, request.body)));
  }

  const tags = ['documents'];
  api.get('/api/v1/documents/:id', {
    config: view,
    schema: { tags, summary: 'A document and its versions (a stub when it is restricted to its author or team)', params: idParams, response: { 200: document } },
  }, (request) => documents.get(who(request), request.params.id));

  api.patch('/api/v1/documents/:id', {
    config: edit,
    schema: { tags, summary: 'Rename, move or describe a document; only its author changes who may read it', params: idParams, body: updateDocumentBody, response: { 200: document } },
  }, (request) => documents.update(who(request), request.params.id, request.body));

  api.post('/api/v1/documents/:id/versions', {
    config: edit,
    bodyLimit,
    schema: { tags, summary: 'Upload a new version; the earlier ones are kept', params: idParams, querystring: uploadVersionQuery, response: { 200: document } },
  }, (request) => documents.addVersion(who(request), request.params.id, request.query, fileBody(request)));

  api.get('/api/v1/documents/:id/content', {
    config: view,
    ...keepFileHeaders,
    schema: { tags, summary: 'A version\'s bytes (the current one unless asked); every download is audited', params: idParams, querystring: documentContentQuery },
  }, async (request, reply) => sendFile(reply, await documents.content(who(request), request.params.id, request.query)));

  const library = ['templates'];
  api.get('/api/v1/templates', {
    config: view,
    schema: { tags: library, summary: 'The partnership\'s template library, by folder', querystring: templateListQuery, response: { 200: templateList } },
  }, (request) => templates.list(who(request), request.query));

  api.post('/api/v1/templates', {
    config: manage,
    bodyLimit,
    schema: { tags: library, summary: 'Add a template to the library: the file\'s bytes as the body', querystring: uploadTemplateQuery, response: { 201: template } },
  }, async (request, reply) => reply.status(201).send(await templates.create(who(request), request.query, fileBody(request))));

  api.patch('/api/v1/templates/:id', {
    config: manage,
    schema: { tags: library, summary: 'Rename, move, describe, retire or restore a template', params: idParams, body: updateTemplateBody, response: { 200: template } },
  }, (request) => templates.update(who(request), request.params.id, request.body));

  api.post('/api/v1/templates/:id/file', {
    config: manage,
    bodyLimit,
    schema: { tags: library, summary: 'Replace a template\'s file; copies already made keep theirs', params: idParams, querystring: replaceTemplateFileQuery, response: { 200: template } },
  }, (request) => templates.replaceFile(who(request), request.params.id, request.query, fileBody(request)));

  api.get('/api/v1/templates/:id/content', {
    config: view,
    ...keepFileHeaders,
    schema: { tags: library, summary: 'A template\'s file, to download', params: idParams },
  }, async (request, reply) => sendFile(reply, await templates.content(who(request), request.params.id)));
}
