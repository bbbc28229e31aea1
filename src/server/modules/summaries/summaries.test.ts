import type { LightMyRequestResponse } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { completed, matrixAllMax, start, complete } from '../assessments/assessments.fixtures.ts';
import { auditOf, createProfile, emails, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { setTask } from '../tasks/tasks.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let partnershipName: string;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  partnershipName = (await (await t.as(emails.police)).get('/api/v1/me')).json().partnership.name;
});
afterAll(() => t.close());

const councilTeam = () => place.team('Demo District Council/Community Safety team');
const heldByPoliceAsb = 'held by ASB team, Demo County Police';

interface Pdf { pages: string[]; text: string; title: unknown; language: unknown }

/** The PDF as a reader's software opens it: each page's text, and the document's title and language. */
async function openPdf(response: LightMyRequestResponse): Promise<Pdf> {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const pdf = await getDocument({ data: new Uint8Array(response.rawPayload) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  const info = (await pdf.getMetadata()).info as { Title?: unknown; Language?: unknown };
  return { pages, text: pages.join(' '), title: info.Title, language: info.Language };
}

function expectMarkedPages(pdf: Pdf) {
  pdf.pages.forEach((page, n) => {
    expect(page, `page ${n + 1}`).toContain('OFFICIAL-SENSITIVE');
    expect(page, `page ${n + 1}`).toContain(partnershipName);
    expect(page, `page ${n + 1}`).toContain(`Page ${n + 1} of ${pdf.pages.length}`);
  });
}

async function post(agent: Agent, url: string, body: Record<string, unknown>) {
  const response = await agent.post(url, body);
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json() as { id: string; reference?: string };
}

const report = (agent: Agent, path: string, words: string, visibility = 'shared') =>
  post(agent, `/api/v1/${path}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: `<p>${words}</p>`, visibility });

const location = (agent: Agent, addressLine1: string) =>
  post(agent, '/api/v1/locations', { addressLine1, town: 'Demo Town', postcode: 'NG1 5AB', confirmNoDuplicate: true });

/** Every entry of the record's timeline the reader sees, page by page. */
async function timelineCount(agent: Agent, path: string): Promise<number> {
  let count = 0;
  for (let cursor: string | null = ''; cursor !== null;) {
    const response = await agent.get(`/api/v1/${path}/timeline?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    count += response.json().items.length;
    cursor = response.json().nextCursor;
  }
  return count;
}

describe('a case summary', () => {
  it('holds what the reader may see, with stubs for people, places and reports they may not', async () => {
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    const victim = await createProfile(police, { firstName: 'Zofia', lastName: 'Wiśniewska-Ó Súilleabháin', dateOfBirth: '1984-02-29', warningMarkers: ['weapons'] });
    const hidden = await createProfile(police, { firstName: 'Hester', lastName: 'Unseenworth' });
    const kase = await post(police, '/api/v1/cases', { caseType: 'ASB', title: 'Noise from the flats', summary: 'Loud music most nights since March.' });
    await share(police, 'cases', kase.id, { teamId: councilTeam().teamId, level: 'view' });
    await share(police, 'profiles', victim.id, { teamId: councilTeam().teamId, level: 'view' });
    await post(police, `/api/v1/cases/${kase.id}/profiles`, { profileId: victim.id, role: 'victim' });
    await post(police, `/api/v1/cases/${kase.id}/profiles`, { profileId: hidden.id, role: 'perpetrator' });
    const shop = await location(police, '12 Łódź Parade');
    const yard = await location(police, '7 Secretive Yard');
    await share(police, 'locations', shop.id, { teamId: councilTeam().teamId, level: 'view' });
    await post(police, `/api/v1/cases/${kase.id}/locations`, { locationId: shop.id });
    await post(police, `/api/v1/cases/${kase.id}/locations`, { locationId: yard.id });
    const shared = await report(police, `cases/${kase.id}`, 'Spoke to the neighbours about the music.');
    const mine = await report(police, `cases/${kase.id}`, 'Private thoughts of the officer.', 'private');
    const teamOnly = await report(police, `cases/${kase.id}`, 'Police team intelligence.', 'team');
    const councils = await report(council, `cases/${kase.id}`, 'Council noise monitoring fitted.');
    const task = await setTask(police, { title: 'Fit noise monitoring kit', record: { kind: 'case', id: kase.id }, assignee: { teamId: councilTeam().teamId } });

    const response = await council.get(`/api/v1/cases/${kase.id}/summary.pdf`);
    const pdf = await openPdf(response);
    const reference = kase.reference!;
    expect(response.headers['content-disposition']).toBe(`attachment; filename="case-${reference.replaceAll('/', '-')}.pdf"`);
    expect(pdf.title).toBe('Case summary');
    expect(pdf.language).toBe('en-GB');
    expectMarkedPages(pdf);
    expect(pdf.text).toContain(`${reference}: Noise from the flats`);
    expect(pdf.text).toContain('Loud music most nights since March.');
    expect(pdf.text).toContain('Victim: Zofia Wiśniewska-Ó Súilleabháin');
    expect(pdf.text).toContain('Warning markers: Weapons');
    expect(pdf.text).toContain(`Perpetrator / offender: A person you cannot open (${heldByPoliceAsb})`);
    expect(pdf.text).not.toContain('Unseenworth');
    expect(pdf.text).toContain('12 Łódź Parade, NG1 5AB');
    expect(pdf.text).toContain(`A location you cannot open (${heldByPoliceAsb})`);
    expect(pdf.text).not.toContain('Secretive');
    expect(pdf.text).toContain('Fit noise monitoring kit');
    expect(pdf.text).toContain('Spoke to the neighbours about the music.');
    expect(pdf.text).toContain('Council noise monitoring fitted.');
    expect(pdf.text).not.toMatch(/Private thoughts|Police team intelligence/);
    expect(pdf.text.match(/Visit \(not shared with you\)/g)).toHaveLength(2);
    expect(pdf.text).toContain('No completed assessment you may read.');

    const [event, ...more] = await auditOf(t, kase.id, 'case.summary_exported');
    expect(more).toEqual([]);
    expect(event).toMatchObject({ entityType: 'case', entityId: kase.id, outcome: 'success' });
    const details = event!.details as Record<string, unknown>;
    expect(details.sections).toEqual(['details', 'people', 'locations', 'open-tasks', 'latest-assessment', 'timeline']);
    expect(details.records).toEqual([{ kind: 'profile', id: victim.id }, { kind: 'location', id: shop.id }]);
    expect([...(details.reportIds as string[])].sort()).toEqual([shared.id, councils.id].sort());
    expect(details.reportIds).not.toContain(mine.id);
    expect(details.reportIds).not.toContain(teamOnly.id);
    expect(details.taskIds).toEqual([task.id]);
    expect(details.assessmentId).toBeNull();
    expect(details.timelineEntries).toBe(await timelineCount(council, `cases/${kase.id}`));

    // The author reads all of it.
    const own = await openPdf(await police.get(`/api/v1/cases/${kase.id}/summary.pdf`));
    expect(own.text).toContain('Private thoughts of the officer.');
    expect(own.text).toContain('Hester Unseenworth');
  });

  it('is refused to another organisation without access and does not exist for the other partnership', async () => {
    const police = await t.as(emails.police);
    const kase = await post(police, '/api/v1/cases', { caseType: 'ASB', title: 'Graffiti on the underpass' });
    expectError(await (await t.as(emails.housing)).get(`/api/v1/cases/${kase.id}/summary.pdf`), 403, 'no_access');
    expectError(await (await t.as(emails.other)).get(`/api/v1/cases/${kase.id}/summary.pdf`), 404, 'not_found');
    const refusals = await auditOf(t, kase.id, 'access.refused');
    expect(refusals).toHaveLength(1);
    expect(await auditOf(t, kase.id, 'case.summary_exported')).toEqual([]);
  });
});

describe('a profile summary', () => {
  it('puts warning markers first, names only the relatives and cases the reader may open, and counts what the timeline holds beyond 200', async () => {
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    const person = await createProfile(police, {
      firstName: 'Áine', lastName: 'Ní Bhriain-Kowalczyk', aliases: [{ firstName: 'Ania', lastName: 'Kowalczyk' }],
      warningMarkers: ['violence'], vulnerabilities: ['mental-health'], keyInformation: 'Prefers visits in the morning.',
    });
    await share(police, 'profiles', person.id, { teamId: councilTeam().teamId, level: 'view' });
    const sister = await createProfile(police, { firstName: 'Bríd', lastName: 'Openable' });
    await share(police, 'profiles', sister.id, { teamId: councilTeam().teamId, level: 'view' });
    const brother = await createProfile(police, { firstName: 'Cathal', lastName: 'Lockedaway' });
    await post(police, `/api/v1/profiles/${person.id}/relationships`, { otherProfileId: sister.id, kind: 'sibling' });
    await post(police, `/api/v1/profiles/${brother.id}/relationships`, { otherProfileId: person.id, kind: 'sibling', notes: 'Cathal Lockedaway visits weekly' });
    const open = await post(police, '/api/v1/cases', { caseType: 'ASB', title: 'Harassment on Elm Road' });
    await share(police, 'cases', open.id, { teamId: councilTeam().teamId, level: 'view' });
    const closed = await post(police, '/api/v1/cases', { caseType: 'ASB', title: 'Confidential police operation' });
    for (const c of [open, closed]) await post(police, `/api/v1/cases/${c.id}/profiles`, { profileId: person.id, role: 'victim' });
    const subject = { type: 'profile' as const, id: person.id };
    const matrix = await completed(police, 'asb-risk-matrix', subject, matrixAllMax);
    const ratings = Object.fromEntries(['accommodation', 'education', 'health', 'drugs-alcohol', 'finance', 'children-families', 'attitudes'].map((k) => [`wheel-${k}`, 5]));
    await complete(police, (await start(police, 'wheel', subject, ratings, { visibility: 'team' })).id);
    const first = await report(police, `profiles/${person.id}`, 'The oldest visit.');
    // A long history, written as the reports module stores it, each a day further back.
    await t.database.pool.query(
      `insert into reports (id, partnership_id, record_kind, record_id, report_type_id, occurred_at, body_html, body_text, visibility, author_id, author_team_id, author_organisation_id)
       select gen_random_uuid(), partnership_id, record_kind, record_id, report_type_id, occurred_at - make_interval(days => g), body_html, body_text, visibility, author_id, author_team_id, author_organisation_id
         from reports, generate_series(1, 205) g where id = $1`,
      [first.id],
    );

    const response = await council.get(`/api/v1/profiles/${person.id}/summary.pdf`);
    const pdf = await openPdf(response);
    expect(response.headers['content-disposition']).toBe('attachment; filename="profile-summary.pdf"');
    expect(pdf.title).toBe('Profile summary');
    expect(pdf.pages.length).toBeGreaterThan(3);
    expectMarkedPages(pdf);
    const details = pdf.pages[0]!;
    expect(details).toContain('Áine Ní Bhriain-Kowalczyk');
    expect(details.indexOf('Warning markers Violence')).toBeGreaterThan(-1);
    expect(details.indexOf('Warning markers Violence')).toBeLessThan(details.indexOf('Name Áine'));
    expect(details).toContain('Risk level High');
    expect(details).toContain('Other names Ania Kowalczyk');
    expect(details).toContain('Vulnerabilities Mental health');
    expect(details).toContain('Prefers visits in the morning.');
    expect(pdf.text).toContain('Sibling of: Bríd Openable');
    expect(pdf.text).toContain(`Sibling of: A person you cannot open (${heldByPoliceAsb})`);
    expect(pdf.text).not.toContain('Lockedaway');
    expect(pdf.text).toContain(`Case ${open.reference}: Harassment on Elm Road`);
    expect(pdf.text).not.toContain('Confidential police operation');
    expect(pdf.text).toMatch(/Assessment ASB Risk Assessment Matrix .*Score 37 Band High/);
    const total = await timelineCount(council, `profiles/${person.id}`);
    expect(total).toBeGreaterThan(200);
    expect(pdf.text).toContain(`${total - 200} older ${total - 200 === 1 ? 'entry is' : 'entries are'} on the record's timeline and not in this summary.`);
    expect(pdf.text.match(/The oldest visit\./g)!.length).toBeLessThanOrEqual(200);

    const [event] = await auditOf(t, person.id, 'profile.summary_exported');
    expect(event).toMatchObject({ entityType: 'profile', entityId: person.id });
    const included = event!.details as Record<string, unknown>;
    expect(included.sections).toEqual(['details', 'people', 'open-tasks', 'latest-assessment', 'timeline']);
    expect(included.records).toEqual([{ kind: 'profile', id: sister.id }, { kind: 'case', id: open.id }]);
    expect(included.assessmentId).toBe(matrix.id);
    expect(included.timelineEntries).toBe(200);
    expect((included.reportIds as string[]).length).toBe(pdf.text.match(/The oldest visit\./g)!.length);
  });

  it('is refused to another organisation without access and does not exist for the other partnership', async () => {
    const police = await t.as(emails.police);
    const person = await createProfile(police);
    expectError(await (await t.as(emails.housing)).get(`/api/v1/profiles/${person.id}/summary.pdf`), 403, 'no_access');
    expectError(await (await t.as(emails.other)).get(`/api/v1/profiles/${person.id}/summary.pdf`), 404, 'not_found');
    expect(await auditOf(t, person.id, 'profile.summary_exported')).toEqual([]);
  });
});
