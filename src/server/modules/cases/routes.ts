import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveCaseBody, caseListQuery, caseLocation, caseLocationParams, casePage, caseProfile, caseProfileParams, caseRecord, closeCaseBody, createCaseBody,
  intervention, interventionBody, interventionParams, linkLocationBody, linkProfileBody, reopenCaseBody, updateCaseBody, updateInterventionBody,
} from '../../../shared/api/cases.ts';
import { idParams, listQuery } from '../../../shared/api/common.ts';
import { historyPage } from '../../../shared/api/records.ts';
import { who } from '../../platform/http/types.ts';
import { addIntervention, updateIntervention } from './interventions.ts';
import { archiveCase, closeCase, reopenCase } from './lifecycle.ts';
import { linkLocation, linkProfile, unlinkLocation, unlinkProfile } from './links.ts';
import * as service from './service.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';

const tags = ['cases'];
const view = { permission: 'records.view', actors: staffAndSystems } as const;
const edit = { permission: 'records.edit', actors: staffAndSystems } as const;

export async function caseRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/cases', {
    config: view,
    schema: { tags, summary: 'Cases you can open, most recently changed first', querystring: caseListQuery, response: { 200: casePage } },
  }, (request) => runner.run(who(request), (ctx) => service.listCases(ctx, request.query)));

  api.post('/api/v1/cases', {
    config: edit,
    schema: { tags, summary: 'Open a case owned by your team, shared as its case type says', body: createCaseBody, response: { 201: caseRecord } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createCase(ctx, request.body))));

  api.get('/api/v1/cases/:id', {
    config: view,
    schema: { tags, params: idParams, response: { 200: caseRecord } },
  }, (request) => runner.read(who(request), (ctx) => service.getCase(ctx, request.params.id)));

  api.patch('/api/v1/cases/:id', {
    config: edit,
    schema: { tags, summary: 'Change an open case\'s details', params: idParams, body: updateCaseBody, response: { 200: caseRecord } },
  }, (request) => runner.run(who(request), (ctx) => service.updateCase(ctx, request.params.id, request.body)));

  api.post('/api/v1/cases/:id/close', {
    config: edit,
    schema: { tags, summary: 'Close an open case with its outcome and the reason', params: idParams, body: closeCaseBody, response: { 200: caseRecord } },
  }, (request) => runner.run(who(request), (ctx) => closeCase(ctx, request.params.id, request.body)));

  api.post('/api/v1/cases/:id/reopen', {
    config: edit,
    schema: { tags, summary: 'Reopen a closed case', params: idParams, body: reopenCaseBody, response: { 200: caseRecord } },
  }, (request) => runner.run(who(request), (ctx) => reopenCase(ctx, request.params.id, request.body)));

  api.post('/api/v1/cases/:id/archive', {
    config: edit,
    schema: { tags, summary: 'Archive a closed case; it is read-only from then on', params: idParams, body: archiveCaseBody, response: { 200: caseRecord } },
  }, (request) => runner.run(who(request), (ctx) => archiveCase(ctx, request.params.id, request.body)));

  api.get('/api/v1/cases/:id/history', {
    config: view,
    schema: { tags, summary: 'What was done to the case, newest first', params: idParams, querystring: listQuery, response: { 200: historyPage } },
  }, (request) => runner.run(who(request), (ctx) => service.caseHistory(ctx, request.params.id, request.query)));

  api.post('/api/v1/cases/:id/profiles', {
    config: edit,
    schema: { tags, summary: 'Link a person to the case in a role', params: idParams, body: linkProfileBody, response: { 201: caseProfile } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => linkProfile(ctx, request.params.id, request.body))));

  api.delete('/api/v1/cases/:id/profiles/:profileId', {
    config: edit,
    schema: { tags, summary: 'Unlink a person from the case', params: caseProfileParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await runner.run(who(request), (ctx) => unlinkProfile(ctx, request.params.id, request.params.profileId));
    return reply.status(204).send(null);
  });

  api.post('/api/v1/cases/:id/locations', {
    config: edit,
    schema: { tags, summary: 'Link a location to the case', params: idParams, body: linkLocationBody, response: { 201: caseLocation } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => linkLocation(ctx, request.params.id, request.body))));

  api.delete('/api/v1/cases/:id/locations/:locationId', {
    config: edit,
    schema: { tags, summary: 'Unlink a location from the case', params: caseLocationParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await runner.run(who(request), (ctx) => unlinkLocation(ctx, request.params.id, request.params.locationId));
    return reply.status(204).send(null);
  });

  api.post('/api/v1/cases/:id/interventions', {
    config: edit,
    schema: { tags, summary: 'Record a step of the ASB toolkit taken on the case', params: idParams, body: interventionBody, response: { 201: intervention } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => addIntervention(ctx, request.params.id, request.body))));

  api.patch('/api/v1/cases/:id/interventions/:interventionId', {
    config: edit,
    schema: { tags, params: interventionParams, body: updateInterventionBody, response: { 200: intervention } },
  }, (request) => runner.run(who(request), (ctx) => updateIntervention(ctx, request.params.id, request.params.interventionId, request.body)));
}
