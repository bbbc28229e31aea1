import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { addToAgenda, createMeeting, createPanel, daysFromToday, fireOfficer, refer } from './panels.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const councilTeam = () => place.team('Demo District Council/Community Safety team').teamId;

describe('arranging a meeting', () => {
  it('is for those who run the panel; members read it and its calendar event, which names nobody', async () => {
    const lead = await t.as(emails.lead);
    const panel = await createPanel(lead, place, { name: `Calendar MARAC ${Date.now()}` });
    const startsAt = '2031-03-04T10:00:00.000Z';
    const meeting = await createMeeting(lead, panel.id, { startsAt, endsAt: '2031-03-04T12:30:00.000Z', onlineLink: 'https://meet.example.org/marac' });
    expect(meeting).toMatchObject({ panelId: panel.id, startsAt, status: 'planned', agenda: [], permissions: { canRun: true } });
    expect((await auditOf(t, meeting.id, 'meeting.created'))).toHaveLength(1);

    const council = await t.as(emails.council);
    expectError(await council.post('/api/v1/meetings', { panelId: panel.id, startsAt }), 403, 'forbidden');
    expect((await council.get(`/api/v1/meetings/${meeting.id}`)).json()).toMatchObject({ id: meeting.id, permissions: { canRun: false, canResearch: true } });
    expectError(await lead.post('/api/v1/meetings', { panelId: panel.id, startsAt, endsAt: '2031-03-04T09:00:00.000Z' }), 422, 'validation_failed');

    const person = await createProfile(lead, { firstName: 'Ivy', lastName: 'Calendarless' });
    await addToAgenda(lead, meeting.id, (await refer(lead, panel.id, { type: 'profile', id: person.id })).id);
    const ics = await council.get(`/api/v1/meetings/${meeting.id}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const lines = ics.body.split(/\r\n/);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('BEGIN:VEVENT');
    expect(lines).toContain('DTSTART:20310304T100000Z');
    expect(lines).toContain('DTEND:20310304T123000Z');
    expect(lines).toContain('END:VCALENDAR');
    expect(ics.body).toContain(`SUMMARY:${panel.name} meeting`);
    expect(ics.body).not.toContain('Ivy');
    expect(ics.body).not.toContain('Calendarless');

    const other = await t.as(emails.other);
    for (const path of ['', '/calendar.ics']) expectError(await other.get(`/api/v1/meetings/${meeting.id}${path}`), 404, 'not_found');
    expectError(await other.post('/api/v1/meetings', { panelId: panel.id, startsAt }), 404, 'not_found');
    const fire = await fireOfficer(t, place);
    expectError(await fire.agent.get(`/api/v1/meetings/${meeting.id}`), 403, 'no_access');
    expectError(await fire.agent.get(`/api/v1/meetings/${meeting.id}/calendar.ics`), 403, 'no_access');

    const moved = await lead.patch(`/api/v1/meetings/${meeting.id}`, { version: 1, startsAt: '2031-03-05T10:00:00.000Z', endsAt: null });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: '2031-03-05T10:00:00.000Z', endsAt: null, version: 2 });
    expectError(await lead.patch(`/api/v1/meetings/${meeting.id}`, { version: 1, place: 'Town hall' }), 409, 'conflict');
    const listed = (await council.get(`/api/v1/panels/${panel.id}/meetings?when=upcoming`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: meeting.id, items: 1 })]);
  });
});

describe('the agenda', () => {
  it('follows SafeLives\' suggested order: outstanding actions, then children, then adults, then those 12 months on from their last hearing', async () => {
    const lead = await t.as(emails.lead);
    const panel = await createPanel(lead, place);
    const person = async (name: string, withChild = false) => {
      const p = await createProfile(lead, { firstName: name, lastName: 'Ordered' });
      if (withChild) {
        const child = await createProfile(lead, { firstName: `${name}-child`, lastName: 'Ordered', dateOfBirth: `${new Date().getUTCFullYear() - 5}-06-01` });
        expect((await lead.post(`/api/v1/profiles/${p.id}/relationships`, { otherProfileId: child.id, kind: 'parent' })).statusCode).toBe(201);
      }
      return { type: 'profile' as const, id: p.id };
    };
    const withActions = await person('Acton');
    const longAgo = await person('Lonnie');
    // An earlier meeting agreed an action on Acton that is still open; Lonnie was heard over a year ago.
    const earlier = await createMeeting(lead, panel.id, { startsAt: new Date(Date.now() - 30 * 86_400_000).toISOString() });
    const actonItem = await addToAgenda(lead, earlier.id, (await refer(lead, panel.id, withActions)).id);
    expect((await lead.post(`/api/v1/meetings/${earlier.id}/agenda/${actonItem.id}/actions`, { title: 'Visit the family', assignee: { organisationId: place.organisation('Demo Housing Association') }, dueDate: daysFromToday(14) })).statusCode).toBe(201);
    expect((await lead.post(`/api/v1/meetings/${earlier.id}/close`, {})).statusCode).toBe(200);
    const longAgoMeeting = await createMeeting(lead, panel.id, { startsAt: new Date(Date.now() - 400 * 86_400_000).toISOString() });
    await addToAgenda(lead, longAgoMeeting.id, (await refer(lead, panel.id, longAgo)).id);
    expect((await lead.post(`/api/v1/meetings/${longAgoMeeting.id}/close`, {})).statusCode).toBe(200);

    const adult = await refer(lead, panel.id, await person('Ada'));
    const lonnie = await refer(lead, panel.id, longAgo);
    const children = await refer(lead, panel.id, await person('Chris', true));
    const acton = await refer(lead, panel.id, withActions);
    expect(children.hasChildren).toBe(true);
    expect(acton.repeat).toBe(true);

    const meeting = await createMeeting(lead, panel.id);
    const built = await lead.post(`/api/v1/meetings/${meeting.id}/agenda/waiting`, {});
    expect(built.statusCode, built.body).toBe(200);
    const order = (built.json().agenda as { referralId: string; position: number }[]).map((i) => i.referralId);
    expect(order).toEqual([acton.id, children.id, adult.id, lonnie.id]);
    expect(built.json().agenda.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4]);
    expect((await lead.get(`/api/v1/panel-referrals/${adult.id}`)).json()).toMatchObject({ status: 'listed', meeting: { id: meeting.id } });
    // The earlier meeting's open action shows on this one.
    expect(built.json().openActions).toEqual([expect.objectContaining({ title: 'Visit the family', meeting: { id: earlier.id, startsAt: expect.any(String) }, subject: withActions })]);

    // The chair's own order; the whole agenda, each item once.
    const ids = (built.json().agenda as { id: string }[]).map((i) => i.id);
    const reordered = await lead.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/order`, { itemIds: [...ids].reverse() });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().agenda.map((i: { id: string }) => i.id)).toEqual([...ids].reverse());
    expectError(await lead.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/order`, { itemIds: ids.slice(1) }), 422, 'validation_failed');
    expectError(await (await t.as(emails.council)).request('PUT', `/api/v1/meetings/${meeting.id}/agenda/order`, { itemIds: ids }), 403, 'forbidden');

    // A referral added later goes where the order puts it among what is there.
    const late = await refer(lead, panel.id, await person('Cleo', true));
    const placed = await addToAgenda(lead, meeting.id, late.id);
    expect(placed).toMatchObject({ referralId: late.id, position: 1 });
    expectError(await lead.post(`/api/v1/meetings/${meeting.id}/agenda`, { referralId: late.id }), 409, 'referral_not_waiting');

    // Taking an item off sends its referral back to wait.
    expect((await lead.delete(`/api/v1/meetings/${meeting.id}/agenda/${placed.id}`)).statusCode).toBe(204);
    expect((await lead.get(`/api/v1/panel-referrals/${late.id}`)).json()).toMatchObject({ status: 'waiting', meeting: null });
    expect((await lead.get(`/api/v1/meetings/${meeting.id}`)).json().agenda.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4]);
  });
});

describe('minutes, research and actions', () => {
  it('redacts each item per member, keeps every earlier wording, refuses a stale edit, and sets actions as tasks', async () => {
    const lead = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const housing = await t.as(emails.housing);
    const police = await t.as(emails.police);
    const panel = await createPanel(lead, place);
    // The council holds the person; the police (the chair's team) may open them once referred; housing may not.
    const person = await createProfile(council, { firstName: 'Winona', lastName: 'Redacted' });
    const referral = await refer(council, panel.id, { type: 'profile', id: person.id });
    const meeting = await createMeeting(lead, panel.id);
    const item = await addToAgenda(lead, meeting.id, referral.id);
    expect(item).toMatchObject({ title: 'Winona Redacted', restricted: false, subject: { type: 'profile', id: person.id }, repeat: false, actions: [] });

    // Research before the meeting: the council's, which only those who may open the person read.
    const research = await council.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/research`, { known: 'Two tenancy warnings this year.', opinion: 'Things are escalating.', withheld: 'A safeguarding referral', withheldReason: 'Consent not given' });
    expect(research.statusCode, research.body).toBe(200);
    expect(research.json()).toMatchObject({ organisation: { name: 'Demo District Council' }, known: 'Two tenancy warnings this year.', version: 1 });
    const again = await council.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/research`, { known: 'Three tenancy warnings this year.', version: 1 });
    expect(again.json()).toMatchObject({ known: 'Three tenancy warnings this year.', opinion: null, version: 2 });
    expectError(await council.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/research`, { known: 'Stale', version: 1 }), 409, 'conflict');
    expectError(await housing.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/research`, { known: 'We know them' }), 403, 'no_access');
    expectError(await council.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/research`, { known: 'x', withheld: 'Something' }), 422, 'validation_failed');

    // The chair minutes the item; a second wording keeps the first; a stale edit is refused with the current item.
    const minuted = await lead.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/minutes`, { text: 'Winona is being targeted by neighbours.', risks: 'Risk of assault', version: item.version });
    expect(minuted.statusCode, minuted.body).toBe(200);
    expect(minuted.json()).toMatchObject({ minutes: 'Winona is being targeted by neighbours.', risks: 'Risk of assault', version: item.version + 1, earlierVersions: 0 });
    const stale = await lead.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/minutes`, { text: 'Overwrite', version: item.version });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id: item.id, minutes: 'Winona is being targeted by neighbours.', version: item.version + 1 });
    expectError(await council.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/minutes`, { text: 'Not the chair' }), 403, 'forbidden');

    // Actions: one for housing, which cannot open the person but sees its task; one for the council.
    const forHousing = await lead.post(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/actions`, { title: 'Check the tenancy file', assignee: { organisationId: place.organisation('Demo Housing Association') }, dueDate: daysFromToday(7) });
    expect(forHousing.statusCode, forHousing.body).toBe(201);
    const housingTask = forHousing.json().taskId as string;
    expect((await housing.get(`/api/v1/tasks/${housingTask}`)).json()).toMatchObject({ id: housingTask, title: 'Check the tenancy file', record: { kind: 'profile', id: person.id, title: null } });
    const forCouncil = await lead.post(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/actions`, { title: 'Safety plan for Winona', assignee: { teamId: councilTeam() }, dueDate: daysFromToday(3) });
    expect(forCouncil.statusCode).toBe(201);
    expectError(await lead.post(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/actions`, { title: 'Too late', assignee: { teamId: councilTeam() }, dueDate: daysFromToday(-2) }), 422, 'validation_failed');
    expect((await auditOf(t, person.id, 'agenda_action.agreed'))).toHaveLength(2);

    // Housing sees that the item is there and its own action, nothing of the person.
    const seenByHousing = (await housing.get(`/api/v1/meetings/${meeting.id}`)).json();
    const stub = seenByHousing.agenda[0];
    expect(stub).toMatchObject({ id: item.id, restricted: true, reason: null, research: [], minutedBy: null, subject: { type: 'profile', id: person.id } });
    expect(stub).not.toHaveProperty('minutes');
    expect(stub).not.toHaveProperty('risks');
    expect(stub.title).not.toContain('Winona');
    expect(stub.actions).toEqual([expect.objectContaining({ taskId: housingTask })]);
    expect(JSON.stringify(seenByHousing)).not.toContain('Winona');
    expect(JSON.stringify(seenByHousing)).not.toContain('tenancy warnings');
    expectError(await housing.get(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/versions`), 403, 'no_access');
    const [housingRead] = await auditOf(t, meeting.id, 'meeting.viewed');
    expect(housingRead?.details).toMatchObject({ records: [], restricted: [{ kind: 'profile', id: person.id }] });

    // The council (owner) and the chair read it whole, with the research and every action.
    for (const reader of [council, lead]) {
      const whole = (await reader.get(`/api/v1/meetings/${meeting.id}`)).json().agenda[0];
      expect(whole).toMatchObject({ restricted: false, title: 'Winona Redacted', minutes: 'Winona is being targeted by neighbours.', risks: 'Risk of assault', research: [{ known: 'Three tenancy warnings this year.' }] });
      expect(whole.actions).toHaveLength(2);
    }
    // A police officer of the chair's team may open the person too, through the panel's grant.
    expect((await police.get(`/api/v1/meetings/${meeting.id}`)).json().agenda[0]).toMatchObject({ restricted: false });

    // Closing the meeting hears its referrals; a late correction is still kept as a version.
    const closed = await lead.post(`/api/v1/meetings/${meeting.id}/close`, {});
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await lead.get(`/api/v1/panel-referrals/${referral.id}`)).json().status).toBe('heard');
    expectError(await lead.post(`/api/v1/meetings/${meeting.id}/close`, {}), 409, 'meeting_closed');
    expectError(await council.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/research`, { known: 'After', version: 2 }), 409, 'meeting_closed');
    const late = await lead.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/minutes`, { text: 'Winona is being targeted by two neighbours.' });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ minutes: 'Winona is being targeted by two neighbours.', risks: 'Risk of assault', earlierVersions: 1 });
    const third = await lead.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/minutes`, { text: 'Final wording.', risks: null, version: late.json().version });
    expect(third.json()).toMatchObject({ minutes: 'Final wording.', earlierVersions: 2 });
    expect(third.json()).not.toHaveProperty('risks');
    const versions = (await council.get(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/versions`)).json().items;
    expect(versions).toEqual([
      expect.objectContaining({ version: item.version + 2, minutes: 'Winona is being targeted by two neighbours.', risks: 'Risk of assault', editedBy: expect.objectContaining({ name: 'Priya Shah' }) }),
      expect.objectContaining({ version: item.version + 1, minutes: 'Winona is being targeted by neighbours.' }),
    ]);
    const minutedEvents = await auditOf(t, person.id, 'agenda_item.minuted');
    expect(minutedEvents.map((e) => (e.details as { afterClose: boolean }).afterClose)).toEqual([true, true, false]);

    // The next meeting shows the actions still open, each as far as its reader may see it.
    const next = await createMeeting(lead, panel.id, { startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    const forChair = (await lead.get(`/api/v1/meetings/${next.id}`)).json().openActions;
    expect(forChair.map((a: { taskId: string }) => a.taskId).sort()).toEqual([housingTask, forCouncil.json().taskId].sort());
    expect(forChair[0]).toMatchObject({ recordTitle: 'Winona Redacted', meeting: { id: meeting.id } });
    const forHousingNext = (await housing.get(`/api/v1/meetings/${next.id}`)).json().openActions;
    expect(forHousingNext).toEqual([expect.objectContaining({ taskId: housingTask, recordTitle: null })]);
  });

  it('records attendance by agency, and answers strangers 403 and the other partnership 404 on every part of a meeting', async () => {
    const lead = await t.as(emails.lead);
    const panel = await createPanel(lead, place);
    const person = await createProfile(lead);
    const meeting = await createMeeting(lead, panel.id);
    const item = await addToAgenda(lead, meeting.id, (await refer(lead, panel.id, { type: 'profile', id: person.id })).id);
    const housingOrganisation = place.organisation('Demo Housing Association');
    const present = await lead.request('PUT', `/api/v1/meetings/${meeting.id}/attendance/${housingOrganisation}`, { status: 'apologies', attendees: 'Marcus Bell sent apologies', confidentialityAgreed: false });
    expect(present.statusCode, present.body).toBe(200);
    expect(present.json()).toMatchObject({ organisation: { id: housingOrganisation }, status: 'apologies', recordedBy: { name: 'Priya Shah' } });
    const attendance = (await lead.get(`/api/v1/meetings/${meeting.id}`)).json().attendance;
    expect(attendance).toHaveLength(3);
    expect(attendance).toEqual(expect.arrayContaining([expect.objectContaining({ organisation: expect.objectContaining({ name: 'Demo District Council' }), status: null })]));
    expectError(await lead.request('PUT', `/api/v1/meetings/${meeting.id}/attendance/${housingOrganisation}`, { status: 'asleep', confidentialityAgreed: true }), 422, 'validation_failed');
    expectError(await lead.request('PUT', `/api/v1/meetings/${meeting.id}/attendance/${place.organisation('Neighbouring County Police')}`, { status: 'present', confidentialityAgreed: true }), 404, 'not_found');

    const other = await t.as(emails.other);
    const fire = await fireOfficer(t, place);
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/v1/meetings/${meeting.id}`],
      ['POST', `/api/v1/meetings/${meeting.id}/agenda/waiting`, {}],
      ['PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/minutes`, { text: 'x' }],
      ['PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/research`, { known: 'x' }],
      ['GET', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/versions`],
      ['POST', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/actions`, { title: 'x', assignee: { organisationId: housingOrganisation }, dueDate: daysFromToday(1) }],
      ['PUT', `/api/v1/meetings/${meeting.id}/attendance/${housingOrganisation}`, { status: 'present', confidentialityAgreed: true }],
      ['POST', `/api/v1/meetings/${meeting.id}/close`, {}],
    ];
    for (const [method, url, body] of attempts) {
      expectError(await other.request(method, url, body), 404, 'not_found');
      const refused = await fire.agent.request(method, url, body);
      expect({ url, status: refused.statusCode }).toEqual({ url, status: 403 });
    }
    // Nothing changed.
    expect((await lead.get(`/api/v1/meetings/${meeting.id}`)).json()).toMatchObject({ status: 'planned', agenda: [{ id: item.id }] });
    const rows = await t.database.db.execute(sql`select count(*)::int as n from agenda_research where item_id = ${item.id}`);
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it('shares research only with members who may open the record', async () => {
    const lead = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const housing = await t.as(emails.housing);
    const panel = await createPanel(lead, place);
    const person = await createProfile(council, { firstName: 'Shared', lastName: 'Research' });
    await share(council, 'profiles', person.id, { organisationId: place.organisation('Demo Housing Association'), level: 'view' });
    const meeting = await createMeeting(lead, panel.id);
    const item = await addToAgenda(lead, meeting.id, (await refer(council, panel.id, { type: 'profile', id: person.id })).id);
    expect((await housing.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/research`, { known: 'Rent arrears since May.' })).statusCode).toBe(200);
    expect((await council.get(`/api/v1/meetings/${meeting.id}`)).json().agenda[0].research).toEqual([expect.objectContaining({ organisation: expect.objectContaining({ name: 'Demo Housing Association' }), known: 'Rent arrears since May.' })]);
    expect((await auditOf(t, person.id, 'agenda_research.saved'))[0]?.details).toMatchObject({ itemId: item.id, organisationId: place.organisation('Demo Housing Association') });
    // Taken off the agenda once researched? No: the research belongs to this meeting.
    expectError(await lead.delete(`/api/v1/meetings/${meeting.id}/agenda/${item.id}`), 409, 'item_in_use');
  });
});
