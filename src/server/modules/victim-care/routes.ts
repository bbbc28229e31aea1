import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import {
  caseReview, communityTriggerListQuery, communityTriggerPage, contactPlan, contactPlanBody, createCaseReviewBody, flagParams, moveCaseReviewBody,
  openCaseReviewBody, overdueContactPage, overdueContactsQuery, recordContactBody, victimCare, victimCareSettings, victimCareSettingsBody,
  victimContact, victimContactListQuery, victimContactPage,
} from '../../../shared/api/victim-care.ts';
import { who } from '../../platform/http/types.ts';
import { exportContacts, listContacts, recordContact } from './contacts.ts';
import { listOverdueContacts } from './overdue.ts';
import { getContactPlan, setContactPlan } from './plans.ts';
import { createReview, getReview, moveReview, openFromFlag } from './reviews/service.ts';
import { getVictimCare } from './service.ts';
import { getSettings, updateSettings } from './settings.ts';
import { startVictimCareSweeps } from './sweeps.ts';
import { listCommunityTriggers } from './triggers/service.ts';

const tags = ['victim care'];
const view = { permission: 'records.view' } as const;
const edit = { permission: 'records.edit' } as const;

/** Contact plans and contacts with victims, overdue contacts, the community trigger and ASB case reviews. */
export async function victimCareRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  const stopSweeps = startVictimCareSweeps(runner, app.log);
  app.addHook('onClose', async () => stopSweeps());

  api.get('/api/v1/victim-care/settings', {
    config: { permission: 'signed_in' },
    schema: { tags, summary: 'The partnership\'s contact cadence by risk level, grace before supervisors are told, and community trigger', response: { 200: victimCareSettings } },
  }, (request) => runner.run(who(request), (ctx) => getSettings(ctx)));

  api.put('/api/v1/victim-care/settings', {
    config: { permission: 'partnerships.manage' },
    schema: { tags, summary: 'Change the partnership\'s victim care settings (its system administrators)', body: victimCareSettingsBody, response: { 200: victimCareSettings } },
  }, (request) => runner.run(who(request), (ctx) => updateSettings(ctx, request.body)));

  api.get('/api/v1/profiles/:id/victim-care', {
    config: view,
    schema: { tags, summary: 'The person\'s contact plan, whether a contact is overdue, the community trigger and any case review', params: idParams, response: { 200: victimCare } },
  }, (request) => runner.run(who(request), (ctx) => getVictimCare(ctx, request.params.id)));

  api.get('/api/v1/profiles/:id/contact-plan', {
    config: view,
    schema: { tags, summary: 'The victim\'s contact plan; 404 when they have none', params: idParams, response: { 200: contactPlan } },
  }, (request) => runner.run(who(request), (ctx) => getContactPlan(ctx, request.params.id)));

  api.put('/api/v1/profiles/:id/contact-plan', {
    config: edit,
    schema: {
      tags,
      summary: 'Set or change the victim\'s contact plan; frequencyDays defaults to the partnership\'s cadence for their risk level',
      params: idParams,
      body: contactPlanBody,
      response: { 200: contactPlan },
    },
  }, (request) => runner.run(who(request), (ctx) => setContactPlan(ctx, request.params.id, request.body)));

  api.get('/api/v1/profiles/:id/contacts', {
    config: view,
    schema: { tags, summary: 'The victim\'s record of contacts and attempts, newest first', params: idParams, querystring: victimContactListQuery, response: { 200: victimContactPage } },
  }, (request) => runner.run(who(request), (ctx) => listContacts(ctx, request.params.id, request.query)));

  api.post('/api/v1/profiles/:id/contacts', {
    config: edit,
    schema: {
      tags,
      summary: 'Record a contact or an attempt; a channel the plan does not mark safe is refused (422 unsafe_channel)',
      params: idParams,
      body: recordContactBody,
      response: { 201: victimContact },
    },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => recordContact(ctx, request.params.id, request.body))));

  api.get('/api/v1/profiles/:id/contacts.csv', {
    config: view,
    schema: { tags, summary: 'The victim\'s record of contacts as a CSV file', params: idParams },
  }, async (request, reply) => {
    const { csv, fileName } = await runner.run(who(request), (ctx) => exportContacts(ctx, request.params.id));
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return reply.type('text/csv; charset=utf-8').send(csv);
  });

  api.get('/api/v1/victim-contacts/overdue', {
    config: view,
    schema: { tags, summary: 'Overdue contacts with victims you may open, soonest due first; with teamId, that team\'s people', querystring: overdueContactsQuery, response: { 200: overdueContactPage } },
  }, (request) => runner.run(who(request), (ctx) => listOverdueContacts(ctx, request.query)));

  api.get('/api/v1/community-triggers', {
    config: view,
    schema: { tags, summary: 'Victims the community trigger flagged whom you may open, newest first', querystring: communityTriggerListQuery, response: { 200: communityTriggerPage } },
  }, (request) => runner.run(who(request), (ctx) => listCommunityTriggers(ctx, request.query)));

  api.post('/api/v1/community-triggers/:flagId/case-review', {
    config: edit,
    schema: { tags, summary: 'Open the ASB case review of a flagged victim', params: flagParams, body: openCaseReviewBody, response: { 201: caseReview } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => openFromFlag(ctx, request.params.flagId, request.body))));

  api.post('/api/v1/case-reviews', {
    config: edit,
    schema: { tags, summary: 'Open an ASB case review on a victim\'s application, flagged or not', body: createCaseReviewBody, response: { 201: caseReview } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => createReview(ctx, request.body))));

  api.get('/api/v1/case-reviews/:id', {
    config: view,
    schema: { tags, summary: 'An ASB case review with its steps and their due dates', params: idParams, response: { 200: caseReview } },
  }, (request) => runner.run(who(request), (ctx) => getReview(ctx, request.params.id)));

  api.patch('/api/v1/case-reviews/:id', {
    config: edit,
    schema: { tags, summary: 'Take the review\'s next step; 409 stage_out_of_order or on a stale version', params: idParams, body: moveCaseReviewBody, response: { 200: caseReview } },
  }, (request) => runner.run(who(request), (ctx) => moveReview(ctx, request.params.id, request.body)));
}
