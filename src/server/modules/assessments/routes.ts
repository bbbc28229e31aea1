import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  adjustAssessmentBody, assessment, assessmentListQuery, assessmentPage, comparison, completeAssessmentBody, createAssessmentBody,
  decideAdjustmentBody, informationRequestBody, recordAssessments, riskLevelHistory, updateAssessmentBody,
} from '../../../shared/api/assessments.ts';
import { idParams } from '../../../shared/api/common.ts';
import { assessmentSubjectKinds } from '../../../shared/assessments.ts';
import { who } from '../../platform/http/types.ts';
import { adjustAssessment, decideAdjustment } from './adjustment.ts';
import { completeAssessment } from './complete.ts';
import { discardAssessment } from './discard.ts';
import { createAssessment, getAssessment, updateAssessment } from './drafts.ts';
import { requestInformation } from './information.ts';
import { listAssessments, listRecordAssessments } from './lists.ts';
import { comparison as compare, startReview } from './review.ts';
import { riskLevels } from './risk-level.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';
import { kinds } from '../../platform/access/kinds.ts';

const tags = ['assessments'];

/** Assessments of profiles and cases. Other systems may start, fill in, complete and read them; the rest is for people. */
export async function assessmentRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.post('/api/v1/assessments', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: { tags, summary: 'Start an assessment of a profile or case with a template (by id or key); it is saved as a draft', body: createAssessmentBody, response: { 201: assessment } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => createAssessment(ctx, request.body))));

  api.get('/api/v1/assessments', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'Your lists: your team\'s drafts, adjustments awaiting your approval, your reviews due within a week, your assessments', querystring: assessmentListQuery, response: { 200: assessmentPage } },
  }, (request) => runner.run(who(request), (ctx) => listAssessments(ctx, request.query)));

  api.get('/api/v1/assessments/:id', {
    config: { permission: 'records.view', actors: staffAndSystems },
    schema: { tags, summary: 'An assessment, or a stub (template, status, team, dates) when its visibility leaves you out', params: idParams, response: { 200: assessment } },
  }, (request) => runner.run(who(request), (ctx) => getAssessment(ctx, request.params.id)));

  api.patch('/api/v1/assessments/:id', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: { tags, summary: 'Save answers to a draft: answers given replace those held, null clears one', params: idParams, body: updateAssessmentBody, response: { 200: assessment } },
  }, (request) => runner.run(who(request), (ctx) => updateAssessment(ctx, request.params.id, request.body)));

  api.delete('/api/v1/assessments/:id', {
    config: { permission: 'records.edit' },
    schema: { tags, summary: 'Discard a draft of your team', params: idParams },
  }, async (request, reply) => {
    await runner.run(who(request), (ctx) => discardAssessment(ctx, request.params.id));
    return reply.status(204).send(null);
  });

  api.post('/api/v1/assessments/:id/complete', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: {
      tags,
      summary: 'Complete a draft: the server checks required answers and computes the score and band; optionally a review date and an adjustment',
      params: idParams,
      body: completeAssessmentBody.nullish(),
      response: { 200: assessment },
    },
  }, (request) => runner.run(who(request), (ctx) => completeAssessment(ctx, request.params.id, request.body)));

  api.post('/api/v1/assessments/:id/adjustment', {
    config: { permission: 'records.edit' },
    schema: { tags, summary: 'Adjust the score of your latest completed assessment, giving reasons', params: idParams, body: adjustAssessmentBody, response: { 200: assessment } },
  }, (request) => runner.run(who(request), (ctx) => adjustAssessment(ctx, request.params.id, request.body)));

  api.post('/api/v1/assessments/:id/adjustment/decision', {
    config: { permission: 'assessments.approve' },
    schema: { tags, summary: 'Approve or reject an adjustment by an assessor of your team', params: idParams, body: decideAdjustmentBody, response: { 200: assessment } },
  }, (request) => runner.run(who(request), (ctx) => decideAdjustment(ctx, request.params.id, request.body)));

  api.post('/api/v1/assessments/:id/review', {
    config: { permission: 'records.edit' },
    schema: { tags, summary: 'Start a review: a new draft with the current template version and the answers of this assessment', params: idParams, response: { 201: assessment } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => startReview(ctx, request.params.id))));

  api.get('/api/v1/assessments/:id/comparison', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'The completed assessments with the same template on the record that you may read, oldest first', params: idParams, response: { 200: comparison } },
  }, (request) => runner.run(who(request), (ctx) => compare(ctx, request.params.id)));

  api.post('/api/v1/assessments/:id/information-requests', {
    config: { permission: 'records.edit' },
    schema: { tags, summary: 'Task someone for the information a question of a draft needs', params: idParams, body: informationRequestBody, response: { 201: assessment } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => requestInformation(ctx, request.params.id, request.body))));

  for (const kind of assessmentSubjectKinds) {
    api.get(`/api/v1/${kinds[kind].path}/:id/assessments`, {
      config: { permission: 'records.view' },
      schema: { tags, summary: `The assessments of this ${kind}: completed ones, your team's drafts, and any it still needs`, params: idParams, response: { 200: recordAssessments } },
    }, (request) => runner.run(who(request), (ctx) => listRecordAssessments(ctx, kind, request.params.id)));
  }

  api.get('/api/v1/profiles/:id/risk-levels', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'Each change of this profile\'s risk level, newest first', params: idParams, response: { 200: riskLevelHistory } },
  }, (request) => runner.run(who(request), (ctx) => riskLevels(ctx, request.params.id)));
}
