import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import { appointment, appointmentBody, appointmentList, portalAppointment, portalAppointmentList, rearrangeBody, updateAppointmentBody } from '../../../shared/api/portal.ts';
import { who, whoClient } from '../../platform/http/types.ts';
import { askToRearrange, listClientAppointments } from './client.ts';
import { startReminderSweep } from './reminders.ts';
import { bookAppointment, changeAppointment, listAppointments } from './service.ts';

const tags = ['appointments'];
const view = { permission: 'records.view' } as const;
const edit = { permission: 'records.edit' } as const;
const client = { permission: 'client', actors: ['client'] } as const;

/** Appointments with a person: booked by practitioners, seen by the client in the portal, reminded of the day before. */
export async function appointmentRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  const stopSweep = startReminderSweep(app.platform, app.log);
  app.addHook('onClose', async () => stopSweep());

  api.get('/api/v1/profiles/:id/appointments', {
    config: view,
    schema: { tags, summary: 'The person\'s appointments: those to come, soonest first, then past ones, latest first', params: idParams, response: { 200: appointmentList } },
  }, (request) => runner.run(who(request), (ctx) => listAppointments(ctx, request.params.id)));

  api.post('/api/v1/profiles/:id/appointments', {
    config: edit,
    schema: { tags, summary: 'Book an appointment with the person; the client sees it in the portal', params: idParams, body: appointmentBody, response: { 201: appointment } },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => bookAppointment(ctx, request.params.id, request.body))));

  api.patch('/api/v1/appointments/:id', {
    config: edit,
    schema: {
      tags,
      summary: 'Move, correct or cancel an appointment from the version read; any change answers the client\'s request to rearrange',
      params: idParams,
      body: updateAppointmentBody,
      response: { 200: appointment },
    },
  }, (request) => runner.run(who(request), (ctx) => changeAppointment(ctx, request.params.id, request.body)));

  api.get('/api/v1/portal/appointments', {
    config: client,
    schema: { tags: ['portal'], summary: 'The client\'s appointments: those to come, soonest first, then the last few past', response: { 200: portalAppointmentList } },
  }, (request) => runner.run(whoClient(request), (ctx) => listClientAppointments(ctx)));

  api.post('/api/v1/portal/appointments/:id/rearrange', {
    config: client,
    schema: {
      tags: ['portal'],
      summary: 'Ask to rearrange one of the client\'s booked appointments still to come; the practitioner who booked it is told',
      params: idParams,
      body: rearrangeBody,
      response: { 200: portalAppointment },
    },
  }, (request) => runner.run(whoClient(request), (ctx) => askToRearrange(ctx, request.params.id, request.body)));
}
