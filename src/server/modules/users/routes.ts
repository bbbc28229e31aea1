import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/api/common.ts';
import { createUserBody, directoryQuery, directoryReply, disableUserBody, enableUserBody, updateUserBody, user, userListQuery, userPage } from '../../../shared/api/users.ts';
import { who } from '../../platform/http/types.ts';
import type { UserService } from './service.ts';

const tags = ['users'];

export function userRoutes(users: UserService) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const { runner } = app.platform;

    api.get('/api/v1/users', {
      config: { permission: 'users.view' },
      schema: { tags, summary: 'Users you administer', querystring: userListQuery, response: { 200: userPage } },
    }, (request) => runner.run(who(request), (ctx) => users.list(ctx, request.query)));

    api.get('/api/v1/directory', {
      config: { permission: 'records.view' },
      schema: { tags, summary: 'Active colleagues across your partnership, by name (for naming a lead officer or contact)', querystring: directoryQuery, response: { 200: directoryReply } },
    }, (request) => runner.run(who(request), (ctx) => users.directory(ctx, request.query)));

    api.get('/api/v1/users/:id', {
      config: { permission: 'users.view' },
      schema: { tags, params: idParams, response: { 200: user } },
    }, (request) => runner.run(who(request), (ctx) => users.get(ctx, request.params.id)));

    api.post('/api/v1/users', {
      config: { permission: 'users.manage' },
      schema: { tags, summary: 'Create a user; they are emailed an invitation to choose a password', body: createUserBody, response: { 201: user } },
    }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => users.create(ctx, request.body))));

    api.patch('/api/v1/users/:id', {
      config: { permission: 'users.manage' },
      schema: { tags, params: idParams, body: updateUserBody, response: { 200: user } },
    }, (request) => runner.run(who(request), (ctx) => users.update(ctx, request.params.id, request.body)));

    api.post('/api/v1/users/:id/disable', {
      config: { permission: 'users.manage' },
      schema: { tags, summary: 'Disable a user and end all their sessions at once', params: idParams, body: disableUserBody, response: { 200: user } },
    }, (request) => runner.run(who(request), (ctx) => users.disable(ctx, request.params.id, request.body)));

    api.post('/api/v1/users/:id/enable', {
      config: { permission: 'users.manage' },
      schema: { tags, params: idParams, body: enableUserBody, response: { 200: user } },
    }, (request) => runner.run(who(request), (ctx) => users.enable(ctx, request.params.id, request.body)));

    api.post('/api/v1/users/:id/reset-authenticator', {
      config: { permission: 'users.manage' },
      schema: { tags, summary: 'Make the user enrol a new authenticator at next sign-in', params: idParams, body: enableUserBody, response: { 200: user } },
    }, (request) => runner.run(who(request), (ctx) => users.resetAuthenticator(ctx, request.params.id, request.body)));

    api.post('/api/v1/users/:id/invitation', {
      config: { permission: 'users.manage' },
      schema: { tags, summary: 'Send the invitation email again', params: idParams, body: z.strictObject({}).optional(), response: { 200: user } },
    }, (request) => runner.run(who(request), (ctx) => users.resendInvitation(ctx, request.params.id)));
  };
}
