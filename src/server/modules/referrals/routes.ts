import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import { profileMatches } from '../../../shared/api/profiles.ts';
import {
  assignReferralBody, createdReferral, createReferralBody, recordInformationBody, referral, referralListQuery, referralNote, referralNoteBody,
  referralPage, referralReasonBody, referralStatistics, referralStatisticsQuery, startTriageBody,
} from '../../../shared/api/referrals.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';
import { who } from '../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['referrals'];
const triage = { permission: 'referrals.triage' } as const;
// These reply with the referral (or a note) unsealed: a repeat's stored copy is kept sealed.
const unsealedReply = { ...triage, idempotent: 'sealed' } as const;

/** The triage desk: referrals keyed in or sent by other systems, each team's list, a referral's page and the desk's work on it. */
export async function referralRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, keyRing, mailer, publicUrl } = app.platform;
  const deps = { keyRing, mailer, publicUrl };

  const stopSweep = service.startReferralSweep(runner, app.log);
  app.addHook('onClose', async () => stopSweep());

  api.post('/api/v1/referrals', {
    config: { ...triage, actors: staffAndSystems },
    schema: {
      tags,
      summary: 'Key in a referral taken by phone, on paper, by email or in person, or send one from another system (its channel is then `api`); it lands on a team\'s triage desk, your own unless teamId says another',
      body: createReferralBody,
      response: { 201: createdReferral },
    },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createReferral(ctx, deps, request.body))));

  api.get('/api/v1/referrals', {
    config: triage,
    schema: {
      tags,
      summary: 'A team\'s triage desk (yours unless teamId names another you work): open referrals most urgent first, those waiting for the referrer after them, then those finished with, latest first',
      querystring: referralListQuery,
      response: { 200: referralPage },
    },
  }, (request) => runner.run(who(request), (ctx) => service.listReferrals(ctx, keyRing, request.query)));

  api.get('/api/v1/referrals/statistics', {
    config: triage,
    schema: {
      tags,
      summary: 'A desk\'s figures over London dates (the last 90 days by default): received, decided, median and 95th percentile hours to a decision by outcome, open and overdue now',
      querystring: referralStatisticsQuery,
      response: { 200: referralStatistics },
    },
  }, (request) => runner.run(who(request), (ctx) => service.deskStatistics(ctx, request.query)));

  api.get('/api/v1/referrals/:id', {
    config: triage,
    schema: { tags, summary: 'A referral on your team\'s desk: everything the referrer said, notes, steps taken, questions asked and any outcome', params: idParams, response: { 200: referral } },
  }, (request) => runner.run(who(request), (ctx) => service.getReferral(ctx, keyRing, request.params.id)));

  api.get('/api/v1/referrals/:id/matches', {
    config: triage,
    schema: { tags, summary: 'Who the referral\'s subject may already be: likely matches across the partnership, those you cannot open as locked stubs', params: idParams, response: { 200: profileMatches } },
  }, (request) => runner.run(who(request), (ctx) => service.referralMatches(ctx, keyRing, request.params.id)));

  api.patch('/api/v1/referrals/:id', {
    config: triage,
    schema: {
      tags,
      summary: 'Assign the referral to a member of its team who works the desk, or to nobody; taking a new one on starts its triage',
      params: idParams,
      body: assignReferralBody,
      response: { 200: referral },
    },
  }, (request) => runner.run(who(request), (ctx) => service.assignReferral(ctx, keyRing, request.params.id, request.body)));

  api.post('/api/v1/referrals/:id/notes', {
    config: unsealedReply,
    schema: { tags, summary: 'Add a working note to the referral (kept sealed like the referral)', params: idParams, body: referralNoteBody, response: { 201: referralNote } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.addNote(ctx, keyRing, request.params.id, request.body.text))));

  api.post('/api/v1/referrals/:id/triage', {
    config: unsealedReply,
    schema: { tags, summary: 'Start triage of a new referral; 409 referral_state from any other state', params: idParams, body: startTriageBody, response: { 200: referral } },
  }, (request) => runner.run(who(request), (ctx) => service.moveReferral(ctx, keyRing, request.params.id, 'start-triage', request.body)));

  api.post('/api/v1/referrals/:id/withdrawal', {
    config: unsealedReply,
    schema: { tags, summary: 'Withdraw an open referral (the referrer took it back, or it was sent in error), with the reason', params: idParams, body: referralReasonBody, response: { 200: referral } },
  }, (request) => runner.run(who(request), (ctx) => service.moveReferral(ctx, keyRing, request.params.id, 'withdraw', request.body)));

  api.post('/api/v1/referrals/:id/reopening', {
    config: unsealedReply,
    schema: {
      tags,
      summary: 'Take a decided or withdrawn referral back into triage, with the reason; what it created stays (a case is closed on its own page)',
      params: idParams,
      body: referralReasonBody,
      response: { 200: referral },
    },
  }, (request) => runner.run(who(request), (ctx) => service.moveReferral(ctx, keyRing, request.params.id, 'reopen', request.body)));

  api.post('/api/v1/referrals/:id/information', {
    config: unsealedReply,
    schema: {
      tags,
      summary: 'Record what the referrer told the team (by phone, say) in answer to the question waiting; the clock starts again and their link stops working',
      params: idParams,
      body: recordInformationBody,
      response: { 200: referral },
    },
  }, (request) => runner.run(who(request), (ctx) => service.recordInformation(ctx, keyRing, request.params.id, request.body)));
}
