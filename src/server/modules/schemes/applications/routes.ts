import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  application, applicationBody, applicationListQuery, applicationPage, applicationParams, applicationPatch, approveApplicationBody, closeApplicationBody,
  issueApplicationBody, issuedApplication, schemeParams,
} from '../../../../shared/api/schemes.ts';
import { who } from '../../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['schemes'];

/** Applications for a card: staff's own and the public form's (taken in on the desk), checks, approval, issue. */
export async function applicationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/schemes/:scheme/applications', {
    config: { permission: 'schemes.view' },
    schema: { tags, summary: 'The scheme\'s applications, newest first; open ones unless `status` says otherwise', params: schemeParams, querystring: applicationListQuery, response: { 200: applicationPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listApplications(ctx, request.params.scheme, request.query)));

  api.post('/api/v1/schemes/:scheme/applications', {
    config: { permission: 'schemes.manage' },
    schema: { tags, summary: 'Apply for a card for a person whose record the scheme\'s staff may add to; a renewal for someone on the register', params: schemeParams, body: applicationBody, response: { 201: application } },
  }, async (request, reply) => {
    const created = await runner.run(who(request), (ctx) => service.createApplication(ctx, request.params.scheme, request.body));
    return reply.code(201).send(created);
  });

  api.get('/api/v1/schemes/:scheme/applications/:id', {
    config: { permission: 'schemes.view' },
    schema: { tags, summary: 'An application with its details and checks', params: applicationParams, response: { 200: application } },
  }, (request) => runner.run(who(request), (ctx) => service.getApplication(ctx, request.params.scheme, request.params.id)));

  api.patch('/api/v1/schemes/:scheme/applications/:id', {
    config: { permission: 'schemes.manage' },
    schema: { tags, summary: 'Change an application\'s details, keyworker or checks while it is checked; 409 on a stale version', params: applicationParams, body: applicationPatch, response: { 200: application } },
  }, (request) => runner.run(who(request), (ctx) => service.updateApplication(ctx, request.params.scheme, request.params.id, request.body)));

  api.post('/api/v1/schemes/:scheme/applications/:id/approve', {
    config: { permission: 'schemes.approve' },
    schema: { tags, summary: 'Approve an application: every check done, and a parent\'s or guardian\'s consent for someone under 16 (else 422)', params: applicationParams, body: approveApplicationBody, response: { 200: application } },
  }, (request) => runner.run(who(request), (ctx) => service.approveApplication(ctx, request.params.scheme, request.params.id, request.body.version)));

  api.post('/api/v1/schemes/:scheme/applications/:id/decline', {
    config: { permission: 'schemes.manage' },
    schema: { tags, summary: 'Decline an open application, with the reason', params: applicationParams, body: closeApplicationBody, response: { 200: application } },
  }, (request) => runner.run(who(request), (ctx) => service.closeApplication(ctx, request.params.scheme, request.params.id, 'declined', request.body)));

  api.post('/api/v1/schemes/:scheme/applications/:id/withdraw', {
    config: { permission: 'schemes.manage' },
    schema: { tags, summary: 'Withdraw an open application at the applicant\'s wish, with the reason', params: applicationParams, body: closeApplicationBody, response: { 200: application } },
  }, (request) => runner.run(who(request), (ctx) => service.closeApplication(ctx, request.params.scheme, request.params.id, 'withdrawn', request.body)));

  api.post('/api/v1/schemes/:scheme/applications/:id/issue', {
    config: { permission: 'schemes.approve' },
    schema: { tags, summary: 'Issue the card of an approved application: the person joins the register (or a renewal renews their card)', params: applicationParams, body: issueApplicationBody, response: { 200: issuedApplication } },
  }, (request) => runner.run(who(request), (ctx) => service.issueApplication(ctx, request.params.scheme, request.params.id, request.body.version)));
}
