import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, londonToday } from '../../platform/london.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { daysAgoAt, putPlan, recordContact, sharedVictim, victimCareOf, writeReport, type Structure } from './victim-care.fixtures.ts';

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

const dayOf = (days: number) => addDays(londonToday(), -days);

describe('contacts with a victim', () => {
  it('a victim update report is a contact: it moves the next contact on from the day it happened', async () => {
    const victim = await sharedVictim(t, structure);
    await putPlan(police, victim.id, { frequencyDays: 7 });
    const report = await writeReport(council, 'profiles', victim.id, 'victim-update', daysAgoAt(3));
    const care = await victimCareOf(police, victim.id);
    expect(care.plan).toMatchObject({ lastContactAt: daysAgoAt(3), nextContactDue: addDays(dayOf(3), 7), overdue: false });

    const contacts = (await police.get(`/api/v1/profiles/${victim.id}/contacts`)).json();
    expect(contacts.items).toEqual([expect.objectContaining({ reportId: report.id, channel: null, reached: true, organisation: expect.objectContaining({ name: 'Demo District Council' }) })]);
    const [event] = await auditOf(t, victim.id, 'victim_contact.recorded');
    expect(event?.details).toMatchObject({ reached: true, reportId: report.id });

    // An older update, written late, does not move the date back.
    await writeReport(police, 'profiles', victim.id, 'victim-update', daysAgoAt(6));
    expect((await victimCareOf(police, victim.id)).plan?.nextContactDue).toBe(addDays(dayOf(3), 7));
  });

  it('a victim update dated ahead of the clock is kept but does not move the next contact', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    const plan = await putPlan(police, victim.id, { frequencyDays: 7 });
    const report = await writeReport(police, 'profiles', victim.id, 'victim-update', '2052-06-01T12:00:00.000Z');
    expect((await victimCareOf(police, victim.id)).plan).toMatchObject({ lastContactAt: null, nextContactDue: plan.nextContactDue });
    expect((await police.get(`/api/v1/profiles/${victim.id}/contacts`)).json().items).toEqual([expect.objectContaining({ reportId: report.id, at: '2052-06-01T12:00:00.000Z' })]);

    // The next real contact still counts, and one a minute ahead (a clock a little fast) does too.
    await writeReport(police, 'profiles', victim.id, 'victim-update', daysAgoAt(2));
    expect((await victimCareOf(police, victim.id)).plan).toMatchObject({ lastContactAt: daysAgoAt(2), nextContactDue: addDays(dayOf(2), 7) });
    const soon = new Date(Date.now() + 60_000);
    await writeReport(police, 'profiles', victim.id, 'victim-update', soon.toISOString());
    expect((await victimCareOf(police, victim.id)).plan?.lastContactAt).toBe(soon.toISOString());
  });

  it('a victim update names who recorded it only to those its report\'s visibility lets read it', async () => {
    const victim = await sharedVictim(t, structure);
    await putPlan(police, victim.id);
    const lead = await t.as(emails.lead);
    const privateUpdate = await writeReport(council, 'profiles', victim.id, 'victim-update', daysAgoAt(2), 'private');
    const teamUpdate = await writeReport(police, 'profiles', victim.id, 'victim-update', daysAgoAt(1), 'team');
    const contactsAs = async (agent: Agent) => new Map((await agent.get(`/api/v1/profiles/${victim.id}/contacts`)).json().items
      .map((c: { reportId: string; recordedBy: { name: string } | null }) => [c.reportId, c.recordedBy?.name ?? null]));

    expect(await contactsAs(council)).toEqual(new Map([[teamUpdate.id, null], [privateUpdate.id, 'Jo Evans']]));
    expect(await contactsAs(lead)).toEqual(new Map([[teamUpdate.id, 'Tom Wright'], [privateUpdate.id, null]]));
    const contact = (await police.get(`/api/v1/profiles/${victim.id}/contacts`)).json().items[1];
    expect(contact).toMatchObject({ reportId: privateUpdate.id, recordedBy: null, team: { name: 'Community Safety team' }, organisation: { name: 'Demo District Council' } });

    const lines = (await police.get(`/api/v1/profiles/${victim.id}/contacts.csv`)).body.trim().split('\r\n');
    expect(lines[1]).toContain('Victim update report,Yes,No,,Tom Wright,ASB team,Demo County Police');
    expect(lines[2]).toContain('Victim update report,Yes,No,,,Community Safety team,Demo District Council');
    expect((await council.get(`/api/v1/profiles/${victim.id}/contacts.csv`)).body).toContain(',,Jo Evans,Community Safety team,');
  });

  it('an attempt that did not reach the victim is kept but does not move the next contact; one that did, does', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    const plan = await putPlan(police, victim.id, { frequencyDays: 7, safeToVoicemail: true });
    const attempt = await recordContact(police, victim.id, { channel: 'phone', reached: false, voicemailLeft: true, note: 'No answer; left a message', at: daysAgoAt(1) });
    expect(attempt).toMatchObject({ channel: 'phone', reached: false, voicemailLeft: true, note: 'No answer; left a message', reportId: null, recordedBy: { name: 'Tom Wright' } });
    expect((await victimCareOf(police, victim.id)).plan).toMatchObject({ lastContactAt: null, nextContactDue: plan.nextContactDue });

    const at = new Date(Date.now() - 60_000);
    await recordContact(police, victim.id, { channel: 'visit', reached: true, at: at.toISOString() });
    expect((await victimCareOf(police, victim.id)).plan).toMatchObject({ lastContactAt: at.toISOString(), nextContactDue: addDays(londonToday(at), 7) });
  });

  it('Concord refuses to record sending by a channel the plan does not mark safe, and audits the refusal', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    await putPlan(police, victim.id, { safeToText: true });
    for (const [body, field] of [
      [{ channel: 'email', reached: false }, 'channel'],
      [{ channel: 'letter', reached: true }, 'channel'],
      [{ channel: 'phone', reached: false, voicemailLeft: true }, 'voicemailLeft'],
    ] as const) {
      const response = await police.post(`/api/v1/profiles/${victim.id}/contacts`, body);
      expectError(response, 422, 'unsafe_channel');
      expect(response.json().error.details).toEqual([expect.objectContaining({ field })]);
    }
    await recordContact(police, victim.id, { channel: 'text', reached: true });
    await recordContact(police, victim.id, { channel: 'phone', reached: false });
    const refusals = (await auditOf(t, victim.id, 'victim_contact.recorded')).filter((e) => e.outcome === 'refused');
    expect(refusals.map((e) => e.details?.channel)).toEqual(expect.arrayContaining(['email', 'letter', 'phone']));
    expect((await police.get(`/api/v1/profiles/${victim.id}/contacts`)).json().items).toHaveLength(2);
  });

  it('needs a plan, a time not in the future, and a voicemail only on a call that did not get through', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    expectError(await police.post(`/api/v1/profiles/${victim.id}/contacts`, { channel: 'visit', reached: true }), 409, 'no_contact_plan');
    await putPlan(police, victim.id, { safeToVoicemail: true });
    expectError(await police.post(`/api/v1/profiles/${victim.id}/contacts`, { channel: 'visit', reached: true, at: `${addDays(londonToday(), 2)}T12:00:00Z` }), 422, 'validation_failed');
    expectError(await police.post(`/api/v1/profiles/${victim.id}/contacts`, { channel: 'visit', reached: false, voicemailLeft: true }), 422, 'validation_failed');
    expectError(await police.post(`/api/v1/profiles/${victim.id}/contacts`, { channel: 'phone', reached: true, voicemailLeft: true }), 422, 'validation_failed');
    expectError(await police.post(`/api/v1/profiles/${victim.id}/contacts`, { channel: 'fax', reached: true }), 422, 'validation_failed');
  });

  it('appear on the person\'s timeline; a victim update shows as its report', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    await putPlan(police, victim.id);
    const attempt = await recordContact(police, victim.id, { channel: 'visit', reached: false, note: 'Nobody home' });
    await writeReport(police, 'profiles', victim.id, 'victim-update', new Date().toISOString());
    const timeline = (await police.get(`/api/v1/profiles/${victim.id}/timeline?kinds=contact,report`)).json();
    const contacts = timeline.items.filter((e: { kind: string }) => e.kind === 'contact');
    expect(contacts).toEqual([expect.objectContaining({
      id: `contact:${attempt.id}`, label: 'Contact attempt: not reached', readable: true,
      detail: { kind: 'contact', contactId: attempt.id, channel: 'visit', reached: false, voicemailLeft: false, note: 'Nobody home' },
    })]);
    expect(timeline.items.filter((e: { kind: string }) => e.kind === 'report')).toHaveLength(1);
  });

  it('the victim\'s record of contacts pages newest first and exports as CSV, each read audited', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    await putPlan(police, victim.id);
    for (const days of [3, 2, 1]) await recordContact(police, victim.id, { channel: 'visit', reached: true, at: daysAgoAt(days), note: days === 1 ? '=HYPERLINK("x")' : null });
    const first = (await police.get(`/api/v1/profiles/${victim.id}/contacts?limit=2`)).json();
    expect(first.items.map((c: { at: string }) => c.at)).toEqual([daysAgoAt(1), daysAgoAt(2)]);
    const second = (await police.get(`/api/v1/profiles/${victim.id}/contacts?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [expect.objectContaining({ at: daysAgoAt(3) })], nextCursor: null });
    expectError(await police.get(`/api/v1/profiles/${victim.id}/contacts?cursor=bogus`), 422, 'validation_failed');

    const csv = await police.get(`/api/v1/profiles/${victim.id}/contacts.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Date and time,How,Reached,Voicemail left,Note,Recorded by,Team,Organisation');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('"\'=HYPERLINK(""x"")"');
    expect(lines[1]).toContain('Visit,Yes,No');
    const actions = (await auditOf(t, victim.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['victim_contacts.listed', 'victim_contacts.exported']));
  });

  it('are refused to another organisation that cannot open the person (403) and to the other partnership (404)', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    await putPlan(police, victim.id);
    const housing = await t.as(emails.housing);
    const other = await t.as(emails.other);
    for (const [agent, status, code] of [[housing, 403, 'no_access'], [other, 404, 'not_found']] as const) {
      expectError(await agent.get(`/api/v1/profiles/${victim.id}/contacts`), status, code);
      expectError(await agent.get(`/api/v1/profiles/${victim.id}/contacts.csv`), status, code);
      expectError(await agent.post(`/api/v1/profiles/${victim.id}/contacts`, { channel: 'visit', reached: true }), status, code);
    }
  });
});
