import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery } from '../../../shared/api/common.ts';
import {
  createProfileBody, createRelationshipBody, matchQuery, profile, profileListQuery, profileMatches, profilePage, relationship,
  relationshipParams, updateProfileBody,
} from '../../../shared/api/profiles.ts';
import { historyPage } from '../../../shared/api/records.ts';
import { who } from '../../platform/http/types.ts';
import { profileHistory } from './history.ts';
import { matchProfiles } from './matches/service.ts';
import { photoRoutes } from './photo-routes.ts';
import { addRelationship, removeRelationship } from './relationships/service.ts';
import * as service from './service.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';

const tags = ['profiles'];

export async function profileRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/profiles', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: { tags, summary: 'Profiles you can open, most recently changed first', querystring: profileListQuery, response: { 200: profilePage } },
  }, (request) => runner.run(who(request), (ctx) => service.listProfiles(ctx, request.query)));

  api.get('/api/v1/profiles/matches', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: {
      tags,
      summary: 'Who may already be on the record: likely matches across the partnership, including profiles you cannot open',
      querystring: matchQuery,
      response: { 200: profileMatches },
    },
  }, (request) => runner.run(who(request), (ctx) => matchProfiles(ctx, request.query)));

  api.post('/api/v1/profiles', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: {
      tags,
      summary: 'Create a profile, owned by your team; likely duplicates answer 409 possible_duplicate unless confirmNoDuplicate is true',
      body: createProfileBody,
      response: { 201: profile },
    },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createProfile(ctx, request.body))));

  api.get('/api/v1/profiles/:id', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: { tags, summary: 'A profile; one merged into another answers as the survivor, with redirectedFrom', params: idParams, response: { 200: profile } },
  }, (request) => runner.read(who(request), (ctx) => service.getProfile(ctx, request.params.id)));

  api.patch('/api/v1/profiles/:id', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: { tags, summary: 'Change a profile; aliases, addresses, vulnerabilities and warning markers replace the set when given', params: idParams, body: updateProfileBody, response: { 200: profile } },
  }, (request) => runner.run(who(request), (ctx) => service.updateProfile(ctx, request.params.id, request.body)));

  api.get('/api/v1/profiles/:id/history', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: { tags, summary: 'The changes made to a profile, newest first', params: idParams, querystring: listQuery, response: { 200: historyPage } },
  }, (request) => runner.run(who(request), (ctx) => profileHistory(ctx, request.params.id, request.query)));

  api.post('/api/v1/profiles/:id/relationships', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: { tags, summary: 'Link this profile to another (family, associates)', params: idParams, body: createRelationshipBody, response: { 201: relationship } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => addRelationship(ctx, request.params.id, request.body))));

  api.delete('/api/v1/profiles/:id/relationships/:relationshipId', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: { tags, params: relationshipParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await runner.run(who(request), (ctx) => removeRelationship(ctx, request.params.id, request.params.relationshipId));
    return reply.status(204).send(null);
  });

  await app.register(photoRoutes);
}
