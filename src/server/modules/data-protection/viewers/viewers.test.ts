import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../shared/api/audit.ts';
import type { ViewerEntry } from '../../../../shared/api/privacy.ts';
import { storedAuditEvents } from '../../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { pdfBytes, upload } from '../../documents/documents.fixtures.ts';
import { createProfile, emails, enrolledUser, expectError, loadStructure, share } from '../../sharing/records.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const now = () => new Date().toISOString();

/** Every page of the viewers list, newest first. */
async function allViewers(agent: Agent, profileId: string, query = ''): Promise<ViewerEntry[]> {
  const items: ViewerEntry[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/profiles/${profileId}/viewers?limit=3${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await agent.get(url);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: ViewerEntry[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** What the audit trail holds about the person and the things on their record, by staff, newest first. */
async function storedAbout(entityIds: string[]): Promise<AuditEvent[]> {
  const events = (await Promise.all(entityIds.map((entityId) => storedAuditEvents(t, { entityId, limit: 500 })))).flat();
  return events.filter((e) => e.actor.kind === 'user' || e.actor.kind === 'api_token').sort((a, b) => b.seq - a.seq);
}

describe('who looked at this person', () => {
  let person: { id: string };
  let reportId: string;
  let documentId: string;

  beforeAll(async () => {
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    const housing = await t.as(emails.housing);
    person = await createProfile(police, { firstName: 'Verity', lastName: 'Lookedat' });
    // A refused open before anything was shared.
    expectError(await council.get(`/api/v1/profiles/${person.id}`), 403, 'no_access');
    await share(police, 'profiles', person.id, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
    await share(police, 'profiles', person.id, { organisationId: place.organisation('Demo Housing Association'), level: 'view' });
    const doc = await upload(police, `/api/v1/profiles/${person.id}/documents?fileName=letter.pdf`, pdfBytes('Letter'));
    expect(doc.statusCode, doc.body).toBe(201);
    documentId = doc.json().id;
    expect((await council.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);
    const report = await council.post(`/api/v1/profiles/${person.id}/reports`, { reportType: 'visit', occurredAt: now(), body: '<p>Visited the address.</p>', visibility: 'shared' });
    expect(report.statusCode, report.body).toBe(201);
    reportId = report.json().id;
    expect((await housing.get(`/api/v1/reports/${reportId}`)).statusCode).toBe(200);
    expect((await housing.get(`/api/v1/documents/${documentId}/content`)).statusCode).toBe(200);
    expect((await council.get(`/api/v1/profiles/${person.id}/summary.pdf`)).statusCode).toBe(200);
    expect((await police.patch(`/api/v1/profiles/${person.id}`, { version: 1, phone: '0115 000 0001' })).statusCode).toBe(200);
  });

  it('gives the owning team admin every staff event on the person and their items, newest first, paged, as the trail holds them', async () => {
    const stored = await storedAbout([person.id, reportId, documentId]);
    const lead = await t.as(emails.lead);
    const viewers = await allViewers(lead, person.id);
    expect(viewers.map((v) => v.id)).toEqual(stored.map((e) => e.id));
    expect(viewers.map((v) => v.action)).toEqual(stored.map((e) => e.action));
    for (const [i, v] of viewers.entries()) {
      expect(v.user).toEqual({ id: stored[i]!.actor.id, name: stored[i]!.actor.name });
      expect(v.at).toBe(stored[i]!.at);
      expect(v.outcome).toBe(stored[i]!.outcome);
      expect(v.subject).toEqual({ type: stored[i]!.entityType, id: stored[i]!.entityId });
    }
    const actions = viewers.map((v) => `${v.organisation.name}: ${v.action}${v.outcome === 'success' ? '' : ` (${v.outcome})`}`);
    expect(actions).toEqual(expect.arrayContaining([
      'Demo District Council: access.refused (refused)',
      'Demo District Council: profile.viewed',
      'Demo District Council: report.created',
      'Demo District Council: profile.summary_exported',
      'Demo Housing Association: report.viewed',
      'Demo Housing Association: document.downloaded',
      'Demo County Police: profile.updated',
      'Demo County Police: record.shared',
    ]));
    expect(viewers.find((v) => v.action === 'report.viewed')).toMatchObject({ user: { name: 'Marcus Bell' }, team: { name: 'Tenancy team' }, subject: { type: 'report', id: reportId }, emergency: false });
  });

  it('filters views from changes, by organisation and by person, and audits each read', async () => {
    const lead = await t.as(emails.lead);
    const views = await allViewers(lead, person.id, '&what=views');
    expect(views.length).toBeGreaterThan(0);
    expect(views.every((v) => /(viewed|downloaded|exported|listed|read|searched|compared)$/.test(v.action))).toBe(true);
    const changes = await allViewers(lead, person.id, '&what=changes');
    expect(changes.map((v) => v.action)).toEqual(expect.arrayContaining(['profile.updated', 'report.created', 'access.refused']));
    expect(changes.some((v) => v.action.endsWith('viewed'))).toBe(false);
    const housing = await allViewers(lead, person.id, `&organisationId=${place.organisation('Demo Housing Association')}`);
    expect(new Set(housing.map((v) => v.organisation.name))).toEqual(new Set(['Demo Housing Association']));
    expect(await allViewers(lead, person.id, `&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect((await allViewers(lead, person.id, `&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).length).toBeGreaterThan(0);
    const marcus = housing[0]!.user.id;
    expect((await allViewers(lead, person.id, `&userId=${marcus}`)).every((v) => v.user.id === marcus)).toBe(true);

    const [read] = await storedAuditEvents(t, { entityId: person.id, action: 'profile.viewers_viewed', limit: 1 });
    expect(read).toMatchObject({ actor: { name: 'Priya Shah' }, details: { count: expect.any(Number), filter: `userId=${marcus}` } });
  });

  it('is for the owning team admins, its organisation admins and system admins only', async () => {
    expect((await (await t.as(emails.policeAdmin)).get(`/api/v1/profiles/${person.id}/viewers`)).statusCode).toBe(200);
    expect((await (await t.as(emails.admin)).get(`/api/v1/profiles/${person.id}/viewers`)).statusCode).toBe(200);
    expectError(await (await t.as(emails.police)).get(`/api/v1/profiles/${person.id}/viewers`), 403, 'forbidden');
    const iomAdmin = await enrolledUser(t, emails.policeAdmin, { name: 'Ian Ogden', role: 'team_admin', teamId: place.team('Demo County Police/IOM team').teamId });
    expectError(await iomAdmin.agent.get(`/api/v1/profiles/${person.id}/viewers`), 403, 'forbidden');
    const councilAdmin = await enrolledUser(t, emails.admin, { name: 'Cora Adeyemi', role: 'organisation_admin', teamId: place.team('Demo District Council/Community Safety team').teamId });
    expectError(await councilAdmin.agent.get(`/api/v1/profiles/${person.id}/viewers`), 403, 'forbidden');
    const [refused] = await storedAuditEvents(t, { entityId: person.id, action: 'access.refused', actorId: councilAdmin.id, limit: 1 });
    expect(refused).toMatchObject({ outcome: 'refused', details: { why: 'not an administrator of the owning team' } });
  });

  it('does not exist for another partnership', async () => {
    await t.database.db.execute(sql`update users set role = 'team_admin' where email = ${emails.other}`);
    await t.sessionChangesHeard();
    expectError(await (await t.as(emails.other)).get(`/api/v1/profiles/${person.id}/viewers`), 404, 'not_found');
    expectError(await (await t.as(emails.other)).get(`/api/v1/profiles/${person.id}/recent-viewers`), 404, 'not_found');
  });
});

describe('recently viewed by', () => {
  it('names the last people of the reader\'s own team who opened the person, not themselves nor other teams', async () => {
    const police = await t.as(emails.police);
    const lead = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const person = await createProfile(police);
    await share(police, 'profiles', person.id, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
    expect((await lead.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);
    expect((await council.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);
    expect((await police.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);

    const recent = await police.get(`/api/v1/profiles/${person.id}/recent-viewers`);
    expect(recent.statusCode).toBe(200);
    expect(recent.json().items.map((i: { user: { name: string } }) => i.user.name)).toEqual(['Priya Shah']);
    expect((await council.get(`/api/v1/profiles/${person.id}/recent-viewers`)).json().items).toEqual([]);
    expectError(await (await t.as(emails.housing)).get(`/api/v1/profiles/${person.id}/recent-viewers`), 403, 'no_access');
    const [read] = await storedAuditEvents(t, { entityId: person.id, action: 'profile.recent_viewers_viewed', limit: 1 });
    expect(read).toMatchObject({ actor: { name: 'Jo Evans' }, details: { count: 0 } });
  });
});
