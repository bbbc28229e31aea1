import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../shared/api/common.ts';
import {
  setup, setupAdminsBody, setupAgreementBody, setupCaseTypesBody, setupList, setupLookupsBody, setupOrganisationsBody, setupTeamsBody, startSetupBody,
} from '../../../shared/api/setup.ts';
import { who } from '../../platform/http/types.ts';
import type { UserService } from '../users/service.ts';
import * as service from './service.ts';

const tags = ['partnerships'];
const params = z.object({ partnershipId: uuid });
const lines = 'Pasted one per line; a bad line answers 422 naming it ("line 4: …") and nothing is saved.';

/** The setup wizard: system administrators set up a new partnership step by step, and resume it. */
export function setupRoutes(users: UserService) {
  const addAdmins = service.addAdmins(users);
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const { runner } = app.platform;
    const config = { permission: 'partnerships.manage' } as const;

    api.get('/api/v1/partnership-setups', {
      config,
      schema: { tags, summary: 'Partnerships being set up with the wizard, with how much is left', response: { 200: setupList } },
    }, (request) => runner.run(who(request), (ctx) => service.listSetups(ctx)));

    api.post('/api/v1/partnership-setups', {
      config,
      schema: { tags, summary: 'Start setting up a new partnership: its details', body: startSetupBody, response: { 201: setup } },
    }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.startSetup(ctx, request.body))));

    api.get('/api/v1/partnership-setups/:partnershipId', {
      config,
      schema: { tags, summary: 'A setup as it stands, with the checklist of what is left', params, response: { 200: setup } },
    }, (request) => runner.run(who(request), (ctx) => service.getSetup(ctx, request.params.partnershipId)));

    api.post('/api/v1/partnership-setups/:partnershipId/organisations', {
      config,
      schema: { tags, summary: 'Add organisations: "Name, kind" a line', description: lines, params, body: setupOrganisationsBody, response: { 200: setup } },
    }, (request) => runner.run(who(request), (ctx) => service.addOrganisations(ctx, request.params.partnershipId, request.body)));

    api.post('/api/v1/partnership-setups/:partnershipId/teams', {
      config,
      schema: { tags, summary: 'Add teams: "Organisation / Team" a line', description: lines, params, body: setupTeamsBody, response: { 200: setup } },
    }, (request) => runner.run(who(request), (ctx) => service.addTeams(ctx, request.params.partnershipId, request.body)));

    api.post('/api/v1/partnership-setups/:partnershipId/admins', {
      config,
      schema: {
        tags, summary: 'Invite administrators: "Name, email, Organisation / Team[, role]" a line; each is emailed an invitation',
        description: lines, params, body: setupAdminsBody, response: { 200: setup },
      },
    }, (request) => runner.run(who(request), (ctx) => addAdmins(ctx, request.params.partnershipId, request.body)));

    api.post('/api/v1/partnership-setups/:partnershipId/lookups', {
      config,
      schema: { tags, summary: 'Copy every list (case types, vulnerabilities, markers …) from a template partnership', params, body: setupLookupsBody, response: { 200: setup } },
    }, (request) => runner.run(who(request), (ctx) => service.copyLookups(ctx, request.params.partnershipId, request.body)));

    api.post('/api/v1/partnership-setups/:partnershipId/case-types', {
      config,
      schema: { tags, summary: 'Default sharing of case types: "Case type, Organisation[ / Team], view|edit" a line', description: lines, params, body: setupCaseTypesBody, response: { 200: setup } },
    }, (request) => runner.run(who(request), (ctx) => service.shareCaseTypes(ctx, request.params.partnershipId, request.body)));

    api.post('/api/v1/partnership-setups/:partnershipId/agreement', {
      config,
      schema: {
        tags, summary: 'The information sharing agreement, every organisation a party; signatures "Organisation, signatory, signed on" a line',
        description: lines, params, body: setupAgreementBody, response: { 200: setup },
      },
    }, (request) => runner.run(who(request), (ctx) => service.makeAgreement(ctx, request.params.partnershipId, request.body)));
  };
}
