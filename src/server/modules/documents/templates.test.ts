import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePartnershipDefaults } from '../../db/seed/partnership-defaults.ts';
import type { Agent, TestApp } from '../../test/harness.ts';
import { startTestApp } from '../../test/harness.ts';
import { auditOf, createRecord, emails, enrolledUser, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { pdfBytes, query, upload } from './documents.fixtures.ts';
import { zipText } from './starter-letters/zip.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const addTemplate = async (email: string, values: Record<string, string>, bytes = pdfBytes('Consent')) => {
  const response = await upload(await t.as(email), `/api/v1/templates?${query({ fileName: 'consent.pdf', folder: 'Consent forms', title: 'Consent to share', ...values })}`, bytes);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; folder: string; title: string };
};

describe('the template library', () => {
  it('is curated by the system administrator and read by everyone in the partnership, and no one outside it', async () => {
    const consent = await addTemplate(emails.admin, {});
    const isa = await addTemplate(emails.admin, { folder: 'Agreements', title: 'Information sharing agreement', fileName: 'isa.pdf' });
    expect(consent).toMatchObject({ folder: 'Consent forms', contentType: 'application/pdf', active: true, fileName: 'consent.pdf' });

    expectError(await upload(await t.as(emails.police), '/api/v1/templates?fileName=x.pdf&folder=Letters&title=Mine', pdfBytes()), 403, 'forbidden');
    expectError(await upload(await t.as(emails.lead), '/api/v1/templates?fileName=x.pdf&folder=Letters&title=Mine', pdfBytes()), 403, 'forbidden');
    expectError(await (await t.as(emails.police)).patch(`/api/v1/templates/${consent.id}`, { version: consent.version, title: 'Renamed' }), 403, 'forbidden');

    const list = (await (await t.as(emails.housing)).get('/api/v1/templates')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([consent.id, isa.id]));
    expect(list.folders).toEqual(expect.arrayContaining(['Agreements', 'Consent forms']));
    const download = await (await t.as(emails.housing)).get(`/api/v1/templates/${consent.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers).toMatchObject({ 'content-type': 'application/pdf', 'cache-control': 'private, no-store', 'content-disposition': 'attachment; filename="consent.pdf"; filename*=UTF-8\'\'consent.pdf' });
    expect((await auditOf(t, consent.id, 'template.downloaded'))).toHaveLength(1);

    const other = await t.as(emails.other);
    expect((await other.get('/api/v1/templates')).json().items.map((x: { id: string }) => x.id)).not.toContain(consent.id);
    expectError(await other.get(`/api/v1/templates/${consent.id}/content`), 404, 'not_found');
  });

  it('renames, moves, replaces and retires a template; retired ones are no longer offered or copied', async () => {
    const admin = await t.as(emails.admin);
    const letter = await addTemplate(emails.admin, { folder: 'Letters', title: 'Warning letter', fileName: 'warning.pdf' }, pdfBytes('Old'));
    const moved = await admin.patch(`/api/v1/templates/${letter.id}`, { version: letter.version, title: 'ASB warning letter', folder: 'Warning letters' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ title: 'ASB warning letter', folder: 'Warning letters', version: letter.version + 1 });
    expectError(await admin.patch(`/api/v1/templates/${letter.id}`, { version: letter.version, title: 'Stale' }), 409, 'conflict');

    const police = await t.as(emails.police);
    const caseId = await createRecord(police, 'cases');
    const copy = await police.post(`/api/v1/cases/${caseId}/documents/from-template`, { templateId: letter.id, visibility: 'team' });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ title: 'ASB warning letter', folder: 'Warning letters', visibility: 'team', fileName: 'warning.pdf', author: { name: 'Tom Wright' } });

    const replaced = await upload(admin, `/api/v1/templates/${letter.id}/file?${query({ fileName: 'warning-2027.pdf', version: letter.version + 1 })}`, pdfBytes('New'));
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ fileName: 'warning-2027.pdf', version: letter.version + 2 });
    expect((await admin.get(`/api/v1/templates/${letter.id}/content`)).rawPayload.toString('latin1')).toContain('(New)');
    expect((await police.get(`/api/v1/documents/${copy.json().id}/content`)).rawPayload.toString('latin1')).toContain('(Old)');
    expectError(await upload(admin, `/api/v1/templates/${letter.id}/file?fileName=x.exe&version=${letter.version + 2}`, Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1')), 422, 'unsupported_file_type');

    const retired = await admin.patch(`/api/v1/templates/${letter.id}`, { version: letter.version + 2, active: false });
    expect(retired.json()).toMatchObject({ active: false });
    expect((await police.get('/api/v1/templates')).json().items.map((x: { id: string }) => x.id)).not.toContain(letter.id);
    expect((await police.get('/api/v1/templates?includeRetired=true')).json().items.map((x: { id: string }) => x.id)).not.toContain(letter.id);
    expect((await admin.get('/api/v1/templates?includeRetired=true')).json().items.map((x: { id: string }) => x.id)).toContain(letter.id);
    expectError(await police.post(`/api/v1/cases/${caseId}/documents/from-template`, { templateId: letter.id }), 409, 'template_retired');
    expect((await auditOf(t, letter.id)).map((e) => e.action).sort()).toEqual(['template.created', 'template.downloaded', 'template.updated', 'template.updated', 'template.updated']);
  });

  it('is the partnership\'s: an organisation admin can neither add to it nor change a template, and changes nothing', async () => {
    const letter = await addTemplate(emails.admin, { folder: 'Letters', title: 'Closure warning', fileName: 'closure.pdf' }, pdfBytes('Closure'));
    const policeAdmin = await t.as(emails.policeAdmin);
    expectError(await upload(policeAdmin, `/api/v1/templates?${query({ fileName: 'ours.pdf', folder: 'Letters', title: 'Police letter' })}`, pdfBytes()), 403, 'forbidden');
    expectError(await policeAdmin.patch(`/api/v1/templates/${letter.id}`, { version: letter.version, title: 'Police closure warning' }), 403, 'forbidden');
    expectError(await policeAdmin.patch(`/api/v1/templates/${letter.id}`, { version: letter.version, active: false }), 403, 'forbidden');
    expectError(await upload(policeAdmin, `/api/v1/templates/${letter.id}/file?${query({ fileName: 'ours.pdf', version: letter.version })}`, pdfBytes('Ours')), 403, 'forbidden');

    const library = (await (await t.as(emails.police)).get('/api/v1/templates')).json().items as { id: string; title: string; version: number; active: boolean; fileName: string }[];
    expect(library.some((x) => x.title === 'Police letter')).toBe(false);
    expect(library.find((x) => x.id === letter.id)).toMatchObject({ title: 'Closure warning', version: letter.version, active: true, fileName: 'closure.pdf' });
    expect((await (await t.as(emails.police)).get(`/api/v1/templates/${letter.id}/content`)).rawPayload.toString('latin1')).toContain('(Closure)');
    expect((await auditOf(t, letter.id, 'template.updated'))).toEqual([]);

    const renamed = await (await t.as(emails.admin)).patch(`/api/v1/templates/${letter.id}`, { version: letter.version, title: 'Closure order warning' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'Closure order warning', version: letter.version + 1 });
  });

  it('does not exist for the other partnership, even for its system administrator', async () => {
    const letter = await addTemplate(emails.admin, { folder: 'Letters', title: 'Acceptable behaviour contract' });
    const otherAdmin = (await enrolledUser(t, emails.admin, { name: 'Nia Neighbour', role: 'system_admin', teamId: place.team('Neighbouring County Police/ASB team').teamId })).agent;
    expectError(await otherAdmin.patch(`/api/v1/templates/${letter.id}`, { version: letter.version, title: 'Ours now' }), 404, 'not_found');
    expectError(await upload(otherAdmin, `/api/v1/templates/${letter.id}/file?${query({ fileName: 'ours.pdf', version: letter.version })}`, pdfBytes('Ours')), 404, 'not_found');
    expectError(await (await t.as(emails.other)).patch(`/api/v1/templates/${letter.id}`, { version: letter.version, title: 'Ours now' }), 403, 'forbidden');
    expect((await (await t.as(emails.police)).get('/api/v1/templates')).json().items.find((x: { id: string }) => x.id === letter.id)).toMatchObject({ title: 'Acceptable behaviour contract', version: letter.version });
  });

  it('copies onto a record only for those who may add to it', async () => {
    const consent = await addTemplate(emails.admin, { title: 'Consent for referral' });
    const police = await t.as(emails.police);
    const profileId = await createRecord(police, 'profiles');
    await share(police, 'profiles', profileId, { organisationId: place.organisation('Demo District Council'), level: 'view' });
    const copy = await (await t.as(emails.council)).post(`/api/v1/profiles/${profileId}/documents/from-template`, { templateId: consent.id, folder: 'Consent' });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ folder: 'Consent', visibility: 'shared', team: { name: 'Community Safety team' } });
    expectError(await (await t.as(emails.housing)).post(`/api/v1/profiles/${profileId}/documents/from-template`, { templateId: consent.id }), 403, 'no_access');
    expectError(await (await t.as(emails.other)).post(`/api/v1/profiles/${profileId}/documents/from-template`, { templateId: consent.id }), 404, 'not_found');
    const locationId = await createRecord(police, 'locations');
    expectError(await police.post(`/api/v1/locations/${locationId}/documents/from-template`, { templateId: '00000000-0000-4000-8000-000000000000' }), 404, 'not_found');
  });
});

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const starters = [
  { folder: 'ASB toolkit', title: 'Acceptable Behaviour Contract (ABC)', fileName: 'acceptable-behaviour-contract.docx', heading: 'Acceptable Behaviour Contract' },
  { folder: 'ASB toolkit', title: 'Community Protection Warning (CPW)', fileName: 'community-protection-warning.docx', heading: 'Community Protection Warning' },
  { folder: 'ASB toolkit', title: 'First warning letter', fileName: 'first-warning-letter.docx', heading: 'Anti-social behaviour: first warning' },
  { folder: 'Consent forms', title: 'Information sharing consent form', fileName: 'information-sharing-consent.docx', heading: 'Consent to share information' },
];

type Listed = { id: string; folder: string; title: string; fileName: string; contentType: string; byteSize: number; version: number; active: boolean };
const libraryOf = async (agent: Agent, retired = false) => (await agent.get(`/api/v1/templates${retired ? '?includeRetired=true' : ''}`)).json().items as Listed[];
const startersIn = (library: Listed[]) => library.filter((x) => starters.some((s) => s.fileName === x.fileName));

describe('the starter letters', () => {
  it('are in a new partnership\'s library as Word documents that open with their heading, and in no other partnership\'s', async () => {
    const admin = await t.as(emails.admin);
    const partnership = (await admin.post('/api/v1/partnerships', { name: `Starter Shire ${Date.now()}` })).json() as { id: string };
    const council = (await admin.post('/api/v1/organisations', { partnershipId: partnership.id, name: 'Starter Shire Council', kind: 'council' })).json() as { id: string };
    const team = (await admin.post('/api/v1/teams', { organisationId: council.id, name: 'Community Safety team' })).json() as { id: string };
    const officer = (await enrolledUser(t, emails.admin, { name: 'Sol Starter', role: 'practitioner', teamId: team.id })).agent;

    const library = await libraryOf(officer);
    expect(library.map(({ folder, title, fileName, contentType, active }) => ({ folder, title, fileName, contentType, active })))
      .toEqual(starters.map(({ folder, title, fileName }) => ({ folder, title, fileName, contentType: docx, active: true })));

    for (const [i, starter] of starters.entries()) {
      const download = await officer.get(`/api/v1/templates/${library[i]!.id}/content`);
      expect(download.statusCode, download.body).toBe(200);
      expect(download.headers).toMatchObject({ 'content-type': docx, 'content-disposition': `attachment; filename="${starter.fileName}"; filename*=UTF-8''${starter.fileName}` });
      expect(download.rawPayload.length).toBe(library[i]!.byteSize);
      expect(zipText(download.rawPayload, 'word/document.xml')).toContain(`>${starter.heading}</w:t>`);
    }
    expect(await auditOf(t, library[0]!.id, 'template.downloaded')).toHaveLength(1);

    const police = await t.as(emails.police);
    const demoStarters = startersIn(await libraryOf(police));
    expect(demoStarters.map((x) => x.title)).toEqual(starters.map((s) => s.title));
    expect(demoStarters.map((x) => x.id)).not.toContain(library[0]!.id);
    expectError(await police.get(`/api/v1/templates/${library[0]!.id}/content`), 404, 'not_found');
    expectError(await (await t.as(emails.other)).get(`/api/v1/templates/${library[0]!.id}/content`), 404, 'not_found');
    expectError(await officer.get(`/api/v1/templates/${demoStarters[0]!.id}/content`), 404, 'not_found');
  });

  it('copy onto a record as a Word document that downloads whole', async () => {
    const police = await t.as(emails.police);
    const warning = startersIn(await libraryOf(police)).find((x) => x.title === 'First warning letter')!;
    const caseId = await createRecord(police, 'cases');
    const copy = await police.post(`/api/v1/cases/${caseId}/documents/from-template`, { templateId: warning.id, visibility: 'team' });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ title: 'First warning letter', folder: 'ASB toolkit', fileName: 'first-warning-letter.docx' });
    const download = await police.get(`/api/v1/documents/${copy.json().id}/content`);
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers['content-type']).toBe(docx);
    expect(zipText(download.rawPayload, 'word/document.xml')).toContain('>Anti-social behaviour: first warning</w:t>');
    expectError(await (await t.as(emails.housing)).get(`/api/v1/documents/${copy.json().id}/content`), 403, 'no_access');
  });

  it('stay as the administrators left them: renamed, replaced or retired, seeding again adds none back', async () => {
    const admin = await t.as(emails.admin);
    const [contract, cpw, , consent] = startersIn(await libraryOf(admin, true));
    const renamed = await admin.patch(`/api/v1/templates/${contract!.id}`, { version: contract!.version, title: 'ABC (Demo County wording)' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const replaced = await upload(admin, `/api/v1/templates/${cpw!.id}/file?${query({ fileName: 'cpw.pdf', version: cpw!.version })}`, pdfBytes('Ours'));
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((await admin.patch(`/api/v1/templates/${consent!.id}`, { version: consent!.version, active: false })).statusCode).toBe(200);
    const before = await libraryOf(admin, true);

    await ensurePartnershipDefaults(t.database.db);

    const after = await libraryOf(admin, true);
    expect(after).toEqual(before);
    expect(after.find((x) => x.id === contract!.id)).toMatchObject({ title: 'ABC (Demo County wording)' });
    expect(after.find((x) => x.id === cpw!.id)).toMatchObject({ fileName: 'cpw.pdf', contentType: 'application/pdf' });
    expect(after.find((x) => x.id === consent!.id)).toMatchObject({ active: false });
  });
});
