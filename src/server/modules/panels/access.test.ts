import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { addToAgenda, createMeeting, createPanel, fireOfficer, refer } from './panels.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const policeTeam = () => place.team('Demo County Police/ASB team');
const grantOf = async (profileId: string, teamId: string) =>
  (await t.database.db.execute<{ source: string; expires_at: string }>(sql`select source, expires_at from profile_access where record_id = ${profileId} and team_id = ${teamId}`)).rows[0] ?? null;

describe('what running a panel shows', () => {
  it('shows an item, its referral and its earlier minutes only to a runner who may open the record', async () => {
    const lead = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const admin = await t.as(emails.admin);
    const panel = await createPanel(lead, place);
    const person = await createProfile(council, { firstName: 'Rowan', lastName: 'Unopened' });
    const referral = await refer(council, panel.id, { type: 'profile', id: person.id });
    const meeting = await createMeeting(lead, panel.id);
    const item = await addToAgenda(lead, meeting.id, referral.id);
    const first = await lead.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/minutes`, { text: 'Rowan is afraid to go out.', risks: 'Risk of harm' });
    expect(first.statusCode, first.body).toBe(200);
    expect((await lead.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/minutes`, { text: 'Rowan is afraid to go out alone.' })).statusCode).toBe(200);

    // The system administrator runs every panel of the partnership, but their team cannot open Rowan.
    expectError(await admin.get(`/api/v1/profiles/${person.id}`), 403, 'no_access');
    const seen = (await admin.get(`/api/v1/meetings/${meeting.id}`)).json();
    expect(seen.permissions).toMatchObject({ canRun: true });
    expect(seen.agenda[0]).toMatchObject({ id: item.id, restricted: true, reason: null, research: [], minutedBy: null, earlierVersions: 0 });
    expect(seen.agenda[0]).not.toHaveProperty('minutes');
    expect(seen.agenda[0]).not.toHaveProperty('risks');
    expect(JSON.stringify(seen)).not.toContain('Rowan');
    expect((await auditOf(t, meeting.id, 'meeting.viewed'))[0]?.details).toMatchObject({ records: [], restricted: [{ kind: 'profile', id: person.id }] });
    const listed = (await admin.get(`/api/v1/panels/${panel.id}/referrals`)).json().items as { id: string }[];
    expect(listed.find((r) => r.id === referral.id)).toMatchObject({ restricted: true, title: null, reason: null, latestAssessmentId: null });
    expect((await admin.get(`/api/v1/panel-referrals/${referral.id}`)).json()).toMatchObject({ restricted: true, title: null, reason: null });
    expectError(await admin.get(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/versions`), 403, 'no_access');

    // The chair's team holds the panel's grant and sees it whole; once the grant has run out, the chair sees the stub too.
    expect((await lead.get(`/api/v1/meetings/${meeting.id}`)).json().agenda[0]).toMatchObject({ restricted: false, title: 'Rowan Unopened', minutes: 'Rowan is afraid to go out alone.' });
    expect((await lead.get(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/versions`)).statusCode).toBe(200);
    await t.database.db.execute(sql`update profile_access set expires_at = now() - interval '1 day' where record_id = ${person.id} and team_id = ${policeTeam().teamId}`);
    expect((await lead.get(`/api/v1/meetings/${meeting.id}`)).json().agenda[0]).toMatchObject({ restricted: true, reason: null });
    expect((await lead.get(`/api/v1/panel-referrals/${referral.id}`)).json()).toMatchObject({ restricted: true, title: null });
    expectError(await lead.get(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/versions`), 403, 'no_access');
    // The other partnership still finds none of it.
    expectError(await (await t.as(emails.other)).get(`/api/v1/meetings/${meeting.id}`), 404, 'not_found');
  });
});

describe('the access a panel gives its runners', () => {
  it('is given only by a referrer who may edit the record, and to a new runner only for those referrals', async () => {
    const lead = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const housing = await t.as(emails.housing);
    const panel = await createPanel(lead, place);
    // Housing may only view the council's Vera; the council owns Will.
    const vera = await createProfile(council, { firstName: 'Vera', lastName: 'Viewonly' });
    await share(council, 'profiles', vera.id, { organisationId: place.organisation('Demo Housing Association'), level: 'view' });
    const will = await createProfile(council, { firstName: 'Will', lastName: 'Owned' });
    const byHousing = await refer(housing, panel.id, { type: 'profile', id: vera.id });
    await refer(council, panel.id, { type: 'profile', id: will.id });

    // Housing's referral gives the chair's team nothing: only the council may share Vera.
    expect(byHousing).toMatchObject({ restricted: false, title: 'Vera Viewonly' });
    expectError(await lead.get(`/api/v1/profiles/${vera.id}`), 403, 'no_access');
    expect(await grantOf(vera.id, policeTeam().teamId)).toBeNull();
    expect(await auditOf(t, vera.id, 'record.shared')).toHaveLength(1);
    expect((await lead.get(`/api/v1/panel-referrals/${byHousing.id}`)).json()).toMatchObject({ restricted: true, title: null });
    expect((await lead.get(`/api/v1/profiles/${will.id}`)).statusCode).toBe(200);

    // A fire officer made coordinator: their team may open Will, not Vera.
    const fire = await fireOfficer(t, place);
    const fireTeam = place.team('Demo Fire and Rescue Service/Community Safety team').teamId;
    const current = (await lead.get(`/api/v1/panels/${panel.id}`)).json();
    const joined = await lead.patch(`/api/v1/panels/${panel.id}`, { version: current.version, coordinatorIds: [...current.coordinators.map((c: { id: string }) => c.id), fire.id] });
    expect(joined.statusCode, joined.body).toBe(200);
    expect((await fire.agent.get(`/api/v1/profiles/${will.id}`)).statusCode).toBe(200);
    expectError(await fire.agent.get(`/api/v1/profiles/${vera.id}`), 403, 'no_access');
    expect(await grantOf(vera.id, fireTeam)).toBeNull();
    // The chair's team, already running the panel, is not given its grant again.
    expect((await auditOf(t, will.id, 'record.shared')).map((e) => (e.details as { target: { team: { id: string } } }).target.team.id)).toEqual([fireTeam, policeTeam().teamId]);
  });

  it('is taken back from a team left with no one running the panel, unless it runs another panel the record is waiting for', async () => {
    const lead = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const fire = await fireOfficer(t, place);
    const fireTeam = place.team('Demo Fire and Rescue Service/Community Safety team');
    const leadId = (await lead.get('/api/v1/me')).json().id as string;
    const panel = await createPanel(lead, place, { coordinatorIds: [fire.id] });
    const other = await createPanel(lead, place, { coordinatorIds: [fire.id] });
    const only = await createProfile(council, { firstName: 'Oona', lastName: 'Onepanel' });
    const both = await createProfile(council, { firstName: 'Bea', lastName: 'Bothpanels' });
    const shared = await createProfile(council, { firstName: 'Sol', lastName: 'Shared' });
    // The council shares Sol with the fire service for good: that share is the council's to take back, not the panel's.
    await share(council, 'profiles', shared.id, { teamId: fireTeam.teamId, level: 'view' });
    for (const person of [only, both, shared]) await refer(council, panel.id, { type: 'profile', id: person.id });
    await refer(council, other.id, { type: 'profile', id: both.id });
    for (const person of [only, both, shared]) expect((await fire.agent.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);

    const current = (await lead.get(`/api/v1/panels/${panel.id}`)).json();
    const left = await lead.patch(`/api/v1/panels/${panel.id}`, { version: current.version, coordinatorIds: [leadId] });
    expect(left.statusCode, left.body).toBe(200);
    expectError(await fire.agent.get(`/api/v1/profiles/${only.id}`), 403, 'no_access');
    expect((await fire.agent.get(`/api/v1/profiles/${both.id}`)).statusCode).toBe(200);
    expect((await fire.agent.get(`/api/v1/profiles/${shared.id}`)).statusCode).toBe(200);
    expect(await grantOf(shared.id, fireTeam.teamId)).toMatchObject({ source: 'share', expires_at: null });
    const [unshared] = await auditOf(t, only.id, 'record.unshared');
    expect(unshared).toMatchObject({ details: { target: { team: { id: fireTeam.teamId } }, level: null, before: 'view', panelId: panel.id } });
    expect(await auditOf(t, both.id, 'record.unshared')).toHaveLength(0);
    // The chair's team still runs the panel and keeps its access.
    expect((await lead.get(`/api/v1/profiles/${only.id}`)).statusCode).toBe(200);
  });

  it('becomes a lasting share when the owning team shares the record with that team after the referral', async () => {
    const lead = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const fire = await fireOfficer(t, place);
    const fireTeam = place.team('Demo Fire and Rescue Service/Community Safety team');
    const leadId = (await lead.get('/api/v1/me')).json().id as string;
    const panel = await createPanel(lead, place, { coordinatorIds: [fire.id] });
    const person = await createProfile(council, { firstName: 'Lars', lastName: 'Later' });
    await refer(council, panel.id, { type: 'profile', id: person.id });
    expect(await grantOf(person.id, fireTeam.teamId)).toMatchObject({ source: 'panel' });
    await share(council, 'profiles', person.id, { teamId: fireTeam.teamId, level: 'view' });
    expect(await grantOf(person.id, fireTeam.teamId)).toMatchObject({ source: 'share', expires_at: null });

    const current = (await lead.get(`/api/v1/panels/${panel.id}`)).json();
    expect((await lead.patch(`/api/v1/panels/${panel.id}`, { version: current.version, coordinatorIds: [leadId] })).statusCode).toBe(200);
    expect((await fire.agent.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);
  });

  it('records a renewal of a team\'s grant to a later end as a share, with the new end', async () => {
    const lead = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const panel = await createPanel(lead, place);
    const person = await createProfile(council, { firstName: 'Ren', lastName: 'Renewed' });
    await refer(council, panel.id, { type: 'profile', id: person.id });
    await t.database.db.execute(sql`update profile_access set expires_at = now() + interval '30 days' where record_id = ${person.id} and team_id = ${policeTeam().teamId}`);
    await refer(council, panel.id, { type: 'profile', id: person.id });
    const grant = await grantOf(person.id, policeTeam().teamId);
    expect(Date.parse(grant!.expires_at)).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    const [renewal, first] = await auditOf(t, person.id, 'record.shared');
    expect(first?.details).toMatchObject({ before: null, level: 'view', panelId: panel.id });
    expect(renewal?.details).toMatchObject({ target: { team: { id: policeTeam().teamId } }, before: 'view', level: 'view', panelId: panel.id, expiresAt: expect.any(String) });
    expect(Date.parse((renewal!.details as { expiresAt: string }).expiresAt)).toBe(Date.parse(grant!.expires_at));
  });
});
