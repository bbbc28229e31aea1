import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '../../db/schema/index.ts';
import type { Agent, TestApp } from '../../test/harness.ts';
import { startTestApp } from '../../test/harness.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { createRecord, emails, enrolledUser, expectError, kinds, loadStructure, share } from '../sharing/records.fixtures.ts';
import { closedPort, eicar, fakeClamd, pdfBytes, query, upload } from './documents.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const addDocument = async (agent: Agent, kind: string, id: string, values: Record<string, string>, bytes = pdfBytes()) => {
  const response = await upload(agent, `/api/v1/${kind}/${id}/documents?${query({ fileName: 'letter.pdf', ...values })}`, bytes);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; title: string; currentVersion: number };
};

const storedFileCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(storedFiles))[0]!.n;

describe('who may read a document', () => {
  it.each(kinds)('follows the record and the visibility on %s: author, their team, a team with access, no access, another partnership', async (kind) => {
    const author = await t.as(emails.police);
    const teammate = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const housing = await t.as(emails.housing);
    const other = await t.as(emails.other);
    const id = await createRecord(author, kind);
    await share(author, kind, id, { organisationId: place.organisation('Demo District Council'), level: 'view' });
    const shared = await addDocument(author, kind, id, { title: 'Shared letter', folder: 'Letters', visibility: 'shared' });
    const team = await addDocument(author, kind, id, { title: 'Team note', folder: 'Police only', visibility: 'team' });
    const mine = await addDocument(author, kind, id, { title: 'My draft', folder: 'Drafts', visibility: 'private' });

    const readable = async (agent: Agent) => {
      const list = await agent.get(`/api/v1/${kind}/${id}/documents`);
      expect(list.statusCode, list.body).toBe(200);
      const items = list.json().items as { id: string; readable: boolean; title: string | null; folder: string | null; author: unknown; versions: unknown[] }[];
      expect(items.map((d) => d.id).sort()).toEqual([shared.id, team.id, mine.id].sort());
      for (const stub of items.filter((d) => !d.readable)) expect(stub).toMatchObject({ title: null, folder: null, author: null, versions: [] });
      const result: Record<string, boolean> = {};
      for (const doc of [shared, team, mine]) {
        const detail = await agent.get(`/api/v1/documents/${doc.id}`);
        expect(detail.statusCode).toBe(200);
        const content = await agent.get(`/api/v1/documents/${doc.id}/content`);
        const canRead = items.find((d) => d.id === doc.id)!.readable;
        expect(detail.json().readable).toBe(canRead);
        if (canRead) expect(content.statusCode).toBe(200);
        else expectError(content, 403, 'restricted');
        result[doc.title] = canRead;
      }
      return { result, folders: list.json().folders };
    };

    expect(await readable(author)).toEqual({ result: { 'Shared letter': true, 'Team note': true, 'My draft': true }, folders: ['Drafts', 'Letters', 'Police only'] });
    expect(await readable(teammate)).toEqual({ result: { 'Shared letter': true, 'Team note': true, 'My draft': false }, folders: ['Letters', 'Police only'] });
    expect(await readable(council)).toEqual({ result: { 'Shared letter': true, 'Team note': false, 'My draft': false }, folders: ['Letters'] });

    expectError(await housing.get(`/api/v1/${kind}/${id}/documents`), 403, 'no_access');
    expectError(await housing.get(`/api/v1/documents/${shared.id}`), 403, 'no_access');
    expectError(await housing.get(`/api/v1/documents/${shared.id}/content`), 403, 'no_access');
    expectError(await upload(housing, `/api/v1/${kind}/${id}/documents?fileName=x.pdf`, pdfBytes()), 403, 'no_access');
    expectError(await housing.patch(`/api/v1/documents/${shared.id}`, { version: shared.version, title: 'Mine now' }), 403, 'no_access');

    expectError(await other.get(`/api/v1/${kind}/${id}/documents`), 404, 'not_found');
    expectError(await other.get(`/api/v1/documents/${shared.id}`), 404, 'not_found');
    expectError(await other.get(`/api/v1/documents/${shared.id}/content`), 404, 'not_found');
    expectError(await upload(other, `/api/v1/${kind}/${id}/documents?fileName=x.pdf`, pdfBytes()), 404, 'not_found');
    expectError(await other.patch(`/api/v1/documents/${shared.id}`, { version: shared.version, title: 'Mine now' }), 404, 'not_found');
  });

  it('lets a team with view access add its own documents, but not change another agency\'s; only the author changes the visibility', async () => {
    const police = await t.as(emails.police);
    const lead = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const id = await createRecord(police, 'cases');
    await share(police, 'cases', id, { organisationId: place.organisation('Demo District Council'), level: 'view' });
    const theirs = await addDocument(council, 'cases', id, { title: 'Council letter' });
    expect(theirs).toMatchObject({ permissions: { canChange: true }, team: { name: 'Community Safety team' } });
    const ours = await addDocument(police, 'cases', id, { title: 'Police letter' });
    expect((await council.get(`/api/v1/documents/${ours.id}`)).json().permissions.canChange).toBe(false);
    expectError(await council.patch(`/api/v1/documents/${ours.id}`, { version: ours.version, title: 'Renamed' }), 403, 'forbidden');

    const renamed = await lead.patch(`/api/v1/documents/${ours.id}`, { version: ours.version, title: 'Police letter (signed)', folder: 'Signed' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'Police letter (signed)', folder: 'Signed', version: ours.version + 1 });
    expectError(await lead.patch(`/api/v1/documents/${ours.id}`, { version: ours.version + 1, visibility: 'team' }), 403, 'forbidden');
    expectError(await police.patch(`/api/v1/documents/${ours.id}`, { version: ours.version, title: 'Stale' }), 409, 'conflict');
    const restricted = await police.patch(`/api/v1/documents/${ours.id}`, { version: ours.version + 1, visibility: 'team' });
    expect(restricted.json()).toMatchObject({ visibility: 'team' });
    expect((await council.get(`/api/v1/documents/${ours.id}`)).json()).toMatchObject({ readable: false, title: null });
  });

  it('refuses a read-only user, and a report that is not the uploader\'s own on the record', async () => {
    const police = await t.as(emails.police);
    const reader = await enrolledUser(t, emails.admin, { name: 'Rita Reader', role: 'read_only', teamId: place.team('Demo County Police/ASB team').teamId });
    const id = await createRecord(police, 'profiles');
    expect((await reader.agent.get(`/api/v1/profiles/${id}/documents`)).statusCode).toBe(200);
    expectError(await upload(reader.agent, `/api/v1/profiles/${id}/documents?fileName=x.pdf`, pdfBytes()), 403, 'forbidden');
    const report = await police.post(`/api/v1/profiles/${id}/reports`, { reportType: 'Contact log', occurredAt: new Date().toISOString(), body: '<p>Visited.</p>', visibility: 'shared' });
    expect(report.statusCode, report.body).toBe(201);
    const reportId = report.json().id as string;
    const attached = await addDocument(police, 'profiles', id, { reportId });
    expect((await police.get(`/api/v1/documents/${attached.id}`)).json().reportId).toBe(reportId);

    const lead = await t.as(emails.lead);
    const elsewhere = await createRecord(police, 'profiles');
    for (const [agent, recordId, wrong] of [
      [police, id, '00000000-0000-4000-8000-000000000000'],
      [lead, id, reportId],
      [police, elsewhere, reportId],
    ] as const) {
      const response = await upload(agent, `/api/v1/profiles/${recordId}/documents?${query({ fileName: 'x.pdf', reportId: wrong })}`, pdfBytes());
      expectError(response, 422, 'validation_failed');
      expect(response.json().error.details).toEqual([{ field: 'reportId', problem: 'must be a report you wrote on this record' }]);
    }
  });
});

