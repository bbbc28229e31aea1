import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, listQuery } from '../../../shared/api/common.ts';
import {
  createOrganisationBody, createPartnershipBody, createTeamBody, organisation, organisationListQuery, organisationPage, partnership, partnershipPage,
  team, teamListQuery, teamPage, updateOrganisationBody, updatePartnershipBody, updateTeamBody,
} from '../../../shared/api/structure.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';

export async function organisationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/partnerships', {
    config: { permission: 'signed_in' },
    schema: { tags: ['partnerships'], summary: 'Partnerships you can see', querystring: listQuery, response: { 200: partnershipPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listPartnerships(ctx, request.query)));

  api.get('/api/v1/partnerships/:id', {
    config: { permission: 'signed_in' },
    schema: { tags: ['partnerships'], params: idParams, response: { 200: partnership } },
  }, (request) => runner.run(who(request), (ctx) => service.getPartnership(ctx, request.params.id)));

  api.post('/api/v1/partnerships', {
    config: { permission: 'partnerships.manage' },
    schema: { tags: ['partnerships'], summary: 'Create a partnership', body: createPartnershipBody, response: { 201: partnership } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createPartnership(ctx, request.body))));

  api.patch('/api/v1/partnerships/:id', {
    config: { permission: 'partnerships.manage' },
    schema: { tags: ['partnerships'], params: idParams, body: updatePartnershipBody, response: { 200: partnership } },
  }, (request) => runner.run(who(request), (ctx) => service.updatePartnership(ctx, request.params.id, request.body)));

  api.get('/api/v1/organisations', {
    config: { permission: 'signed_in', actors: staffAndSystems },
    schema: { tags: ['organisations'], summary: 'Organisations in your partnership', querystring: organisationListQuery, response: { 200: organisationPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listOrganisations(ctx, request.query)));

  api.get('/api/v1/organisations/:id', {
    config: { permission: 'signed_in', actors: staffAndSystems },
    schema: { tags: ['organisations'], params: idParams, response: { 200: organisation } },
  }, (request) => runner.run(who(request), (ctx) => service.getOrganisation(ctx, request.params.id)));

  api.post('/api/v1/organisations', {
    config: { permission: 'organisations.manage' },
    schema: { tags: ['organisations'], summary: 'Create an organisation in a partnership', body: createOrganisationBody, response: { 201: organisation } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createOrganisation(ctx, request.body))));

  api.patch('/api/v1/organisations/:id', {
    config: { permission: 'organisations.manage' },
    schema: { tags: ['organisations'], params: idParams, body: updateOrganisationBody, response: { 200: organisation } },
  }, (request) => runner.run(who(request), (ctx) => service.updateOrganisation(ctx, request.params.id, request.body)));

  api.get('/api/v1/teams', {
    config: { permission: 'signed_in', actors: staffAndSystems },
    schema: { tags: ['teams'], summary: 'Teams in your partnership', querystring: teamListQuery, response: { 200: teamPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listTeams(ctx, request.query)));

  api.get('/api/v1/teams/:id', {
    config: { permission: 'signed_in', actors: staffAndSystems },
    schema: { tags: ['teams'], params: idParams, response: { 200: team } },
  }, (request) => runner.run(who(request), (ctx) => service.getTeam(ctx, request.params.id)));

  api.post('/api/v1/teams', {
    config: { permission: 'teams.manage' },
    schema: { tags: ['teams'], summary: 'Create a team in an organisation', body: createTeamBody, response: { 201: team } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createTeam(ctx, request.body))));

  api.patch('/api/v1/teams/:id', {
    config: { permission: 'teams.manage' },
    schema: { tags: ['teams'], params: idParams, body: updateTeamBody, response: { 200: team } },
  }, (request) => runner.run(who(request), (ctx) => service.updateTeam(ctx, request.params.id, request.body)));
}
