import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, documents, documentVersions, recordInterests, reports, storedFiles, tasks } from '../../db/schema/index.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, createRecord, emails, enrolledUser, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { putPlan, recordContact, victimCareOf } from '../victim-care/victim-care.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const policeAsb = () => place.team('Demo County Police/ASB team');
const councilTeam = () => place.team('Demo District Council/Community Safety team');

async function ok(response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as Record<string, unknown>;
}

const relate = (agent: Agent, from: string, to: string, kind: string) => ok(agent.post(`/api/v1/profiles/${from}/relationships`, { otherProfileId: to, kind }), 201);
const link = (agent: Agent, caseId: string, profileId: string, role: string) => ok(agent.post(`/api/v1/cases/${caseId}/profiles`, { profileId, role }), 201);

describe('merging a duplicate profile', () => {
  it('moves links, names, markers and access to the survivor, and records it on both', async () => {
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    const lead = await t.as(emails.lead);

    const survivor = await createProfile(police, {
      firstName: 'Jon', lastName: 'Smyth', roles: ['perpetrator'], warningMarkers: ['Violence'],
      addresses: [{ addressLine1: '1 High Street', town: 'Demo Town', postcode: 'NG1 1AA' }],
    });
    const duplicate = await createProfile(council, {
      firstName: 'John', lastName: 'Smith', roles: ['victim'], warningMarkers: ['violence', 'weapons'], vulnerabilities: ['mental-health'],
      aliases: [{ firstName: 'Johnny', lastName: 'Smith' }, { firstName: 'jon', lastName: 'smyth' }],
      addresses: [{ addressLine1: '1 High Street', town: 'Demo Town', postcode: 'NG1 1AA' }, { addressLine1: '2 Low Road', postcode: 'NG2 2BB' }],
    });
    await share(council, 'profiles', duplicate.id, { teamId: policeAsb().teamId, level: 'edit' });
    await share(council, 'profiles', duplicate.id, { organisationId: place.organisation('Demo Housing Association'), level: 'view' });
    await share(police, 'profiles', survivor.id, { organisationId: place.organisation('Demo Housing Association'), level: 'view' });
    const child = await createProfile(police);
    await relate(lead, duplicate.id, child.id, 'parent');
    await relate(lead, child.id, duplicate.id, 'sibling');
    await relate(lead, survivor.id, child.id, 'sibling');
    await relate(lead, survivor.id, duplicate.id, 'associate');
    const onlyDuplicate = await createRecord(police, 'cases');
    const both = await createRecord(police, 'cases');
    await link(police, onlyDuplicate, duplicate.id, 'perpetrator');
    await link(police, both, survivor.id, 'victim');
    await link(police, both, duplicate.id, 'witness');

    const merged = await ok(lead.post(`/api/v1/profiles/${survivor.id}/merge`, { duplicateId: duplicate.id, reason: 'Same date of birth and address; spelling differs' }));
    expect(merged).toMatchObject({
      survivor: { id: survivor.id, version: 2 },
      duplicate: { id: duplicate.id, version: 2 },
      moved: {
        caseLinks: { moved: 1, alreadyLinked: 1 },
        addresses: { moved: 1, alreadyHeld: 1 },
        relationships: { moved: 1, dropped: 2 },
        warningMarkers: 1,
        vulnerabilities: 1,
        roles: ['victim'],
      },
    });
    expect(merged.moved).toMatchObject({ aliases: expect.arrayContaining([{ firstName: 'John', lastName: 'Smith' }, { firstName: 'Johnny', lastName: 'Smith' }]) });

    const after = await ok(lead.get(`/api/v1/profiles/${survivor.id}`)) as {
      aliases: { firstName: string; lastName: string }[]; roles: string[]; warningMarkers: { key: string }[]; vulnerabilities: { key: string }[];
      addresses: { addressLine1: string }[]; relationships: { kind: string; label: string; other: { id: string } }[]; mergedFrom: { id: string }[];
    };
    expect(after.aliases.map((a) => `${a.firstName} ${a.lastName}`).sort()).toEqual(['John Smith', 'Johnny Smith']);
    expect(after.roles).toEqual(['victim', 'perpetrator']);
    expect(after.warningMarkers.map((m) => m.key).sort()).toEqual(['violence', 'weapons']);
    expect(after.vulnerabilities.map((m) => m.key)).toEqual(['mental-health']);
    expect(after.addresses.map((a) => a.addressLine1).sort()).toEqual(['1 High Street', '2 Low Road']);
    expect(after.relationships.map((r) => `${r.label} ${r.other.id === child.id ? 'child' : r.other.id}`).sort()).toEqual(['Parent of child', 'Sibling of child']);
    expect(after.mergedFrom.map((m) => m.id)).toEqual([duplicate.id]);

    const caseProfiles = async (id: string) => ((await ok(lead.get(`/api/v1/cases/${id}`))).profiles as { profileId?: string; id?: string; role: string }[])
      .map((p) => ({ id: p.profileId ?? p.id, role: p.role }));
    expect(await caseProfiles(onlyDuplicate)).toEqual([{ id: survivor.id, role: 'perpetrator' }]);
    expect(await caseProfiles(both)).toEqual([{ id: survivor.id, role: 'victim' }]);

    const access = await ok(lead.get(`/api/v1/profiles/${survivor.id}/access`)) as { entries: { team: { id: string } | null; organisation: { id: string }; level: string }[] };
    expect(access.entries.map((e) => ({ team: e.team?.id ?? null, organisation: e.organisation.id, level: e.level }))).toEqual(expect.arrayContaining([
      { team: null, organisation: place.organisation('Demo Housing Association'), level: 'view' },
      { team: councilTeam().teamId, organisation: councilTeam().organisationId, level: 'edit' },
    ]));
    expect(access.entries).toHaveLength(2);
    expect((await council.get(`/api/v1/profiles/${survivor.id}`)).statusCode).toBe(200);

    const opened = await ok(lead.get(`/api/v1/profiles/${duplicate.id}`));
    expect(opened.id).toBe(survivor.id);

    for (const id of [survivor.id, duplicate.id]) {
      const [event] = await auditOf(t, id, 'profile.merged');
      expect(event).toMatchObject({ reason: 'Same date of birth and address; spelling differs', details: { survivorId: survivor.id, duplicateId: duplicate.id } });
    }
    expect((await auditOf(t, duplicate.id, 'profile.merged'))[0]!.changes).toEqual({ mergedIntoId: { before: null, after: survivor.id } });
    expect((await auditOf(t, survivor.id, 'record.shared')).map((e) => e.details)).toEqual(expect.arrayContaining([
      expect.objectContaining({ target: { team: { id: councilTeam().teamId, name: 'Community Safety team' } }, level: 'edit', before: null, mergedFrom: duplicate.id }),
    ]));

    expectError(await lead.post(`/api/v1/profiles/${survivor.id}/merge`, { duplicateId: duplicate.id, reason: 'Again' }), 409, 'already_merged');
    const another = await createProfile(police);
    expectError(await lead.post(`/api/v1/profiles/${another.id}/merge`, { duplicateId: duplicate.id, reason: 'Again' }), 409, 'already_merged');
  });

  it('a profile merged into the duplicate before now points at the survivor', async () => {
    const lead = await t.as(emails.lead);
    const [first, second, third] = [await createProfile(lead), await createProfile(lead), await createProfile(lead)];
    await ok(lead.post(`/api/v1/profiles/${second.id}/merge`, { duplicateId: first.id, reason: 'Duplicate' }));
    await ok(lead.post(`/api/v1/profiles/${third.id}/merge`, { duplicateId: second.id, reason: 'Duplicate again' }));
    expect((await ok(lead.get(`/api/v1/profiles/${first.id}`))).id).toBe(third.id);
    expect(((await ok(lead.get(`/api/v1/profiles/${third.id}`))).mergedFrom as { id: string }[]).map((m) => m.id).sort()).toEqual([first.id, second.id].sort());
  });
});

