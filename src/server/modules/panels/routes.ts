import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, listQuery } from '../../../shared/api/common.ts';
import {
  createPanelBody, createReferralBody, meetingListQuery, meetingPage, panel, panelPage, panelStatistics as panelStatisticsReply, panelStatisticsQuery,
  recordReferralList, recordReferralQuery, referral, referralListQuery, referralPage, referralStart, referralStartQuery, updatePanelBody, withdrawReferralBody,
} from '../../../shared/api/panels.ts';
import { who } from '../../platform/http/types.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { createReferral, getReferral, listPanelReferrals, listRecordReferrals, referralStart as startReferral, withdrawReferral } from './referrals/service.ts';
import * as service from './service.ts';
import { panelStatisticsCsv } from './statistics/csv.ts';
import { panelStatistics } from './statistics/service.ts';

const tags = ['panels'];
const read = { permission: 'panels.view' } as const;
const manage = { permission: 'panels.manage' } as const;
const write = { permission: 'records.edit' } as const;

export async function panelRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/panels', {
    config: read,
    schema: { tags, summary: 'The panels your organisation sits on or you run', querystring: listQuery, response: { 200: panelPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listPanels(ctx, request.query)));

  api.post('/api/v1/panels', {
    config: manage,
    schema: { tags, summary: 'Set up a panel (MARAC, Community MARAC, MARAT, JAG, Channel, hub or case conference)', body: createPanelBody, response: { 201: panel } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => service.createPanel(ctx, request.body))));

  api.get('/api/v1/panels/:id', {
    config: read,
    schema: { tags, params: idParams, response: { 200: panel } },
  }, (request) => runner.run(who(request), (ctx) => service.getPanel(ctx, request.params.id)));

  api.patch('/api/v1/panels/:id', {
    config: manage,
    schema: { tags, summary: 'Change a panel\'s name, kind, members, chair or coordinators', params: idParams, body: updatePanelBody, response: { 200: panel } },
  }, (request) => runner.run(who(request), (ctx) => service.updatePanel(ctx, request.params.id, request.body)));

  api.get('/api/v1/panels/:id/meetings', {
    config: read,
    schema: { tags, summary: 'The panel\'s meetings', params: idParams, querystring: meetingListQuery, response: { 200: meetingPage } },
  }, (request) => runner.run(who(request), (ctx) => service.listPanelMeetings(ctx, request.params.id, request.query)));

  api.get('/api/v1/panels/:id/referrals', {
    config: read,
    schema: { tags, summary: 'The panel\'s referrals, oldest first; records you cannot open as stubs', params: idParams, querystring: referralListQuery, response: { 200: referralPage } },
  }, (request) => runner.run(who(request), (ctx) => listPanelReferrals(ctx, request.params.id, request.query)));

  api.get('/api/v1/panels/:id/referral-start', {
    config: write,
    schema: {
      tags,
      summary: 'What Concord holds for referring a person or case to the panel: latest DASH and matrix, household, earlier referrals, suggested criteria',
      params: idParams,
      querystring: referralStartQuery,
      response: { 200: referralStart },
    },
  }, (request) => runner.run(who(request), (ctx) => startReferral(ctx, request.params.id, request.query)));

  api.post('/api/v1/panels/:id/referrals', {
    config: write,
    schema: { tags, summary: 'Refer a person or case to the panel', params: idParams, body: createReferralBody, response: { 201: referral } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => createReferral(ctx, request.params.id, request.body))));

  api.get('/api/v1/panels/:id/statistics', {
    config: read,
    schema: { tags, summary: 'Referrals, repeats and the repeat rate (a fraction), criteria and actions over a date range', params: idParams, querystring: panelStatisticsQuery, response: { 200: panelStatisticsReply } },
  }, (request) => runner.run(who(request), (ctx) => panelStatistics(ctx, request.params.id, request.query)));

  api.get('/api/v1/panels/:id/statistics.csv', {
    config: read,
    schema: { tags, summary: 'The same statistics as a CSV file', params: idParams, querystring: panelStatisticsQuery },
  }, async (request, reply) => {
    const stats = await runner.run(who(request), (ctx) => panelStatistics(ctx, request.params.id, request.query, true));
    reply.header('content-disposition', 'attachment; filename="panel-statistics.csv"');
    return reply.type('text/csv; charset=utf-8').send(panelStatisticsCsv(stats));
  });

  api.get('/api/v1/panel-referrals', {
    config: read,
    schema: { tags, summary: 'A person\'s or case\'s referrals to the panels you sit on', querystring: recordReferralQuery, response: { 200: recordReferralList } },
  }, (request) => runner.run(who(request), (ctx) => listRecordReferrals(ctx, request.query)));

  api.get('/api/v1/panel-referrals/:id', {
    config: read,
    schema: { tags, params: idParams, response: { 200: referral } },
  }, (request) => runner.run(who(request), (ctx) => getReferral(ctx, request.params.id)));

  api.post('/api/v1/panel-referrals/:id/withdraw', {
    config: write,
    schema: { tags, summary: 'Withdraw a referral still waiting for a meeting', params: idParams, body: withdrawReferralBody, response: { 200: referral } },
  }, (request) => runner.run(who(request), (ctx) => withdrawReferral(ctx, request.params.id, request.body)));

  await meetingRoutes(app);
}
