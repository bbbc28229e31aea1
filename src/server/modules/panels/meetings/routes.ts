import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../../shared/api/common.ts';
import {
  addAgendaItemBody, agendaActionCreated, agendaItem, attendance, attendanceBody, attendanceParams, createAgendaActionBody, createMeetingBody, meeting,
  meetingItemParams, minutesBody, minutesVersionList, reorderAgendaBody, research, researchBody, updateMeetingBody,
} from '../../../../shared/api/panels.ts';
import { who } from '../../../platform/http/types.ts';
import { addAgendaItem, addWaiting, removeAgendaItem, reorderAgenda } from './agenda.ts';
import { meetingCalendar } from './ics.ts';
import { agreeAction, minutesVersions, recordAttendance, saveResearch, setMinutes } from './minutes.ts';
import { closeMeeting, createMeeting, getMeeting, loadMeeting, updateMeeting } from './service.ts';

const tags = ['panel meetings'];
const read = { permission: 'panels.view' } as const;
const write = { permission: 'records.edit' } as const;

export async function meetingRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, publicUrl } = app.platform;

  api.post('/api/v1/meetings', {
    config: write,
    schema: { tags, summary: 'Arrange a meeting of a panel you run', body: createMeetingBody, response: { 201: meeting } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => createMeeting(ctx, request.body))));

  api.get('/api/v1/meetings/:id', {
    config: read,
    schema: { tags, summary: 'The meeting and its agenda, each item as far as you may open its record', params: idParams, response: { 200: meeting } },
  }, (request) => runner.run(who(request), (ctx) => getMeeting(ctx, request.params.id)));

  api.patch('/api/v1/meetings/:id', {
    config: write,
    schema: { tags, summary: 'Move a planned meeting or change where it is held', params: idParams, body: updateMeetingBody, response: { 200: meeting } },
  }, (request) => runner.run(who(request), (ctx) => updateMeeting(ctx, request.params.id, request.body)));

  api.get('/api/v1/meetings/:id/calendar.ics', {
    config: read,
    schema: { tags, summary: 'The meeting as an iCalendar event: when, where and a link, nobody\'s details', params: idParams },
  }, async (request, reply) => {
    const { panel, meeting: m } = await runner.run(who(request), (ctx) => loadMeeting(ctx, request.params.id));
    const body = meetingCalendar(panel.row.panel.name, m, `${publicUrl()}/meetings/${m.id}`);
    reply.header('content-disposition', 'attachment; filename="meeting.ics"');
    return reply.type('text/calendar; charset=utf-8').send(body);
  });

  api.post('/api/v1/meetings/:id/close', {
    config: write,
    schema: { tags, summary: 'Close the meeting: its referrals have been heard', params: idParams, response: { 200: meeting } },
  }, (request) => runner.run(who(request), (ctx) => closeMeeting(ctx, request.params.id)));

  api.post('/api/v1/meetings/:id/agenda', {
    config: write,
    schema: { tags, summary: 'Put a waiting referral on the agenda, in SafeLives\' suggested order', params: idParams, body: addAgendaItemBody, response: { 201: agendaItem } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => addAgendaItem(ctx, request.params.id, request.body.referralId))));

  api.post('/api/v1/meetings/:id/agenda/waiting', {
    config: write,
    schema: { tags, summary: 'Put every referral waiting for the panel on the agenda, in SafeLives\' suggested order', params: idParams, response: { 200: meeting } },
  }, (request) => runner.run(who(request), (ctx) => addWaiting(ctx, request.params.id)));

  api.put('/api/v1/meetings/:id/agenda/order', {
    config: write,
    schema: { tags, summary: 'Put the agenda in your own order', params: idParams, body: reorderAgendaBody, response: { 200: meeting } },
  }, (request) => runner.run(who(request), (ctx) => reorderAgenda(ctx, request.params.id, request.body.itemIds)));

  api.delete('/api/v1/meetings/:id/agenda/:itemId', {
    config: write,
    schema: { tags, summary: 'Take an item off the agenda; its referral waits for another meeting', params: meetingItemParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await runner.run(who(request), (ctx) => removeAgendaItem(ctx, request.params.id, request.params.itemId));
    return reply.status(204).send(null);
  });

  api.put('/api/v1/meetings/:id/agenda/:itemId/minutes', {
    config: write,
    schema: { tags, summary: 'Minute an item: what was said and the risks identified', params: meetingItemParams, body: minutesBody, response: { 200: agendaItem } },
  }, (request) => runner.run(who(request), (ctx) => setMinutes(ctx, request.params.id, request.params.itemId, request.body)));

  api.get('/api/v1/meetings/:id/agenda/:itemId/versions', {
    config: read,
    schema: { tags, summary: 'The earlier wordings of an item\'s minutes', params: meetingItemParams, response: { 200: minutesVersionList } },
  }, (request) => runner.run(who(request), (ctx) => minutesVersions(ctx, request.params.id, request.params.itemId)));

  api.put('/api/v1/meetings/:id/agenda/:itemId/research', {
    config: write,
    schema: { tags, summary: 'Your agency\'s research on an item: facts, opinion, and what was withheld and why', params: meetingItemParams, body: researchBody, response: { 200: research } },
  }, (request) => runner.run(who(request), (ctx) => saveResearch(ctx, request.params.id, request.params.itemId, request.body)));

  api.post('/api/v1/meetings/:id/agenda/:itemId/actions', {
    config: write,
    schema: { tags, summary: 'Agree an action on an item: a task for a person, team or organisation', params: meetingItemParams, body: createAgendaActionBody, response: { 201: agendaActionCreated } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => agreeAction(ctx, request.params.id, request.params.itemId, request.body))));

  api.put('/api/v1/meetings/:id/attendance/:organisationId', {
    config: write,
    schema: { tags, summary: 'Record an agency\'s attendance', params: attendanceParams, body: attendanceBody, response: { 200: attendance } },
  }, (request) => runner.run(who(request), (ctx) => recordAttendance(ctx, request.params.id, request.params.organisationId, request.body)));
}
