import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionRecipients, actions, documents, documentVersions, storedFiles, taskUpdates, tasks } from '../../db/schema/index.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { complete, completed, matrixAllMax, start, victimAnswers } from '../assessments/assessments.fixtures.ts';
import { auditOf, createProfile, createRecord, emails, expectError, loadStructure, share, type Place } from '../sharing/records.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
const people: Record<string, { id: string } & Place> = {};

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  for (const email of [emails.police, emails.lead, emails.council, emails.housing]) {
    const me = (await (await t.as(email)).get('/api/v1/me')).json();
    people[email] = { id: me.id, teamId: me.team.id, organisationId: me.organisation.id };
  }
});
afterAll(() => t.close());

interface Entry { id: string; kind: string; at: string; label: string; readable: boolean; author: { id?: string | null; name?: string; team: { name: string } | null }; record: { kind: string; id: string; safety: unknown }; detail: Record<string, unknown> }

async function timeline(agent: Agent, path: string, query = ''): Promise<Entry[]> {
  const response = await agent.get(`/api/v1/${path}/timeline?limit=200${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

async function report(agent: Agent, path: string, body: Record<string, unknown> = {}) {
  const response = await agent.post(`/api/v1/${path}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: '<p>Seen at home.</p>', visibility: 'shared', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

const councilTeam = () => place.team('Demo District Council/Community Safety team');

/** Tasks, reminders and documents have their own modules; here they are written as those modules store them. */
async function workOn(profileId: string) {
  const db = t.database.db;
  const police = people[emails.police]!;
  const by = { authorId: police.id, authorTeamId: police.teamId, authorOrganisationId: police.organisationId };
  const partnershipId = (await (await t.as(emails.police)).get('/api/v1/me')).json().partnership.id;
  const [task] = await db.insert(tasks).values({
    partnershipId, recordKind: 'profile', recordId: profileId, title: 'Check on tenancy', dueOn: '2026-12-03',
    assignedTeamId: councilTeam().teamId, setBy: police.id, setByTeamId: police.teamId, setByOrganisationId: police.organisationId, status: 'accepted',
  }).returning();
  await db.insert(taskUpdates).values({ taskId: task!.id, kind: 'set', ...by });
  const council = people[emails.council]!;
  await db.insert(taskUpdates).values({ taskId: task!.id, kind: 'accepted', note: 'On it', authorId: council.id, authorTeamId: council.teamId, authorOrganisationId: council.organisationId });
  const reminder = { partnershipId, recordKind: 'profile' as const, recordId: profileId, dueAt: new Date(Date.now() + 86_400_000), createdBy: police.id, createdByTeamId: police.teamId, createdByOrganisationId: police.organisationId };
  const [personal] = await db.insert(actions).values({ ...reminder, title: 'Ring the landlord' }).returning();
  const [teamAction] = await db.insert(actions).values({ ...reminder, title: 'Team visit' }).returning();
  await db.insert(actionRecipients).values({ actionId: teamAction!.id, userId: people[emails.lead]!.id });
  const [file] = await db.insert(storedFiles).values({ partnershipId, storageKey: `test/${profileId}`, contentType: 'application/pdf', byteSize: 10, sha256: 'x' }).returning();
  const [document] = await db.insert(documents).values({ partnershipId, recordKind: 'profile', recordId: profileId, folder: 'Letters', title: 'Warning letter', visibility: 'team', ...by }).returning();
  await db.insert(documentVersions).values({ documentId: document!.id, version: 1, storedFileId: file!.id, fileName: 'warning.pdf', scanResult: 'not_scanned', uploadedBy: police.id });
  return { task: task!, personal: personal!, teamAction: teamAction!, document: document! };
}

describe('a record\'s timeline', () => {
  it('combines reports, task steps, reminders, documents and changes, newest first, each as far as the reader may see it', async () => {
    const police = await t.as(emails.police);
    const profile = await createProfile(police);
    await share(police, 'profiles', profile.id, { teamId: councilTeam().teamId, level: 'view' });
    const updated = await police.patch(`/api/v1/profiles/${profile.id}`, { version: 1, phone: '07700 900123', keyInformation: 'Keeps a dog called Rex' });
    expect(updated.statusCode, updated.body).toBe(200);
    const work = await workOn(profile.id);
    await report(police, `profiles/${profile.id}`, { visibility: 'team', body: '<p>Team eyes only.</p>' });

    const seenBy = async (email: string) => timeline(await t.as(email), `profiles/${profile.id}`);
    const forPolice = await seenBy(emails.police);
    expect(forPolice.map((e) => e.label)).toEqual([
      'Visit', 'Document added', 'Reminder set', 'Reminder set', 'Task accepted', 'Task set', 'Profile updated', 'Sharing changed', 'Profile created',
    ]);
    const times = forPolice.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(forPolice.every((e) => e.readable)).toBe(true);
    const change = forPolice.find((e) => e.label === 'Profile updated')!;
    expect(change.detail).toEqual({ kind: 'change', action: 'profile.updated', fields: ['keyInformation', 'phone'], subject: null });
    expect(JSON.stringify(forPolice)).not.toMatch(/07700|Rex/);

    const forCouncil = await seenBy(emails.council);
    const byId = (entries: Entry[], id: string) => entries.find((e) => e.id === id)!;
    // A reminder is a personal note: those it does not name do not learn it exists.
    expect(forCouncil.some((e) => e.kind === 'action')).toBe(false);
    expect(byId(forCouncil, `document:${work.document.id}`)).toMatchObject({ readable: false, restricted: true, reportType: null, author: { team: { name: 'ASB team' } }, detail: { title: null, folder: null, contentType: null, visibility: null } });
    expect(forCouncil.find((e) => e.kind === 'report')).toMatchObject({ readable: false, detail: { bodyHtml: null } });
    expect(forCouncil.filter((e) => e.kind === 'task').map((e) => e.detail)).toEqual([
      { kind: 'task', taskId: work.task.id, title: 'Check on tenancy', update: 'accepted', note: 'On it', status: 'accepted' },
      { kind: 'task', taskId: work.task.id, title: 'Check on tenancy', update: 'set', note: null, status: 'accepted' },
    ]);
    expect(JSON.stringify(forCouncil)).not.toMatch(/Ring the landlord|Team visit|Warning letter|Team eyes only/);

    const forLead = await seenBy(emails.lead);
    expect(forLead.some((e) => e.id === `action:${work.personal.id}`)).toBe(false);
    expect(byId(forLead, `action:${work.teamAction.id}`)).toMatchObject({ readable: true, author: { name: 'Tom Wright' }, detail: { title: 'Team visit' } });
    expect(byId(forLead, `document:${work.document.id}`)).toMatchObject({ readable: true, detail: { title: 'Warning letter', folder: 'Letters', contentType: 'application/pdf', visibility: 'team' } });

    const viewed = await auditOf(t, profile.id, 'timeline.viewed');
    expect(viewed.length).toBe(3);
    expect(viewed[0]).toMatchObject({ entityType: 'profile', entityId: profile.id });

    expectError(await (await t.as(emails.housing)).get(`/api/v1/profiles/${profile.id}/timeline`), 403, 'no_access');
    expectError(await (await t.as(emails.other)).get(`/api/v1/profiles/${profile.id}/timeline`), 404, 'not_found');
  });

  it('shows completed assessments: score and band to those who may read them, a stub to the rest, never a draft', async () => {
    const police = await t.as(emails.police);
    const profile = await createProfile(police);
    await share(police, 'profiles', profile.id, { teamId: councilTeam().teamId, level: 'view' });
    const subject = { type: 'profile' as const, id: profile.id };
    const screening = await completed(police, 'victim-screening', subject, victimAnswers(['victim-targeted']));
    const adjustment = { score: 20, reason: 'The victim has moved in with family.' };
    const matrix = await completed(police, 'asb-risk-matrix', subject, matrixAllMax, { adjustment });
    await start(police, 'asb-risk-matrix', subject, matrixAllMax);
    const ratings = Object.fromEntries(['accommodation', 'education', 'health', 'drugs-alcohol', 'finance', 'children-families', 'attitudes'].map((k) => [`wheel-${k}`, 5]));
    const teamOnly = await complete(police, (await start(police, 'wheel', subject, ratings, { visibility: 'team' })).id);
    const reviewStarted = await police.post(`/api/v1/assessments/${teamOnly.id}/review`);
    expect(reviewStarted.statusCode, reviewStarted.body).toBe(201);
    const teamReview = await complete(police, reviewStarted.json().id);

    const forPolice = await timeline(police, `profiles/${profile.id}`, '&kinds=assessment');
    expect(forPolice.map((e) => e.id)).toEqual([`assessment:${teamReview.id}`, `assessment:${teamOnly.id}`, `assessment:${matrix.id}`, `assessment:${screening.id}`]);
    expect(forPolice[0]).toMatchObject({ label: 'Wheel assessment review completed', detail: { review: true, visibility: 'team' } });
    expect(forPolice.find((e) => e.id === `assessment:${matrix.id}`)).toMatchObject({
      label: 'ASB Risk Assessment Matrix completed', readable: true, author: { name: 'Tom Wright' },
      detail: { kind: 'assessment', assessmentId: matrix.id, template: { key: 'asb-risk-matrix' }, review: false, finalScore: 37, finalBand: { label: 'High', colour: 'red' }, adjustment: 'pending', visibility: 'shared' },
    });

    const lead = await t.as(emails.lead);
    const decided = await lead.post(`/api/v1/assessments/${matrix.id}/adjustment/decision`, { version: matrix.version, decision: 'approved' });
    expect(decided.statusCode, decided.body).toBe(200);
    const approved = (await timeline(police, `profiles/${profile.id}`, '&kinds=assessment')).find((e) => e.id === `assessment:${matrix.id}`);
    expect(approved).toMatchObject({ detail: { finalScore: 20, finalBand: { label: 'Medium' }, adjustment: 'approved' } });

    const council = await t.as(emails.council);
    const forCouncil = await timeline(council, `profiles/${profile.id}`, '&kinds=assessment');
    expect(forCouncil.map((e) => e.id)).toEqual(forPolice.map((e) => e.id));
    expect(forCouncil.find((e) => e.id === `assessment:${matrix.id}`)).toMatchObject({ readable: true, detail: { finalScore: 20 } });
    const stub = forCouncil.find((e) => e.id === `assessment:${teamOnly.id}`)!;
    expect(stub).toMatchObject({ readable: false, label: 'Wheel assessment completed', author: { team: { name: 'ASB team' } }, detail: { review: false, finalScore: null, finalBand: null, adjustment: null, visibility: null } });
    expect(stub.author.name).toBeUndefined();
    // A stub does not say it was a review, as the assessment's own stub does not.
    expect(forCouncil.find((e) => e.id === `assessment:${teamReview.id}`)).toMatchObject({ readable: false, label: 'Wheel assessment completed', detail: { review: false } });

    expectError(await (await t.as(emails.housing)).get(`/api/v1/profiles/${profile.id}/timeline?kinds=assessment`), 403, 'no_access');
    expectError(await (await t.as(emails.other)).get(`/api/v1/profiles/${profile.id}/timeline?kinds=assessment`), 404, 'not_found');
  });

  it('pages through entries at the same moment without losing or repeating one', async () => {
    const police = await t.as(emails.police);
    const id = await createRecord(police, 'locations');
    const at = '2026-03-01T10:00:00.000Z';
    for (let i = 0; i < 5; i++) await report(police, `locations/${id}`, { occurredAt: i < 3 ? at : `2026-03-0${i}T10:00:00.000Z` });
    const all = await timeline(police, `locations/${id}`);
    const paged: Entry[] = [];
    let cursor: string | null = null;
    do {
      const response = await police.get(`/api/v1/locations/${id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      paged.push(...response.json().items);
      cursor = response.json().nextCursor;
    } while (cursor);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(all.length);
    expectError(await police.get(`/api/v1/locations/${id}/timeline?cursor=${Buffer.from('["x","report","y"]').toString('base64url')}`), 422, 'validation_failed');
  });

  it('filters by kind, report type, agency and London dates', async () => {
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    const id = await createRecord(police, 'cases');
    await share(police, 'cases', id, { teamId: councilTeam().teamId, level: 'view' });
    // 23:30 UTC on 10 June is 00:30 on 11 June in London (summer time).
    const late = await report(police, `cases/${id}`, { occurredAt: '2026-06-10T23:30:00.000Z', reportType: 'intelligence' });
    const early = await report(police, `cases/${id}`, { occurredAt: '2026-06-10T12:00:00.000Z' });
    const councils = await report(council, `cases/${id}`, { occurredAt: '2026-06-12T09:00:00.000Z', reportType: 'meeting-note' });
    const ids = (entries: Entry[]) => entries.map((e) => e.id);

    expect(ids(await timeline(police, `cases/${id}`, '&kinds=report'))).toEqual([`report:${councils.id}`, `report:${late.id}`, `report:${early.id}`]);
    expect((await timeline(police, `cases/${id}`, '&kinds=change')).every((e) => e.kind === 'change')).toBe(true);
    const types = (await police.get('/api/v1/lookups?list=report_type')).json().items as { id: string; key: string }[];
    const typeId = (key: string) => types.find((l) => l.key === key)!.id;
    expect(ids(await timeline(police, `cases/${id}`, `&reportTypeIds=${typeId('intelligence')},${typeId('meeting-note')}`))).toEqual([`report:${councils.id}`, `report:${late.id}`]);
    expect(ids(await timeline(police, `cases/${id}`, `&kinds=report&organisationId=${place.organisation('Demo District Council')}`))).toEqual([`report:${councils.id}`]);
    expect(ids(await timeline(police, `cases/${id}`, '&kinds=report&from=2026-06-11&to=2026-06-11'))).toEqual([`report:${late.id}`]);
    expect(ids(await timeline(police, `cases/${id}`, '&kinds=report&to=2026-06-10'))).toEqual([`report:${early.id}`]);
    expectError(await police.get(`/api/v1/cases/${id}/timeline?from=2026-06-12&to=2026-06-11`), 422, 'validation_failed');
    expectError(await police.get(`/api/v1/cases/${id}/timeline?kinds=gossip`), 422, 'validation_failed');
  });

  it('on a case, adds the reports of its linked profiles that the reader can open', async () => {
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    const caseId = await createRecord(police, 'cases');
    await share(police, 'cases', caseId, { teamId: councilTeam().teamId, level: 'view' });
    const open = await createProfile(police);
    await share(police, 'profiles', open.id, { teamId: councilTeam().teamId, level: 'view' });
    const closed = await createProfile(police);
    for (const profile of [open, closed]) {
      expect((await police.post(`/api/v1/cases/${caseId}/profiles`, { profileId: profile.id, role: 'perpetrator' })).statusCode).toBe(201);
    }
    const onCase = await report(police, `cases/${caseId}`);
    const onOpen = await report(police, `profiles/${open.id}`);
    const onClosed = await report(police, `profiles/${closed.id}`);

    const reports = (entries: Entry[]) => entries.filter((e) => e.kind === 'report').map((e) => e.id).sort();
    expect(reports(await timeline(council, `cases/${caseId}`))).toEqual([`report:${onCase.id}`]);
    const councilLinked = await timeline(council, `cases/${caseId}`, '&includeLinked=true');
    expect(reports(councilLinked)).toEqual([`report:${onCase.id}`, `report:${onOpen.id}`].sort());
    expect(councilLinked.find((e) => e.id === `report:${onOpen.id}`)!.record).toMatchObject({ kind: 'profile', id: open.id, title: `${open.firstName} ${open.lastName}` });
    expect(JSON.stringify(councilLinked)).not.toContain(closed.lastName);
    expect(reports(await timeline(police, `cases/${caseId}`, '&includeLinked=true'))).toEqual([`report:${onCase.id}`, `report:${onOpen.id}`, `report:${onClosed.id}`].sort());
    expectError(await police.get(`/api/v1/profiles/${open.id}/timeline?includeLinked=true`), 422, 'validation_failed');
  });

  it('gives each entry from a case\'s people their markers and risk, only to a reader who may open them', async () => {
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    const housing = await t.as(emails.housing);
    const caseId = await createRecord(police, 'cases');
    for (const team of [councilTeam(), place.team('Demo Housing Association/Tenancy team')]) await share(police, 'cases', caseId, { teamId: team.teamId, level: 'view' });
    const person = await createProfile(police, { roles: ['perpetrator'], riskLevel: 'high', warningMarkers: ['violence'] });
    await share(police, 'profiles', person.id, { teamId: councilTeam().teamId, level: 'view' });
    expect((await police.post(`/api/v1/cases/${caseId}/profiles`, { profileId: person.id, role: 'perpetrator' })).statusCode).toBe(201);
    const onCase = await report(police, `cases/${caseId}`);
    const onPerson = await report(police, `profiles/${person.id}`);
    const safety = { roles: ['perpetrator'], riskLevel: 'high', warningMarkers: [{ key: 'violence', name: 'Violence' }] };

    for (const reader of [police, council]) {
      const entries = await timeline(reader, `cases/${caseId}`, '&includeLinked=true');
      expect(entries.find((e) => e.id === `report:${onPerson.id}`)!.record).toMatchObject({ kind: 'profile', id: person.id, safety });
      expect(entries.find((e) => e.id === `report:${onCase.id}`)!.record).toMatchObject({ kind: 'case', safety: null });
      // The change that linked them says who, and how safe a visit is.
      const linked = entries.find((e) => e.detail.action === 'case.profile_linked');
      expect(linked!.detail).toMatchObject({ subject: { kind: 'profile', id: person.id, role: 'perpetrator', safety } });
    }
    // The person's own timeline is their page: its entries do not repeat what its header shows.
    expect((await timeline(police, `profiles/${person.id}`)).every((e) => e.record.safety === null)).toBe(true);

    // Housing may open the case but not the person: neither the person's entries nor their markers.
    const seen = await housing.get(`/api/v1/cases/${caseId}/timeline?limit=200&includeLinked=true`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items.map((e: Entry) => e.id)).not.toContain(`report:${onPerson.id}`);
    expect(seen.body).not.toContain('Violence');
    const linkedForHousing = (seen.json().items as Entry[]).find((e) => e.detail.action === 'case.profile_linked');
    expect(linkedForHousing!.detail).toMatchObject({ subject: { id: person.id, name: null, safety: null } });
    expectError(await (await t.as(emails.other)).get(`/api/v1/cases/${caseId}/timeline?includeLinked=true`), 404, 'not_found');
  });
});

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
function expectBadCursor(response: { statusCode: number; json(): unknown }) {
  expectError(response, 422, 'validation_failed');
  expect((response.json() as { error: { details: unknown } }).error.details).toEqual([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
}

describe('a forged or stale cursor', () => {
  it('is refused as not from the list, never reaching the database', async () => {
    const police = await t.as(emails.police);
    const caseId = await createRecord(police, 'cases');
    const id = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    for (const values of [['x', 'y'], ['x', 'report', 'y'], ['2026-13-45T10:00:00.000000Z', 'report', id], ['2026-02-30T10:00:00.000000Z', 'report', id], ['2026-06-01T24:00:00.000000Z', 'task', id], ['2026-06-01T10:00:00.000000Z', 'gossip', id]]) {
      expectBadCursor(await police.get(`/api/v1/cases/${caseId}/timeline?cursor=${cursorOf(values)}`));
    }
    expect((await police.get(`/api/v1/cases/${caseId}/timeline?cursor=${cursorOf(['2026-06-01T10:00:00.000000Z', 'report', id])}`)).statusCode).toBe(200);
  });
});