describe('what may be uploaded', () => {
  it('strips an image\'s metadata, GPS position included', async () => {
    const police = await t.as(emails.police);
    const id = await createRecord(police, 'locations');
    const photo = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#884422' } })
      .png()
      .withExifMerge({ IFD0: { Artist: 'Victim Name' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 57/1 0/1', GPSMapDatum: 'WGS-84' } })
      .toBuffer();
    expect(photo.includes('WGS-84')).toBe(true);
    const doc = await addDocument(police, 'locations', id, { fileName: 'door.png', title: 'Damage to the door' }, photo);
    expect(doc).toMatchObject({ contentType: 'image/png', fileName: 'door.png', previewable: true });
    const content = await police.get(`/api/v1/documents/${doc.id}/content?disposition=inline`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.headers['content-disposition']).toBe('inline; filename="door.png"; filename*=UTF-8\'\'door.png');
    expect(content.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(content.headers['x-frame-options']).toBe('SAMEORIGIN');
    const stored = content.rawPayload;
    expect(stored.includes('WGS-84')).toBe(false);
    expect(stored.includes('Victim Name')).toBe(false);
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 30, height: 20 });
    expect(meta.exif).toBeUndefined();
  });

  it.each([
    ['a program renamed as a PDF', 'invoice.pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(200, 1)])],
    ['a web page', 'page.html', Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
    ['a web page named as text', 'notes.txt', Buffer.from('Hello\n<script>alert(1)</script>')],
    ['a zip archive', 'files.docx', Buffer.from('504b0304140000000000000000000000000000000000000000000000000000', 'hex')],
    ['binary that is not text', 'data.txt', Buffer.from([0x41, 0x00, 0x42, 0xff])],
  ])('refuses %s, and stores nothing', async (_what, fileName, bytes) => {
    const police = await t.as(emails.police);
    const id = await createRecord(police, 'profiles');
    const before = await storedFileCount();
    expectError(await upload(police, `/api/v1/profiles/${id}/documents?${query({ fileName })}`, bytes), 422, 'unsupported_file_type');
    expect(await storedFileCount()).toBe(before);
  });

  it('accepts plain text and CSV, decided from the content, and gives a download a safe name of its type', async () => {
    const police = await t.as(emails.police);
    const id = await createRecord(police, 'cases');
    const csv = await addDocument(police, 'cases', id, { fileName: 'visits.csv' }, Buffer.from('date,officer\n2026-01-02,Jo\n'));
    expect(csv).toMatchObject({ contentType: 'text/csv', title: 'visits', previewable: false });
    const text = await addDocument(police, 'cases', id, { fileName: '../../etc/notes "draft"' }, Buffer.from('Spoke to the neighbour — café noise.\n'));
    expect(text).toMatchObject({ contentType: 'text/plain', fileName: 'notes draft.txt' });
    const pdf = await addDocument(police, 'cases', id, { fileName: 'Café report.exe' });
    expect(pdf).toMatchObject({ contentType: 'application/pdf', fileName: 'Café report.exe.pdf' });
    const content = await police.get(`/api/v1/documents/${text.id}/content?disposition=inline`);
    expect(content.headers['content-disposition']).toBe('attachment; filename="notes draft.txt"; filename*=UTF-8\'\'notes%20draft.txt');
    expect(content.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const download = await police.get(`/api/v1/documents/${pdf.id}/content`);
    expect(download.headers['content-disposition']).toBe('attachment; filename="Caf_ report.exe.pdf"; filename*=UTF-8\'\'Caf%C3%A9%20report.exe.pdf');
    expect(download.headers).toMatchObject({ 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff', 'content-type': 'application/pdf' });
  });

  it('refuses a file over the size limit with 413', async () => {
    const police = await t.as(emails.police);
    const id = await createRecord(police, 'profiles');
    const rules = (await police.get('/api/v1/document-rules')).json();
    expect(rules).toMatchObject({ maxBytes: 25 * 1024 * 1024, virusScanning: false });
    expect(rules.allowedTypes).toContain('application/pdf');
    const huge = Buffer.concat([pdfBytes(), Buffer.alloc(rules.maxBytes, 32)]);
    const response = await upload(police, `/api/v1/profiles/${id}/documents?fileName=huge.pdf`, huge);
    expectError(response, 413, 'file_too_large');
    expect(response.json().error.message).toContain('25 MB');
  });
});

describe('versions and downloads', () => {
  it('keeps earlier versions, and audits every download with its version', async () => {
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    const id = await createRecord(police, 'profiles');
    await share(police, 'profiles', id, { organisationId: place.organisation('Demo District Council'), level: 'view' });
    const doc = await addDocument(police, 'profiles', id, { title: 'Tenancy warning' }, pdfBytes('First'));
    const second = await upload(police, `/api/v1/documents/${doc.id}/versions?${query({ fileName: 'warning-v2.pdf', version: doc.version })}`, pdfBytes('Second'));
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ currentVersion: 2, fileName: 'warning-v2.pdf', title: 'Tenancy warning' });
    expect(second.json().versions.map((v: { version: number; fileName: string }) => [v.version, v.fileName])).toEqual([[2, 'warning-v2.pdf'], [1, 'letter.pdf']]);
    expectError(await upload(police, `/api/v1/documents/${doc.id}/versions?${query({ fileName: 'late.pdf', version: doc.version })}`, pdfBytes()), 409, 'conflict');
    expectError(await upload(council, `/api/v1/documents/${doc.id}/versions?${query({ fileName: 'mine.pdf', version: second.json().version })}`, pdfBytes()), 403, 'forbidden');

    expect((await council.get(`/api/v1/documents/${doc.id}/content`)).rawPayload.toString('latin1')).toContain('(Second)');
    expect((await council.get(`/api/v1/documents/${doc.id}/content?version=1`)).rawPayload.toString('latin1')).toContain('(First)');
    expectError(await council.get(`/api/v1/documents/${doc.id}/content?version=3`), 404, 'not_found');

    const downloads = (await storedAuditEvents(t, { entityId: doc.id, action: 'document.downloaded' })).reverse();
    const councilId = (await council.get('/api/v1/me')).json().id;
    expect(downloads.map((e) => [e.actor.id, e.outcome, e.details])).toEqual([
      [councilId, 'success', { version: 2, disposition: 'attachment' }],
      [councilId, 'success', { version: 1, disposition: 'attachment' }],
    ]);
    const { rows: subjects } = await t.database.db.execute<{ team: string }>(sql`
      select distinct subject_team_id as team from audit_events where entity_id = ${doc.id} and action = 'document.downloaded'`);
    expect(subjects).toEqual([{ team: place.team('Demo County Police/ASB team').teamId }]);
  });
});

describe('live updates', () => {
  it('tells everyone who can open the record that its documents changed, with ids only', async () => {
    const police = await t.as(emails.police);
    const id = await createRecord(police, 'cases');
    await share(police, 'cases', id, { organisationId: place.organisation('Demo District Council'), level: 'view' });
    const heard: { type: string; audience: unknown; data: Record<string, unknown> }[] = [];
    const stop = t.app.platform.events.subscribe((event) => heard.push(event));
    try {
      const doc = await addDocument(police, 'cases', id, { title: 'Secret title' });
      const audience = { teamIds: [place.team('Demo County Police/ASB team').teamId], organisationIds: [place.organisation('Demo District Council')], userIds: [] };
      // On PostgreSQL events travel through LISTEN/NOTIFY, so they arrive a moment after the reply.
      await expect.poll(() => heard.filter((e) => e.type === 'timeline.changed' || e.type === 'document.changed')).toEqual([
        { type: 'timeline.changed', audience, data: { kind: 'case', id, entry: 'document' } },
        { type: 'document.changed', audience, data: { id: doc.id, record: { kind: 'case', id } } },
      ]);
      expect(JSON.stringify(heard)).not.toContain('Secret title');
    } finally {
      stop();
    }
  });
});

describe('virus scanning', () => {
  it('refuses an infected file and stores nothing; refuses everything while the scanner is unreachable', async () => {
    const clamd = await fakeClamd();
    const settings = t.app.platform.config.documents;
    // The scanner setting is read at each upload, so the test points it at its own clamd.
    settings.clamav = { host: '127.0.0.1', port: clamd.port };
    try {
      const police = await t.as(emails.police);
      const id = await createRecord(police, 'profiles');
      expect((await police.get('/api/v1/document-rules')).json().virusScanning).toBe(true);
      // Larger than one INSTREAM chunk, so the daemon has to put the pieces back together.
      const large = Buffer.concat([pdfBytes(), Buffer.alloc(200_000, 32)]);
      const clean = await addDocument(police, 'profiles', id, { fileName: 'clean.pdf' }, large);
      expect((await police.get(`/api/v1/documents/${clean.id}`)).json().versions[0].scanResult).toBe('clean');
      expect(clamd.scanned).toEqual([large]);

      const before = await storedFileCount();
      expectError(await upload(police, `/api/v1/profiles/${id}/documents?fileName=eicar.txt`, Buffer.from(eicar)), 422, 'infected');
      expect(clamd.scanned.at(-1)!.toString()).toBe(eicar);
      expect(await storedFileCount()).toBe(before);

      settings.clamav = { host: '127.0.0.1', port: await closedPort() };
      expectError(await upload(police, `/api/v1/profiles/${id}/documents?fileName=ok.pdf`, pdfBytes()), 503, 'scanner_unavailable');
      expect(await storedFileCount()).toBe(before);
      expect((await police.get(`/api/v1/profiles/${id}/documents`)).json().items).toHaveLength(1);
    } finally {
      settings.clamav = undefined;
      await clamd.close();
    }
  });
});
