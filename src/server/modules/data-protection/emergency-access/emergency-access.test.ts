import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmergencyAccessItem, ViewerEntry } from '../../../../shared/api/privacy.ts';
import { notifications, outboundMessages } from '../../../db/schema/index.ts';
import { storedAuditEvents } from '../../../test/audit.ts';
import { latestEmailTo } from '../../../test/fixtures.ts';
import { makeAgent, startTestApp, type TestApp } from '../../../test/harness.ts';
import { deliverNotificationEmails } from '../../notifications/delivery.ts';
import { createProfile, emails, enrolledUser, expectError, loadStructure } from '../../sharing/records.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const councilTeam = () => place.team('Demo District Council/Community Safety team').teamId;
const reason = 'Called to a disturbance at the address; need to know the risk to officers tonight';

const noticesOf = (userId: string, kind: 'emergency_access' | 'emergency_access_reviewed') =>
  t.database.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

const userIdOf = async (email: string) => ((await (await t.as(email)).get('/api/v1/me')).json() as { id: string }).id;

describe('breaking the glass', () => {
  let person: { id: string };
  let reportId: string;
  let grant: { id: string; expiresAt: string };
  let councilAdmin: Awaited<ReturnType<typeof enrolledUser>>;

  beforeAll(async () => {
    const police = await t.as(emails.police);
    person = await createProfile(police, { firstName: 'Glenda', lastName: 'Breakglass' });
    const report = await police.post(`/api/v1/profiles/${person.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: '<p>Dog on the premises.</p>', visibility: 'shared' });
    expect(report.statusCode, report.body).toBe(201);
    reportId = report.json().id;
    councilAdmin = await enrolledUser(t, emails.admin, { name: 'Cass Admin', role: 'team_admin', teamId: councilTeam() });
    // The owning team's admin reads email in a morning digest: this notice must not wait for it.
    expect((await (await t.as(emails.lead)).request('PUT', '/api/v1/notification-preferences', { email: 'daily_digest' })).statusCode).toBe(200);
    await deliverNotificationEmails(t.app.platform);
  });

  it('opens the profile for 60 minutes to the person who gave a reason, and to nobody else of their team', async () => {
    const council = await t.as(emails.council);
    expectError(await council.get(`/api/v1/profiles/${person.id}`), 403, 'no_access');
    expect((await council.get(`/api/v1/profiles/${person.id}/emergency-access`)).json()).toEqual({ active: null, canBreakGlass: true });
    expectError(await council.post(`/api/v1/profiles/${person.id}/emergency-access`, { reason: '   ' }), 422, 'validation_failed');
    expectError(await council.post(`/api/v1/profiles/${person.id}/emergency-access`, {}), 422, 'validation_failed');

    const before = Date.now();
    const granted = await council.post(`/api/v1/profiles/${person.id}/emergency-access`, { reason });
    expect(granted.statusCode, granted.body).toBe(200);
    grant = granted.json();
    expect(Math.abs(Date.parse(grant.expiresAt) - (before + 60 * 60_000))).toBeLessThan(10_000);

    expect((await council.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);
    expect((await council.get(`/api/v1/reports/${reportId}`)).statusCode).toBe(200);
    expect((await council.get(`/api/v1/profiles/${person.id}/emergency-access`)).json()).toEqual({ active: grant, canBreakGlass: false });
    // Asked again while it lasts: the same access, not a longer one.
    expect((await council.post(`/api/v1/profiles/${person.id}/emergency-access`, { reason: 'Again' })).json()).toEqual(grant);

    const teammate = await enrolledUser(t, emails.admin, { name: 'Tess Mate', role: 'practitioner', teamId: councilTeam() });
    expectError(await teammate.agent.get(`/api/v1/profiles/${person.id}`), 403, 'no_access');
    expectError(await councilAdmin.agent.get(`/api/v1/profiles/${person.id}`), 403, 'no_access');

    const [event] = await storedAuditEvents(t, { entityId: person.id, action: 'emergency_access.granted' });
    expect(event).toMatchObject({ actor: { name: 'Jo Evans' }, reason, details: { emergencyAccessId: grant.id, expiresAt: grant.expiresAt } });
  });

  it('tells the owning team admin at once, by email too although they chose the digest, without naming the person', async () => {
    const leadId = await userIdOf(emails.lead);
    const [notice] = await noticesOf(leadId, 'emergency_access');
    expect(notice).toMatchObject({ recordId: person.id, subjectId: grant.id, link: `/data-protection/emergency-access?focus=${grant.id}` });
    expect(notice!.message).toContain('Jo Evans (Community Safety team, Demo District Council) used emergency access');
    await deliverNotificationEmails(t.app.platform);
    const email = await latestEmailTo(t, emails.lead);
    expect(email.subject).toBe('Someone used emergency access to a record your team holds');
    expect(email.body).toContain(`a profile (reference ${person.id})`);
    expect(`${email.subject} ${email.body}`).not.toMatch(/Glenda|Breakglass/);
    // Nobody else of the owning team who is not its admin is told.
    expect(await noticesOf(await userIdOf(emails.police), 'emergency_access')).toEqual([]);
  });

  it('shows on the record\'s viewers with the reason, and on its access list as the person alone', async () => {
    const viewers = (await (await t.as(emails.lead)).get(`/api/v1/profiles/${person.id}/viewers?limit=200`)).json().items as ViewerEntry[];
    expect(viewers.find((v) => v.action === 'emergency_access.granted')).toMatchObject({ user: { name: 'Jo Evans' }, reason, emergency: true });
    expect(viewers.find((v) => v.action === 'profile.viewed' && v.user.name === 'Jo Evans')).toMatchObject({ emergency: true, organisation: { name: 'Demo District Council' } });
    expect(viewers.find((v) => v.action === 'report.viewed')).toMatchObject({ user: { name: 'Jo Evans' }, emergency: true });

    const list = (await (await t.as(emails.police)).get(`/api/v1/profiles/${person.id}/access`)).json();
    expect(list.entries).toMatchObject([{ user: { name: 'Jo Evans' }, team: { id: councilTeam(), name: 'Community Safety team' }, organisation: { name: 'Demo District Council' }, level: 'view', source: 'emergency', expiresAt: grant.expiresAt }]);
    expect(list.sharedOnlyWithinOwner).toBe(false);
  });

  it('lists the access in the owners\' review queue only, and a not-justified review tells the person\'s own admins', async () => {
    const ids = async (email: string, query = '') => ((await (await t.as(email)).get(`/api/v1/emergency-access${query}`)).json().items as EmergencyAccessItem[]).map((i) => i.id);
    expect(await ids(emails.lead)).toContain(grant.id);
    expect(await ids(emails.policeAdmin)).toContain(grant.id);
    expect(await ids(emails.admin)).toContain(grant.id);
    expect(((await councilAdmin.agent.get('/api/v1/emergency-access')).json().items as EmergencyAccessItem[]).map((i) => i.id)).not.toContain(grant.id);
    expectError(await (await t.as(emails.police)).get('/api/v1/emergency-access'), 403, 'forbidden');

    const lead = await t.as(emails.lead);
    const item = ((await lead.get('/api/v1/emergency-access')).json().items as EmergencyAccessItem[]).find((i) => i.id === grant.id)!;
    expect(item).toMatchObject({
      profile: { id: person.id, title: 'Glenda Breakglass' },
      user: { name: 'Jo Evans' },
      team: { name: 'Community Safety team' },
      organisation: { name: 'Demo District Council' },
      owner: { team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' } },
      reason,
      review: null,
    });
    expect(item.eventsDuring).toBeGreaterThanOrEqual(3);

    expectError(await councilAdmin.agent.post(`/api/v1/emergency-access/${grant.id}/review`, { outcome: 'justified' }), 403, 'forbidden');
    const reviewed = await lead.post(`/api/v1/emergency-access/${grant.id}/review`, { outcome: 'not_justified', note: 'No risk to officers was recorded; refer to line manager.' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ review: { outcome: 'not_justified', note: 'No risk to officers was recorded; refer to line manager.', by: { name: 'Priya Shah' } } });
    expectError(await lead.post(`/api/v1/emergency-access/${grant.id}/review`, { outcome: 'justified' }), 409, 'already_reviewed');
    expect(await ids(emails.lead)).not.toContain(grant.id);
    expect(await ids(emails.lead, '?status=reviewed')).toContain(grant.id);

    const [told] = await noticesOf(councilAdmin.id, 'emergency_access_reviewed');
    expect(told!.message).toContain('was found not justified by Priya Shah');
    expect(told!.message).not.toMatch(/Glenda|Breakglass/);
    expect(await noticesOf(await userIdOf(emails.council), 'emergency_access_reviewed')).toEqual([]);
    const [event] = await storedAuditEvents(t, { entityId: grant.id, action: 'emergency_access.reviewed' });
    expect(event).toMatchObject({ actor: { name: 'Priya Shah' }, details: { outcome: 'not_justified' }, reason: 'No risk to officers was recorded; refer to line manager.' });
  });

  it('times out: once the hour has passed the profile is closed again', async () => {
    const council = await t.as(emails.council);
    await t.database.db.execute(sql`update profile_access set expires_at = now() - interval '1 second' where record_id = ${person.id} and user_id is not null`);
    await t.database.db.execute(sql`update emergency_accesses set expires_at = now() - interval '1 second' where id = ${grant.id}`);
    expectError(await council.get(`/api/v1/profiles/${person.id}`), 403, 'no_access');
    expectError(await council.get(`/api/v1/reports/${reportId}`), 403, 'no_access');
    expect((await council.get(`/api/v1/profiles/${person.id}/emergency-access`)).json()).toEqual({ active: null, canBreakGlass: true });
    // Broken again later: the person's row on the access list is renewed, and the owners told again.
    const again = await council.post(`/api/v1/profiles/${person.id}/emergency-access`, { reason: 'A second call-out to the address' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).not.toBe(grant.id);
    expect((await council.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);
    expect(await noticesOf(await userIdOf(emails.lead), 'emergency_access')).toHaveLength(2);
  });
});

describe('merging a profile someone broke the glass on', () => {
  it('does not hand the person\'s emergency access on to the surviving profile', async () => {
    const police = await t.as(emails.police);
    const survivor = await createProfile(police);
    const duplicate = await createProfile(police);
    const council = await t.as(emails.council);
    expect((await council.post(`/api/v1/profiles/${duplicate.id}/emergency-access`, { reason })).statusCode).toBe(200);
    const merged = await (await t.as(emails.lead)).post(`/api/v1/profiles/${survivor.id}/merge`, { duplicateId: duplicate.id, reason: 'The same person' });
    expect(merged.statusCode, merged.body).toBe(200);
    expectError(await council.get(`/api/v1/profiles/${survivor.id}`), 403, 'no_access');
    expect((await (await t.as(emails.police)).get(`/api/v1/profiles/${survivor.id}/access`)).json().entries).toEqual([]);
  });
});

describe('who may not break the glass', () => {
  it('refuses one who can already open it, a read-only account, an API token and another partnership', async () => {
    const police = await t.as(emails.police);
    const person = await createProfile(police);
    expectError(await police.post(`/api/v1/profiles/${person.id}/emergency-access`, { reason }), 409, 'already_has_access');
    expect((await police.get(`/api/v1/profiles/${person.id}/emergency-access`)).json()).toEqual({ active: null, canBreakGlass: false });

    const reader = await enrolledUser(t, emails.admin, { name: 'Rita Reader', role: 'read_only', teamId: councilTeam() });
    expectError(await reader.agent.post(`/api/v1/profiles/${person.id}/emergency-access`, { reason }), 403, 'forbidden');
    expect((await reader.agent.get(`/api/v1/profiles/${person.id}/emergency-access`)).json()).toEqual({ active: null, canBreakGlass: false });

    const issued = await (await t.as(emails.admin)).post('/api/v1/api-tokens', { organisationId: place.organisation('Demo District Council'), teamId: councilTeam(), name: 'Council CRM', access: 'write' });
    expect(issued.statusCode, issued.body).toBe(201);
    const token = makeAgent(t.app, {}, { authorization: `Bearer ${issued.json().token}` });
    expectError(await token.post(`/api/v1/profiles/${person.id}/emergency-access`, { reason }), 403, 'forbidden');

    expectError(await (await t.as(emails.other)).post(`/api/v1/profiles/${person.id}/emergency-access`, { reason }), 404, 'not_found');
    expectError(await (await t.as(emails.other)).get(`/api/v1/profiles/${person.id}/emergency-access`), 404, 'not_found');
    const messages = await t.database.db.select().from(outboundMessages).where(sql`${outboundMessages.body} like ${`%${person.id}%`}`);
    expect(messages).toEqual([]);
  });
});
