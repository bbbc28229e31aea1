import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorReply, idParams } from '../../../shared/api/common.ts';
import {
  createReferralFormBody, publicFormParams, publicReferralForm, referralForm, referralFormList, referralFormListQuery, referralFormVersionList,
  updateReferralFormBody,
} from '../../../shared/api/referrals.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';
import { anonymous, who } from '../../platform/http/types.ts';
import * as service from './service.ts';

const tags = ['referrals'];
// Other organisations' systems read the forms to send referrals with their questions' answers.
const read = { permission: 'records.view', actors: staffAndSystems } as const;
const manage = { permission: 'referral_forms.manage', actors: ['user'] } as const;

/** The referral forms teams publish at /refer/<slug>, and the public's read of one. */
export async function referralFormRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/referral-forms', {
    config: read,
    schema: { tags, summary: 'Your partnership\'s referral forms, by name; only one team\'s with teamId', querystring: referralFormListQuery, response: { 200: referralFormList } },
  }, (request) => runner.run(who(request), (ctx) => service.listForms(ctx, request.query)));

  api.get('/api/v1/referral-forms/:id', {
    config: read,
    schema: { tags, summary: 'A referral form with its settings and the questions it asks now', params: idParams, response: { 200: referralForm } },
  }, (request) => runner.run(who(request), (ctx) => service.getForm(ctx, request.params.id)));

  api.get('/api/v1/referral-forms/:id/versions', {
    config: { permission: 'records.view', actors: ['user'] },
    schema: { tags, summary: 'Every version of a form\'s questions, newest first', params: idParams, response: { 200: referralFormVersionList } },
  }, (request) => runner.run(who(request), (ctx) => service.listVersions(ctx, request.params.id)));

  api.post('/api/v1/referral-forms', {
    config: manage,
    schema: {
      tags,
      summary: 'Build a referral form for a team\'s triage desk: its own questions or sections, an assessment template\'s, or only "What is your concern?"; published at /refer/<slug> unless status says otherwise',
      body: createReferralFormBody,
      response: { 201: referralForm },
    },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createForm(ctx, request.body))));

  api.patch('/api/v1/referral-forms/:id', {
    config: manage,
    schema: {
      tags,
      summary: 'Change a form\'s settings, or its questions (a new version; referrals already sent keep theirs)',
      params: idParams,
      body: updateReferralFormBody,
      response: { 200: referralForm },
    },
  }, (request) => runner.run(who(request), (ctx) => service.updateForm(ctx, request.params.id, request.body)));

  api.get('/api/v1/public/referral-forms/:slug', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'A published form\'s title, wording and questions, for anyone and with no sign-in; 410 once it is closed',
      params: publicFormParams,
      response: { 200: publicReferralForm, 404: errorReply, 410: errorReply },
    },
  }, (request) => runner.run(anonymous(request), (ctx) => service.publicForm(ctx, request.params.slug)));
}
