import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  helpArticle, helpArticleCreate, helpArticleList, helpArticleParams, helpArticleUpdate, helpArticleVersions, helpPreview, helpPreviewBody,
  helpSearchQuery, helpSearchReply,
} from '../../../shared/api/help.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['help'];
const view = { permission: 'help.view' } as const;
const manage = { permission: 'help.manage' } as const;

/** How-to help: the partnership's articles, their search, and their editing by its system administrators. */
export async function helpRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/help/articles', {
    config: view,
    schema: { tags, summary: 'Your partnership\'s how-to articles, by title, with the screens each helps with', response: { 200: helpArticleList } },
  }, (request) => runner.run(who(request), (ctx) => service.list(ctx)));

  api.get('/api/v1/help/search', {
    config: view,
    schema: { tags, summary: 'Search the how-to articles\' titles and words, best first, each with the words around the match', querystring: helpSearchQuery, response: { 200: helpSearchReply } },
  }, (request) => runner.run(who(request), (ctx) => service.search(ctx, request.query.q)));

  api.get('/api/v1/help/articles/:slug', {
    config: view,
    schema: { tags, summary: 'One how-to article: its Markdown and the sanitised HTML the app shows', params: helpArticleParams, response: { 200: helpArticle } },
  }, (request) => runner.run(who(request), (ctx) => service.get(ctx, request.params.slug)));

  api.get('/api/v1/help/articles/:slug/versions', {
    config: view,
    schema: { tags, summary: 'The earlier versions of an article: who changed it and when', params: helpArticleParams, response: { 200: helpArticleVersions } },
  }, (request) => runner.run(who(request), (ctx) => service.versions(ctx, request.params.slug)));

  api.post('/api/v1/help/articles', {
    config: manage,
    schema: { tags, summary: 'Write a new how-to article in Markdown', body: helpArticleCreate, response: { 201: helpArticle } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.create(ctx, request.body))));

  api.put('/api/v1/help/articles/:slug', {
    config: manage,
    schema: { tags, summary: 'Change an article, from the version read (409 with the current article when someone saved first)', params: helpArticleParams, body: helpArticleUpdate, response: { 200: helpArticle } },
  }, (request) => runner.run(who(request), (ctx) => service.update(ctx, request.params.slug, request.body)));

  // Pure rendering: nothing is read or written, so no transaction is opened.
  api.post('/api/v1/help/preview', {
    config: manage,
    schema: { tags, summary: 'Markdown rendered and sanitised as saving would, to check before saving', body: helpPreviewBody, response: { 200: helpPreview } },
  }, (request) => service.preview(request.body.body));
}