describe('the work on a merged profile', () => {
  it('moves its reports, documents, tasks, reminders, assessments and interests to the survivor', async () => {
    const police = await t.as(emails.police);
    const lead = await t.as(emails.lead);
    const [survivor, duplicate] = [await createProfile(police), await createProfile(police)];
    const report = await ok(police.post(`/api/v1/profiles/${duplicate.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: '<p>Seen.</p>', visibility: 'shared' }), 201);
    const screening = await ok(police.post('/api/v1/assessments', { template: 'victim-screening', subject: { type: 'profile', id: duplicate.id }, answers: { 'victim-vulnerable': 'yes' } }), 201);
    const db = t.database.db;
    const me = await ok(police.get('/api/v1/me')) as { id: string; partnership: { id: string } };
    const on = { partnershipId: me.partnership.id, recordKind: 'profile' as const, recordId: duplicate.id };
    const by = { teamId: policeAsb().teamId, organisationId: policeAsb().organisationId };
    const [task] = await db.insert(tasks).values({ ...on, title: 'Check in', dueOn: '2026-12-03', assignedUserId: me.id, setBy: me.id, setByTeamId: by.teamId, setByOrganisationId: by.organisationId }).returning();
    const [action] = await db.insert(actions).values({ ...on, title: 'Ring back', dueAt: new Date(), createdBy: me.id, createdByTeamId: by.teamId, createdByOrganisationId: by.organisationId }).returning();
    const [file] = await db.insert(storedFiles).values({ partnershipId: me.partnership.id, storageKey: `merge/${duplicate.id}`, contentType: 'text/plain', byteSize: 1, sha256: 'x' }).returning();
    const [document] = await db.insert(documents).values({ ...on, folder: 'Notes', title: 'Note', visibility: 'shared', authorId: me.id, authorTeamId: by.teamId, authorOrganisationId: by.organisationId }).returning();
    await db.insert(documentVersions).values({ documentId: document!.id, version: 1, storedFileId: file!.id, fileName: 'note.txt', scanResult: 'not_scanned', uploadedBy: me.id });
    const leadId = ((await ok(lead.get('/api/v1/me'))) as { id: string }).id;
    await db.insert(recordInterests).values([
      { userId: me.id, recordKind: 'profile', recordId: duplicate.id },
      { userId: leadId, recordKind: 'profile', recordId: duplicate.id },
      { userId: leadId, recordKind: 'profile', recordId: survivor.id },
    ]);

    await ok(lead.post(`/api/v1/profiles/${survivor.id}/merge`, { duplicateId: duplicate.id, reason: 'Same person' }));

    const recordOf = async (table: typeof reports | typeof documents | typeof tasks | typeof actions, id: string) => (await db.select({ recordId: table.recordId }).from(table).where(eq(table.id, id)))[0]!.recordId;
    expect(await recordOf(reports, report.id as string)).toBe(survivor.id);
    expect(await recordOf(documents, document!.id)).toBe(survivor.id);
    expect(await recordOf(tasks, task!.id)).toBe(survivor.id);
    expect(await recordOf(actions, action!.id)).toBe(survivor.id);
    expect(await ok(police.get(`/api/v1/assessments/${screening.id}`))).toMatchObject({ subject: { type: 'profile', id: survivor.id } });
    const interests = await db.select().from(recordInterests).where(eq(recordInterests.recordKind, 'profile'));
    expect(interests.filter((i) => i.recordId === duplicate.id)).toEqual([]);
    expect(interests.filter((i) => i.recordId === survivor.id).map((i) => i.userId).sort()).toEqual([me.id, leadId].sort());
    const timeline = await ok(police.get(`/api/v1/profiles/${survivor.id}/timeline?kinds=report,document,task,action`)) as { items: { id: string }[] };
    expect(timeline.items.map((e) => e.id).sort()).toEqual([`report:${report.id}`, `document:${document!.id}`, `action:${action!.id}`].sort());
    const [merged] = await auditOf(t, survivor.id, 'profile.merged');
    expect((merged!.details as { moved: Record<string, unknown> }).moved).toMatchObject({ reports: 1, documents: 1, tasks: 1, actions: 1, assessments: 1, interests: 1 });
  });
});

describe('victim care on a merged profile', () => {
  it('moves the contact plan, the contacts and panel referrals to the survivor, and keeps the survivor\'s own plan where both had one', async () => {
    const police = await t.as(emails.police);
    const lead = await t.as(emails.lead);
    const [survivor, duplicate] = [await createProfile(police, { roles: ['victim'] }), await createProfile(police, { roles: ['victim'] })];
    await putPlan(police, duplicate.id, { frequencyDays: 7, safeToText: true });
    const contact = await recordContact(police, duplicate.id, { at: new Date().toISOString(), channel: 'text', reached: true, note: 'Spoke by text' });

    await ok(lead.post(`/api/v1/profiles/${survivor.id}/merge`, { duplicateId: duplicate.id, reason: 'Same person' }));

    const care = await victimCareOf(police, survivor.id);
    expect(care.plan).toMatchObject({ frequencyDays: 7, safeToText: true });
    expect((await ok(police.get(`/api/v1/profiles/${survivor.id}/contacts`)) as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([contact.id]);
    const [merged] = await auditOf(t, survivor.id, 'profile.merged');
    expect((merged!.details as { moved: Record<string, unknown> }).moved).toMatchObject({ contact_plans: 1, victim_contacts: 1 });

    const other = await createProfile(police, { roles: ['victim'] });
    await putPlan(police, other.id, { frequencyDays: 28 });
    await ok(lead.post(`/api/v1/profiles/${survivor.id}/merge`, { duplicateId: other.id, reason: 'Same person again' }));
    expect((await victimCareOf(police, survivor.id)).plan).toMatchObject({ frequencyDays: 7 });
  });
});

describe('who may merge which profiles', () => {
  it('not a practitioner or a read-only user', async () => {
    const police = await t.as(emails.police);
    const [a, b] = [await createProfile(police), await createProfile(police)];
    expectError(await police.post(`/api/v1/profiles/${a.id}/merge`, { duplicateId: b.id, reason: 'Same' }), 403, 'forbidden');
    const { agent: readOnly } = await enrolledUser(t, emails.lead, { name: 'Rory Readonly', role: 'read_only', teamId: policeAsb().teamId });
    expectError(await readOnly.post(`/api/v1/profiles/${a.id}/merge`, { duplicateId: b.id, reason: 'Same' }), 403, 'forbidden');
  });

  it('not a profile into itself, nor one that is not on the record', async () => {
    const lead = await t.as(emails.lead);
    const a = await createProfile(lead);
    const self = await lead.post(`/api/v1/profiles/${a.id}/merge`, { duplicateId: a.id, reason: 'Same' });
    expectError(self, 422, 'validation_failed');
    expect(self.json().error.details[0].field).toBe('duplicateId');
    const elsewhere = await createProfile(await t.as(emails.other));
    const outside = await lead.post(`/api/v1/profiles/${a.id}/merge`, { duplicateId: elsewhere.id, reason: 'Same' });
    expectError(outside, 422, 'validation_failed');
    expect(outside.json().error.details).toEqual([{ field: 'duplicateId', problem: 'is not a profile of this partnership' }]);
    expectError(await lead.post(`/api/v1/profiles/${elsewhere.id}/merge`, { duplicateId: a.id, reason: 'Same' }), 404, 'not_found');
    expectError(await lead.post(`/api/v1/profiles/${a.id}/merge`, { duplicateId: a.id }), 422, 'validation_failed');
  });

  it('only with edit on both profiles', async () => {
    const lead = await t.as(emails.lead);
    const council = await t.as(emails.council);
    const mine = await createProfile(lead);
    const hidden = await createProfile(council);
    const noAccess = await lead.post(`/api/v1/profiles/${mine.id}/merge`, { duplicateId: hidden.id, reason: 'Same' });
    expectError(noAccess, 403, 'no_access');
    expect(noAccess.json().error.owner.organisation.name).toBe('Demo District Council');
    await share(council, 'profiles', hidden.id, { teamId: policeAsb().teamId, level: 'view' });
    expectError(await lead.post(`/api/v1/profiles/${mine.id}/merge`, { duplicateId: hidden.id, reason: 'Same' }), 403, 'forbidden');
    expectError(await lead.post(`/api/v1/profiles/${hidden.id}/merge`, { duplicateId: mine.id, reason: 'Same' }), 403, 'forbidden');
    expect((await ok(council.get(`/api/v1/profiles/${hidden.id}`))).mergedFrom).toEqual([]);
  });

  it('a team admin only where their team holds one of the two; an organisation admin wherever they can edit both', async () => {
    const council = await t.as(emails.council);
    const [a, b] = [await createProfile(council), await createProfile(council)];
    for (const id of [a.id, b.id]) await share(council, 'profiles', id, { teamId: policeAsb().teamId, level: 'edit' });
    expectError(await (await t.as(emails.lead)).post(`/api/v1/profiles/${a.id}/merge`, { duplicateId: b.id, reason: 'Same' }), 403, 'forbidden');
    await ok((await t.as(emails.policeAdmin)).post(`/api/v1/profiles/${a.id}/merge`, { duplicateId: b.id, reason: 'Same' }));
  });

  it('an admin without access is told who owns it; the other partnership finds nothing', async () => {
    const lead = await t.as(emails.lead);
    const [a, b] = [await createProfile(lead), await createProfile(lead)];
    expectError(await (await t.as(emails.admin)).post(`/api/v1/profiles/${a.id}/merge`, { duplicateId: b.id, reason: 'Same' }), 403, 'no_access');
    const { agent: otherAdmin } = await enrolledUser(t, emails.admin, { name: 'Ned Neighbour', role: 'team_admin', teamId: place.team('Neighbouring County Police/ASB team').teamId });
    expectError(await otherAdmin.post(`/api/v1/profiles/${a.id}/merge`, { duplicateId: b.id, reason: 'Same' }), 404, 'not_found');
    const theirs = await createProfile(otherAdmin);
    const intoTheirs = await otherAdmin.post(`/api/v1/profiles/${theirs.id}/merge`, { duplicateId: a.id, reason: 'Same' });
    expectError(intoTheirs, 422, 'validation_failed');
    expect((await ok(lead.get(`/api/v1/profiles/${a.id}`))).id).toBe(a.id);
  });
});
