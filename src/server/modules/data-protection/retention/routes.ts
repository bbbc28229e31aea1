import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/api/common.ts';
import {
  anonymiseBody, anonymised, anonymisedCase, legalHold, legalHoldBody, legalHoldPage, legalHoldQuery, liftHoldBody, retentionDecisionBody, retentionReview,
  retentionReviewPage, retentionReviewQuery, retentionRule, retentionRuleBody, retentionRuleList, retentionRulePatch, retentionState, retentionSwept,
} from '../../../../shared/api/retention.ts';
import { who } from '../../../platform/http/types.ts';
import { anonymiseCase, anonymiseProfile, type RetentionDeps } from './anonymise.ts';
import { decide, listReviews } from './decide.ts';
import { listHolds, liftHold, placeHold } from './holds.ts';
import { createRule, listRules, requireKeeper, updateRule } from './rules.ts';
import { retentionState as stateOf } from './service.ts';
import { startRetentionSweep, sweepRetention } from './sweep.ts';

/** Retention rules, the review queue and its decisions, anonymising a person or a case, and legal holds. */
export async function retentionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, files, keyRing } = app.platform;
  const deps: RetentionDeps = { files, keyRing };
  const tags = ['data protection'];
  const review = { permission: 'retention.review' } as const;

  // The first sweep runs before the server answers anyone, so a new demo's queue is filled from
  // the start and no request races it; then every hour.
  const sweep = startRetentionSweep(runner, app.log);
  app.addHook('onReady', sweep.first);
  app.addHook('onClose', async () => sweep.stop());

  api.get('/api/v1/retention-rules', {
    config: review,
    schema: { tags, summary: 'How long the partnership keeps each kind of record', response: { 200: retentionRuleList } },
  }, (request) => runner.run(who(request), (ctx) => listRules(ctx)));

  api.post('/api/v1/retention-rules', {
    config: { permission: 'retention.manage' },
    schema: { tags, summary: 'Set how long a kind of record (or a case type) is kept, and from when', body: retentionRuleBody, response: { 201: retentionRule } },
  }, async (request, reply) => reply.code(201).send(await runner.run(who(request), (ctx) => createRule(ctx, request.body))));

  api.patch('/api/v1/retention-rules/:id', {
    config: { permission: 'retention.manage' },
    schema: { tags, summary: 'Change how long a rule keeps records, or end it', params: idParams, body: retentionRulePatch, response: { 200: retentionRule } },
  }, (request) => runner.run(who(request), (ctx) => updateRule(ctx, request.params.id, request.body)));

  // The hourly sweep, now, for the caller's partnership: after setting a rule, its records show at once.
  api.post('/api/v1/retention-rules/sweep', {
    config: { permission: 'retention.manage' },
    schema: { tags, summary: 'Put the partnership\'s records past their retention period in the queue now, rather than at the next hourly sweep', response: { 200: retentionSwept } },
  }, async (request) => {
    const partnershipId = await runner.run(who(request), async (ctx) => {
      requireKeeper(ctx);
      return ctx.actor.partnershipId;
    });
    return { added: await sweepRetention(runner, partnershipId) };
  });

  api.get('/api/v1/retention-reviews', {
    config: review,
    schema: { tags, summary: 'Records past their retention period, waiting for a decision (or decided), soonest due first', querystring: retentionReviewQuery, response: { 200: retentionReviewPage } },
  }, (request) => runner.run(who(request), (ctx) => listReviews(ctx, request.query)));

  api.post('/api/v1/retention-reviews/:id/decision', {
    config: review,
    schema: { tags, summary: 'Keep a record until a later date, anonymise it or delete it', params: idParams, body: retentionDecisionBody, response: { 200: retentionReview } },
  }, (request) => runner.run(who(request), (ctx) => decide(ctx, deps, request.params.id, request.body)));

  api.post('/api/v1/profiles/:id/anonymise', {
    config: review,
    schema: { tags, summary: 'Replace a person\'s names, date of birth, contacts and free text, keeping links and counts; audited without the old values', params: idParams, body: anonymiseBody, response: { 200: anonymised } },
  }, (request) => runner.run(who(request), (ctx) => anonymiseProfile(ctx, deps, request.params.id, request.body)));

  api.post('/api/v1/cases/:id/anonymise', {
    config: review,
    schema: { tags, summary: 'Anonymise a closed case and its people, except those on another open case or under a legal hold', params: idParams, body: anonymiseBody, response: { 200: anonymisedCase } },
  }, (request) => runner.run(who(request), (ctx) => anonymiseCase(ctx, deps, request.params.id, request.body)));

  api.get('/api/v1/profiles/:id/retention', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'Whether the person was anonymised, is under a legal hold or waits for a retention decision', params: idParams, response: { 200: retentionState } },
  }, (request) => runner.run(who(request), (ctx) => stateOf(ctx, 'profile', request.params.id)));

  api.get('/api/v1/cases/:id/retention', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'Whether the case was anonymised, is under a legal hold or waits for a retention decision', params: idParams, response: { 200: retentionState } },
  }, (request) => runner.run(who(request), (ctx) => stateOf(ctx, 'case', request.params.id)));

  api.get('/api/v1/legal-holds', {
    config: review,
    schema: { tags, summary: 'Legal holds on the records you decide on, newest first', querystring: legalHoldQuery, response: { 200: legalHoldPage } },
  }, (request) => runner.run(who(request), (ctx) => listHolds(ctx, request.query)));

  api.post('/api/v1/legal-holds', {
    config: review,
    schema: { tags, summary: 'Place a legal hold on a person or a case: nothing anonymises or deletes it until lifted', body: legalHoldBody, response: { 201: legalHold } },
  }, async (request, reply) => reply.code(201).send(await runner.run(who(request), (ctx) => placeHold(ctx, request.body))));

  api.post('/api/v1/legal-holds/:id/lift', {
    config: review,
    schema: { tags, summary: 'Lift a legal hold, with a reason', params: idParams, body: liftHoldBody, response: { 200: legalHold } },
  }, (request) => runner.run(who(request), (ctx) => liftHold(ctx, request.params.id, request.body)));
}
