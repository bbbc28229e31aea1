import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { statementsOf } from '../../test/statements.ts';
import { pdfBytes, query, upload } from '../documents/documents.fixtures.ts';
import { auditOf, createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await loadStructure(t);
});
afterAll(() => t.close());

// Each statement waits its turn on a busy database, so a page costs what its statements cost
// (bench/README.md): the session, then the timeline with what its entries show and its audit row.
describe('reading a timeline', () => {
  it('takes at most two statements, with a report\'s attachment, a linked person\'s safety and its audit row', async () => {
    const police = await t.as(emails.police);
    const person = await createProfile(police, { roles: ['victim'], warningMarkers: ['visit-in-pairs'] });
    const opened = await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Noise from flat 12' });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().id as string;
    const linked = await police.post(`/api/v1/cases/${caseId}/profiles`, { profileId: person.id, role: 'victim' });
    expect(linked.statusCode, linked.body).toBe(201);
    const reported = await police.post(`/api/v1/cases/${caseId}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: '<p>Seen at home.</p>', visibility: 'shared' });
    expect(reported.statusCode, reported.body).toBe(201);
    const report = reported.json() as { id: string };
    const attached = await upload(police, `/api/v1/cases/${caseId}/documents?${query({ fileName: 'scan.pdf', title: 'Scanned statement', reportId: report.id, visibility: 'shared' })}`, pdfBytes());
    expect(attached.statusCode, attached.body).toBe(201);
    const documentId = attached.json().id as string;

    const { statements, result } = await statementsOf(t, () => police.get(`/api/v1/cases/${caseId}/timeline?limit=3`));
    expect(result.statusCode, result.body).toBe(200);
    const page = result.json() as { items: { kind: string; detail: Record<string, unknown> }[]; nextCursor: string | null };
    expect(page.items.find((e) => e.kind === 'report')?.detail).toMatchObject({ reportId: report.id, attachments: [{ id: documentId, title: 'Scanned statement', fileName: 'scan.pdf' }] });
    const link = page.items.find((e) => e.detail.action === 'case.profile_linked');
    expect(link?.detail.subject).toMatchObject({ id: person.id, name: `${person.firstName} ${person.lastName}`, safety: { roles: ['victim'], warningMarkers: [{ key: 'visit-in-pairs' }] } });
    expect(page.nextCursor).not.toBeNull();
    expect(statements.length, statements.join('\n---\n')).toBeLessThanOrEqual(2);
    const viewed = await auditOf(t, caseId, 'timeline.viewed');
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ entityType: 'case', entityId: caseId, details: { count: 3, includeLinked: false } });
    // The count is written by the statement: the event's digest must still be over its values as stored, for verify-audit.
    const { rows: [digest] } = await t.database.db.execute<{ matches: boolean }>(sql`
      select e.values_digest = audit_values_digest(v.reason, v.changes, v.details) as matches
        from audit_events e join audit_values v on v.event_id = e.id where e.id = ${viewed[0]!.id}`);
    expect(digest).toEqual({ matches: true });

    const next = await police.get(`/api/v1/cases/${caseId}/timeline?limit=3&cursor=${page.nextCursor}`);
    expect(next.statusCode, next.body).toBe(200);
    expect((await auditOf(t, caseId, 'timeline.viewed'))[0]).toMatchObject({ details: { count: next.json().items.length } });
  });

  it('refuses another organisation\'s reader and audits the refusal, and hides the record from the other partnership', async () => {
    const police = await t.as(emails.police);
    const person = await createProfile(police);

    const refused = await statementsOf(t, async () => (await t.as(emails.housing)).get(`/api/v1/profiles/${person.id}/timeline`));
    expectError(refused.result, 403, 'no_access');
    expect(await auditOf(t, person.id, 'access.refused')).toMatchObject([{ outcome: 'refused', details: { need: 'open' } }]);
    expectError(await (await t.as(emails.other)).get(`/api/v1/profiles/${person.id}/timeline`), 404, 'not_found');
    expect(await auditOf(t, person.id, 'timeline.viewed')).toHaveLength(0);
  });
});
