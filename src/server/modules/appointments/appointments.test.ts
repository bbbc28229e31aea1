import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, PortalAppointment } from '../../../shared/api/portal.ts';
import { publicUrl, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { dayAndTime } from '../portal/wording.ts';
import { hoursAhead, personWithClient, type Structure } from '../portal-sharing/portal-clients.fixtures.ts';
import { auditOf, createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { userId } from '../tasks/tasks.fixtures.ts';
import { sweepAppointmentReminders } from './reminders.ts';

let t: TestApp;
let structure: Structure;
let police: Agent;
let council: Agent;

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
});
afterAll(() => t.close());

async function book(agent: Agent, profileId: string, body: Record<string, unknown> = {}): Promise<Appointment> {
  const response = await agent.post(`/api/v1/profiles/${profileId}/appointments`, {
    startsAt: hoursAhead(72), place: 'Community Safety office, 1 High Street', withWhom: 'Alex, your caseworker', details: 'Bring your tenancy agreement', ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function change(agent: Agent, id: string, body: Record<string, unknown>): Promise<Appointment> {
  const response = await agent.patch(`/api/v1/appointments/${id}`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function portalAppointments(client: Agent): Promise<PortalAppointment[]> {
  const response = await client.get('/api/v1/portal/appointments');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

describe('appointments with a person', () => {
  it('are booked and changed with edit, from the version read; the client sees those to come first', async () => {
    const { person, client } = await personWithClient(t, structure);
    const later = await book(police, person.id, { startsAt: hoursAhead(96) });
    const sooner = await book(police, person.id, { startsAt: hoursAhead(48), endsAt: hoursAhead(49) });
    expect(sooner).toMatchObject({ status: 'booked', rearrangeRequest: null, reminderSentAt: null, version: 1, createdBy: { id: await userId(t, emails.police) } });

    const list = (await police.get(`/api/v1/profiles/${person.id}/appointments`)).json();
    expect(list.items.map((a: Appointment) => a.id)).toEqual([sooner.id, later.id]);
    expect(list.permissions).toEqual({ canEdit: true });
    const seen = await portalAppointments(client);
    expect(seen.map((a) => a.id)).toEqual([sooner.id, later.id]);
    expect(seen[0]).not.toHaveProperty('createdBy');
    expect(seen[0]).not.toHaveProperty('reminderSentAt');

    const moved = await change(police, later.id, { version: 1, place: 'Your home', details: null });
    expect(moved).toMatchObject({ place: 'Your home', details: null, version: 2, withWhom: 'Alex, your caseworker' });
    expectError(await police.patch(`/api/v1/appointments/${later.id}`, { version: 1, place: 'Elsewhere' }), 409, 'conflict');
    const cancelled = await change(police, later.id, { version: 2, status: 'cancelled' });
    expect(cancelled.status).toBe('cancelled');
    expect((await portalAppointments(client)).find((a) => a.id === later.id)?.status).toBe('cancelled');

    const events = await auditOf(t, later.id);
    expect(events.map((e) => e.action)).toEqual(['appointment.updated', 'appointment.updated', 'appointment.created']);
    expect(events[0]).toMatchObject({ entityType: 'appointment', details: { profileId: person.id, status: 'cancelled' } });
    expect(JSON.stringify(events)).not.toContain('tenancy agreement');
  });

  it('refuse a time in the past, an end before the start and bad values', async () => {
    const person = await createProfile(police, { roles: ['victim'] });
    const url = `/api/v1/profiles/${person.id}/appointments`;
    const body = { startsAt: hoursAhead(24), place: 'Office', withWhom: 'Alex' };
    const past = await police.post(url, { ...body, startsAt: hoursAhead(-1) });
    expectError(past, 422, 'validation_failed');
    expect(past.json().error.details).toEqual([{ field: 'startsAt', problem: 'must be in the future' }]);
    const backwards = await police.post(url, { ...body, endsAt: hoursAhead(23) });
    expect(backwards.json().error.details).toEqual([{ field: 'endsAt', problem: 'must be after the start' }]);
    expectError(await police.post(url, { ...body, place: ' ' }), 422, 'validation_failed');
    expectError(await police.post(url, { ...body, startsAt: 'tomorrow' }), 422, 'validation_failed');
    const booked = await book(police, person.id);
    expectError(await police.patch(`/api/v1/appointments/${booked.id}`, { version: 1, endsAt: hoursAhead(1) }), 422, 'validation_failed');
    expectError(await police.patch(`/api/v1/appointments/${booked.id}`, { version: 1, status: 'missed' }), 422, 'validation_failed');
  });

  it('are read with view and changed only with edit; another organisation gets 403, the other partnership 404', async () => {
    const { person } = await personWithClient(t, structure);
    const booked = await book(police, person.id);
    expect((await council.get(`/api/v1/profiles/${person.id}/appointments`)).json()).toMatchObject({ items: [{ id: booked.id }], permissions: { canEdit: false } });
    expectError(await council.post(`/api/v1/profiles/${person.id}/appointments`, { startsAt: hoursAhead(30), place: 'Office', withWhom: 'Alex' }), 403, 'forbidden');
    expectError(await council.patch(`/api/v1/appointments/${booked.id}`, { version: 1, place: 'Elsewhere' }), 403, 'forbidden');
    const housing = await t.as(emails.housing);
    const other = await t.as(emails.other);
    for (const [agent, status, code] of [[housing, 403, 'no_access'], [other, 404, 'not_found']] as const) {
      expectError(await agent.get(`/api/v1/profiles/${person.id}/appointments`), status, code);
      expectError(await agent.post(`/api/v1/profiles/${person.id}/appointments`, { startsAt: hoursAhead(30), place: 'Office', withWhom: 'Alex' }), status, code);
      expectError(await agent.patch(`/api/v1/appointments/${booked.id}`, { version: 1, place: 'Elsewhere' }), status, code);
    }
  });
});

describe('a client asking to rearrange', () => {
  it('tells the practitioner who booked it, in words naming nobody, until a change answers it', async () => {
    const { person, client } = await personWithClient(t, structure);
    const booked = await book(police, person.id);
    const response = await client.post(`/api/v1/portal/appointments/${booked.id}/rearrange`, { reason: 'I start a new job that week' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: booked.id, rearrangeRequest: { reason: 'I start a new job that week', at: expect.any(String) } });

    const { rows } = await t.database.pool.query<{ message: string; link: string; subject_id: string }>(
      'select message, link, subject_id from notifications where user_id = $1 and kind = $2 and record_id = $3',
      [await userId(t, emails.police), 'client_request', person.id],
    );
    expect(rows).toEqual([{ message: 'A client asked to rearrange an appointment.', link: `/profiles/${person.id}`, subject_id: booked.id }]);
    const [event] = await auditOf(t, booked.id, 'appointment.rearrange_requested');
    expect(event).toMatchObject({ actor: expect.objectContaining({ kind: 'client' }), details: { profileId: person.id } });
    expect(JSON.stringify(event)).not.toContain('new job');

    const staffView: Appointment = (await police.get(`/api/v1/profiles/${person.id}/appointments`)).json().items[0];
    expect(staffView.rearrangeRequest?.reason).toBe('I start a new job that week');
    expect(staffView.version).toBe(2);
    const moved = await change(police, booked.id, { version: 2, startsAt: hoursAhead(120) });
    expect(moved.rearrangeRequest).toBeNull();
  });

  it('is for the client\'s own booked appointments still to come: another person\'s is 404, a cancelled one 409', async () => {
    const a = await personWithClient(t, structure);
    const b = await personWithClient(t, structure);
    const theirs = await book(police, b.person.id);
    expectError(await a.client.post(`/api/v1/portal/appointments/${theirs.id}/rearrange`, { reason: 'Please' }), 404, 'not_found');
    expect(await portalAppointments(a.client)).toEqual([]);
    const mine = await book(police, a.person.id);
    await change(police, mine.id, { version: 1, status: 'cancelled' });
    expectError(await a.client.post(`/api/v1/portal/appointments/${mine.id}/rearrange`, { reason: 'Please' }), 409, 'appointment_not_upcoming');
    expectError(await a.client.post(`/api/v1/portal/appointments/${mine.id}/rearrange`, { reason: '' }), 422, 'validation_failed');
    // Neither kind of session reaches the other's routes.
    expect((await a.client.get(`/api/v1/profiles/${a.person.id}/appointments`)).statusCode).toBe(401);
    expect((await police.get('/api/v1/portal/appointments')).statusCode).toBe(401);
  });
});

describe('the reminder sweep', () => {
  const sweep = () => sweepAppointmentReminders(t.app.platform);
  const remindersTo = async (email: string) => {
    const { rows } = await t.database.pool.query<{ subject: string; body: string }>(
      'select subject, body from outbound_messages where recipient = $1 and body like $2',
      [email, 'You have an appointment on%'],
    );
    return rows;
  };
  const reminderSent = async (id: string) => (await t.database.pool.query<{ at: Date | null }>('select reminder_sent_at as at from appointments where id = $1', [id])).rows[0]?.at ?? null;

  it('reminds the client once of an appointment within a day, saying nothing of what or where', async () => {
    const { person, email } = await personWithClient(t, structure);
    const soon = await book(police, person.id, { startsAt: hoursAhead(3) });
    const nextWeek = await book(police, person.id, { startsAt: hoursAhead(24 * 7) });
    await sweep();
    await sweep();
    const sent = await remindersTo(email);
    expect(sent).toHaveLength(1);
    const when = dayAndTime(new Date(soon.startsAt));
    expect(sent[0]).toEqual({ subject: 'My account: reminder', body: `You have an appointment on ${when.day} at ${when.time}. Sign in for the details: ${publicUrl}/portal` });
    expect(await reminderSent(soon.id)).not.toBeNull();
    expect(await reminderSent(nextWeek.id)).toBeNull();
    const [event] = await auditOf(t, soon.id, 'appointment.reminder_sent');
    expect(event).toMatchObject({ details: { profileId: person.id, channel: 'email', withheld: [] } });
  });

  it('withholds a reminder by a channel the contact plan does not mark safe, and records so', async () => {
    const { person, email } = await personWithClient(t, structure);
    // A plan marks nothing safe until the practitioner confirms it.
    expect((await police.request('PUT', `/api/v1/profiles/${person.id}/contact-plan`, {})).statusCode).toBe(200);
    const soon = await book(police, person.id, { startsAt: hoursAhead(2) });
    await sweep();
    expect(await remindersTo(email)).toEqual([]);
    expect(await reminderSent(soon.id)).not.toBeNull();
    const [event] = await auditOf(t, soon.id, 'appointment.reminder_sent');
    expect(event).toMatchObject({ details: { channel: null, withheld: ['email'] } });
  });

  it('skips cancelled appointments and clients whose access has ended', async () => {
    const cancelledOne = await personWithClient(t, structure);
    const booked = await book(police, cancelledOne.person.id, { startsAt: hoursAhead(5) });
    await change(police, booked.id, { version: 1, status: 'cancelled' });
    const ended = await personWithClient(t, structure);
    const theirs = await book(police, ended.person.id, { startsAt: hoursAhead(5) });
    expect((await police.delete(`/api/v1/profiles/${ended.person.id}/portal-access`)).statusCode).toBe(200);
    await sweep();
    expect(await remindersTo(cancelledOne.email)).toEqual([]);
    expect(await remindersTo(ended.email)).toEqual([]);
    expect(await reminderSent(booked.id)).toBeNull();
    expect(await reminderSent(theirs.id)).toBeNull();
  });
});
