import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import { isInAudience } from '../../platform/events/stream.ts';
import type { DomainEvent } from '../../platform/events/types.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { pdfBytes, query, upload } from '../documents/documents.fixtures.ts';
import { auditOf, createRecord, emails, enrolledUser, expectError, loadStructure, share, type Kind } from '../sharing/records.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let readOnly: Agent;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  readOnly = (await enrolledUser(t, emails.admin, { name: 'Rae Reader', role: 'read_only', teamId: place.team('Demo County Police/ASB team').teamId })).agent;
});
afterAll(() => t.close());

const now = () => new Date().toISOString();
const writeReport = (agent: Agent, kind: Kind, id: string, body: Record<string, unknown> = {}) =>
  agent.post(`/api/v1/${kind}/${id}/reports`, { reportType: 'visit', occurredAt: now(), body: '<p>Visited; no answer at the door.</p>', visibility: 'shared', ...body });

async function created(agent: Agent, kind: Kind, id: string, body: Record<string, unknown> = {}) {
  const response = await writeReport(agent, kind, id, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A police ASB team record shared with the council's Community Safety team (view); housing has no access. */
async function sharedRecord(kind: Kind = 'profiles') {
  const police = await t.as(emails.police);
  const id = await createRecord(police, kind);
  await share(police, kind, id, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
  return id;
}

async function actorOf(email: string): Promise<Actor> {
  const me = (await (await t.as(email)).get('/api/v1/me')).json();
  return { kind: 'user', id: me.id, name: me.name, role: me.role, isSupervisor: false, teamId: me.team.id, organisationId: me.organisation.id, partnershipId: me.partnership?.id ?? '', readOnly: false };
}

describe('writing a report', () => {
  it('keeps only safe markup and the plain text beside it', async () => {
    const id = await sharedRecord();
    const report = await created(await t.as(emails.police), 'profiles', id, {
      body: '<p onclick="steal()" style="color:red">Met <strong>Jo</strong> at <a href="javascript:alert(1)">home</a>, see <a href="https://example.org/x" target="_self">note</a></p>'
        + '<script>alert(1)</script><style>p{display:none}</style><img src="x" onerror="alert(1)"><ul><li>Agreed &amp; signed</li></ul><iframe src="https://evil.test"></iframe>',
    });
    expect(report.bodyHtml).toBe('<p>Met <strong>Jo</strong> at home, see <a href="https://example.org/x" rel="noopener noreferrer" target="_blank">note</a></p><ul><li>Agreed &amp; signed</li></ul>');
    const { rows } = await t.database.db.execute<{ body_text: string }>(sql`select body_text from reports where id = ${report.id}`);
    expect(rows[0]!.body_text).toBe('Met Jo at home, see note\nAgreed & signed');
    expect(report).toMatchObject({
      record: { kind: 'profile', id }, type: { key: 'visit', name: 'Visit' }, readable: true, visibility: 'shared', version: 1,
      team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' }, author: { name: 'Tom Wright' }, permissions: { canEdit: true },
    });
    const [audited] = await auditOf(t, report.id, 'report.created');
    expect(JSON.stringify(audited)).not.toContain('Jo');
  });

  it('refuses a body with nothing left once cleaned, and a retired or unknown type', async () => {
    const police = await t.as(emails.police);
    const id = await sharedRecord();
    const empty = await writeReport(police, 'profiles', id, { body: '<script>alert(1)</script><p> </p>' });
    expectError(empty, 422, 'validation_failed');
    expect(empty.json().error.details).toEqual([expect.objectContaining({ field: 'body' })]);
    const admin = await t.as(emails.admin);
    const types = (await admin.get('/api/v1/lookups?list=report_type')).json().items as { id: string; key: string; version: number }[];
    const debrief = types.find((l) => l.key === 'debrief')!;
    const retired = await admin.patch(`/api/v1/lookups/${debrief.id}`, { version: debrief.version, active: false });
    expect(retired.statusCode, retired.body).toBe(200);
    expectError(await writeReport(police, 'profiles', id, { reportType: 'debrief' }), 422, 'validation_failed');
    expectError(await writeReport(police, 'profiles', id, { reportType: 'no-such-type' }), 422, 'validation_failed');
    await admin.patch(`/api/v1/lookups/${debrief.id}`, { version: debrief.version + 1, active: true });
  });

  it('goes on profiles, cases and locations, by anyone who can open the record but not by a read-only user', async () => {
    for (const kind of ['profiles', 'cases', 'locations'] as const) {
      const id = await sharedRecord(kind);
      const report = await created(await t.as(emails.council), kind, id, { reportType: 'Contact log' });
      expect(report).toMatchObject({ type: { key: 'contact-log' }, team: { name: 'Community Safety team' }, organisation: { name: 'Demo District Council' } });
    }
    const id = await sharedRecord();
    expectError(await writeReport(readOnly, 'profiles', id), 403, 'forbidden');
    expectError(await writeReport(await t.as(emails.housing), 'profiles', id), 403, 'no_access');
    expectError(await writeReport(await t.as(emails.other), 'profiles', id), 404, 'not_found');
  });

  it('is refused on an archived case', async () => {
    const police = await t.as(emails.police);
    const id = await createRecord(police, 'cases');
    const closed = await police.post(`/api/v1/cases/${id}/close`, { version: 1, outcome: 'Resolved', reason: 'Behaviour stopped' });
    expect(closed.statusCode, closed.body).toBe(200);
    const archived = await police.post(`/api/v1/cases/${id}/archive`, { version: closed.json().version });
    expect(archived.statusCode, archived.body).toBe(200);
    expectError(await writeReport(police, 'cases', id), 409, 'case_archived');
  });
});

describe('who reads a report', () => {
  const readers = {
    author: emails.police,
    authorsTeam: emails.lead,
    otherTeamWithAccess: emails.council,
  };
  const expected: Record<'shared' | 'team' | 'private', Record<keyof typeof readers, boolean>> = {
    shared: { author: true, authorsTeam: true, otherTeamWithAccess: true },
    team: { author: true, authorsTeam: true, otherTeamWithAccess: false },
    private: { author: true, authorsTeam: false, otherTeamWithAccess: false },
  };

  for (const visibility of ['shared', 'team', 'private'] as const) {
    it(`a ${visibility} report: in full to those it is for, as a stub to others who can open the record`, async () => {
      const id = await sharedRecord();
      const report = await created(await t.as(emails.police), 'profiles', id, { visibility, body: '<p>Disclosed a new address.</p>' });
      for (const [who, email] of Object.entries(readers) as [keyof typeof readers, string][]) {
        const agent = await t.as(email);
        const response = await agent.get(`/api/v1/reports/${report.id}`);
        expect(response.statusCode, `${who}: ${response.body}`).toBe(200);
        const seen = response.json();
        if (expected[visibility][who]) {
          expect(seen, who).toMatchObject({ readable: true, bodyHtml: '<p>Disclosed a new address.</p>', visibility, author: { name: 'Tom Wright' } });
        } else {
          expect(seen, who).toMatchObject({ readable: false, restricted: true, bodyHtml: null, visibility: null, author: null, attachments: [], type: { name: 'Visit' }, team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' } });
          expect(response.body, who).not.toContain('new address');
          expectError(await agent.get(`/api/v1/reports/${report.id}/versions`), 403, 'forbidden');
        }
        const timeline = (await agent.get(`/api/v1/profiles/${id}/timeline?kinds=report`)).json();
        expect(timeline.items, who).toHaveLength(1);
        expect(timeline.items[0], who).toMatchObject({ kind: 'report', readable: expected[visibility][who], label: 'Visit', team: { name: 'ASB team' } });
        if (!expected[visibility][who]) {
          const stub = timeline.items[0];
          expect(stub, who).toMatchObject({ restricted: true, reportType: 'Visit', author: { team: { name: 'ASB team' } }, detail: { bodyHtml: null, visibility: null } });
          expect(stub.author, who).not.toHaveProperty('name');
          expect(stub.author, who).not.toHaveProperty('id');
          expect(JSON.stringify(timeline), who).not.toContain('new address');
        }
      }
      const housing = await t.as(emails.housing);
      expectError(await housing.get(`/api/v1/reports/${report.id}`), 403, 'no_access');
      expectError(await housing.get(`/api/v1/profiles/${id}/timeline`), 403, 'no_access');
      const other = await t.as(emails.other);
      expectError(await other.get(`/api/v1/reports/${report.id}`), 404, 'not_found');
      expectError(await other.get(`/api/v1/profiles/${id}/timeline`), 404, 'not_found');
      expectError(await other.patch(`/api/v1/reports/${report.id}`, { version: 1, body: '<p>x</p>' }), 404, 'not_found');
      expect((await auditOf(t, report.id, 'report.viewed')).length).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('changing a report', () => {
  it('is for its author; the earlier wording is kept and a stale version is refused', async () => {
    const id = await sharedRecord();
    const police = await t.as(emails.police);
    const report = await created(police, 'profiles', id, { body: '<p>First account.</p>' });
    const changed = await police.patch(`/api/v1/reports/${report.id}`, { version: 1, body: '<p>Corrected account.</p>', reportType: 'Debrief' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, bodyHtml: '<p>Corrected account.</p>', type: { key: 'debrief' } });
    const stale = await police.patch(`/api/v1/reports/${report.id}`, { version: 1, body: '<p>Lost update.</p>' });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ version: 2, bodyHtml: '<p>Corrected account.</p>' });
    const versions = (await police.get(`/api/v1/reports/${report.id}/versions`)).json().items;
    expect(versions).toEqual([expect.objectContaining({ version: 1, bodyHtml: '<p>First account.</p>', type: expect.objectContaining({ key: 'visit' }), editedBy: expect.objectContaining({ name: 'Tom Wright' }) })]);
    const council = await t.as(emails.council);
    expect((await council.get(`/api/v1/reports/${report.id}`)).json()).toMatchObject({ readable: true, permissions: { canEdit: false } });
    expectError(await council.patch(`/api/v1/reports/${report.id}`, { version: 2, body: '<p>Not mine.</p>' }), 403, 'forbidden');
    expectError(await (await t.as(emails.lead)).patch(`/api/v1/reports/${report.id}`, { version: 2, body: '<p>Not mine.</p>' }), 403, 'forbidden');
    expectError(await readOnly.patch(`/api/v1/reports/${report.id}`, { version: 2, body: '<p>Not mine.</p>' }), 403, 'forbidden');
    const timeline = (await council.get(`/api/v1/profiles/${id}/timeline?kinds=report`)).json();
    expect(timeline.items[0].detail).toMatchObject({ edited: true, bodyHtml: '<p>Corrected account.</p>' });
  });

  it('an earlier private wording stays private after the report is shared', async () => {
    const id = await sharedRecord();
    const police = await t.as(emails.police);
    const report = await created(police, 'profiles', id, { visibility: 'private', body: '<p>Only my notes.</p>' });
    expect((await police.patch(`/api/v1/reports/${report.id}`, { version: 1, visibility: 'shared', body: '<p>For everyone.</p>' })).statusCode).toBe(200);
    expect((await (await t.as(emails.council)).get(`/api/v1/reports/${report.id}/versions`)).json().items).toEqual([]);
    expect((await police.get(`/api/v1/reports/${report.id}/versions`)).json().items).toHaveLength(1);
  });
});

describe('a report\'s attachments', () => {
  const attach = (agent: Agent, id: string, values: Record<string, string>) =>
    upload(agent, `/api/v1/profiles/${id}/documents?${query({ fileName: 'scan.pdf', title: 'Scanned statement', ...values })}`, pdfBytes());

  it('are narrowed with the report: a stub to those it is no longer for, still read by the author', async () => {
    const id = await sharedRecord();
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    const report = await created(police, 'profiles', id);
    const attached = await attach(police, id, { reportId: report.id, visibility: 'shared' });
    expect(attached.statusCode, attached.body).toBe(201);
    const doc = attached.json() as { id: string; version: number };
    expect((await council.get(`/api/v1/documents/${doc.id}/content`)).statusCode).toBe(200);

    const heard: DomainEvent[] = [];
    const unsubscribe = t.app.platform.events.subscribe((event) => heard.push(event));
    try {
      const narrowed = await police.patch(`/api/v1/reports/${report.id}`, { version: 1, visibility: 'private' });
      expect(narrowed.statusCode, narrowed.body).toBe(200);
      await expect.poll(() => heard.some((e) => e.type === 'document.changed')).toBe(true);
    } finally {
      unsubscribe();
    }
    const changed = heard.find((e) => e.type === 'document.changed')!;
    expect(changed.data).toEqual({ id: doc.id, record: { kind: 'profile', id } });
    expect(isInAudience(await actorOf(emails.council), changed.audience)).toBe(true);

    const listed = (await council.get(`/api/v1/profiles/${id}/documents`)).json().items as { id: string; readable: boolean; title: string | null }[];
    expect(listed.find((d) => d.id === doc.id)).toMatchObject({ readable: false, title: null });
    expect((await council.get(`/api/v1/documents/${doc.id}`)).json()).toMatchObject({ readable: false, title: null, versions: [] });
    expectError(await council.get(`/api/v1/documents/${doc.id}/content`), 403, 'restricted');
    expect((await (await t.as(emails.lead)).get(`/api/v1/documents/${doc.id}`)).json()).toMatchObject({ readable: false });

    expect((await police.get(`/api/v1/documents/${doc.id}`)).json()).toMatchObject({ readable: true, visibility: 'private', version: doc.version + 1 });
    expect((await police.get(`/api/v1/documents/${doc.id}/content`)).statusCode).toBe(200);
    const [audited] = await auditOf(t, doc.id, 'document.updated');
    expect(audited).toMatchObject({ entityType: 'document', changes: { visibility: { before: 'shared', after: 'private' } } });
  });

  it('may not be uploaded or changed to reach more people than the report', async () => {
    const id = await sharedRecord();
    const police = await t.as(emails.police);
    const report = await created(police, 'profiles', id, { visibility: 'private' });
    const wide = await attach(police, id, { reportId: report.id, visibility: 'shared' });
    expectError(wide, 422, 'validation_failed');
    expect(wide.json().error.details).toEqual([{ field: 'visibility', problem: 'must not be wider than the report it is attached to' }]);
    expectError(await attach(police, id, { reportId: report.id, visibility: 'team' }), 422, 'validation_failed');
    const attached = await attach(police, id, { reportId: report.id, visibility: 'private' });
    expect(attached.statusCode, attached.body).toBe(201);
    const doc = attached.json() as { id: string; version: number };
    const widened = await police.patch(`/api/v1/documents/${doc.id}`, { version: doc.version, visibility: 'team' });
    expectError(widened, 422, 'validation_failed');
    expect(widened.json().error.details).toEqual([{ field: 'visibility', problem: 'must not be wider than the report it is attached to' }]);
    expect((await police.patch(`/api/v1/documents/${doc.id}`, { version: doc.version, visibility: 'private', title: 'Renamed scan' })).statusCode).toBe(200);
  });
});

describe('an author who has moved team', () => {
  it('may not change their team-only report, which they can no longer read', async () => {
    const asb = place.team('Demo County Police/ASB team');
    const iom = place.team('Demo County Police/IOM team');
    const police = await t.as(emails.police);
    const id = await createRecord(police, 'profiles');
    await share(police, 'profiles', id, { teamId: iom.teamId, level: 'view' });
    const mover = await enrolledUser(t, emails.admin, { name: 'Mo Mover', role: 'practitioner', teamId: asb.teamId });
    const report = await created(mover.agent, 'profiles', id, { visibility: 'team' });
    const admin = await t.as(emails.admin);
    const user = (await admin.get(`/api/v1/users/${mover.id}`)).json() as { version: number };
    const moved = await admin.patch(`/api/v1/users/${mover.id}`, { version: user.version, teamId: iom.teamId });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await mover.agent.get(`/api/v1/reports/${report.id}`)).json()).toMatchObject({ readable: false, permissions: { canEdit: false } });
    expectError(await mover.agent.patch(`/api/v1/reports/${report.id}`, { version: 1, body: '<p>Overwritten.</p>' }), 403, 'forbidden');
    expect((await police.get(`/api/v1/reports/${report.id}`)).json()).toMatchObject({ bodyHtml: '<p>Visited; no answer at the door.</p>', version: 1 });
  });
});

describe('live updates', () => {
  it('tell those who can open the record that its timeline changed, and nobody else', async () => {
    const id = await sharedRecord();
    const heard: DomainEvent[] = [];
    const unsubscribe = t.app.platform.events.subscribe((event) => heard.push(event));
    try {
      const report = await created(await t.as(emails.police), 'profiles', id, { visibility: 'private' });
      await expect.poll(() => heard.filter((e) => e.type === 'timeline.changed').length).toBe(1);
      const event = heard.find((e) => e.type === 'timeline.changed')!;
      expect(event.data).toEqual({ kind: 'profile', id, entry: 'report' });
      expect(JSON.stringify(event)).not.toContain(report.bodyHtml);
      expect(isInAudience(await actorOf(emails.council), event.audience)).toBe(true);
      expect(isInAudience(await actorOf(emails.lead), event.audience)).toBe(true);
      expect(isInAudience(await actorOf(emails.housing), event.audience)).toBe(false);
      expect(isInAudience(await actorOf(emails.other), event.audience)).toBe(false);
    } finally {
      unsubscribe();
    }
  });
});
