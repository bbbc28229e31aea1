import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { auditOf, createRecord, emails, enrolledUser, expectError, kinds, loadStructure, share, type Kind } from './records.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const councilTeam = () => place.team('Demo District Council/Community Safety team');
const iomTeam = () => place.team('Demo County Police/IOM team');

describe.each(kinds)('sharing %s', (kind: Kind) => {
  it('the owner shares with a team and an organisation; the list names them and stops saying it is kept in the owner', async () => {
    const owner = await t.as(emails.police);
    const id = await createRecord(owner, kind);

    const fresh = await owner.get(`/api/v1/${kind}/${id}/access`);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toMatchObject({
      owner: { team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' } },
      entries: [],
      sharedOnlyWithinOwner: true,
      permissions: { canEdit: true, canShare: true },
    });

    const withinPolice = await share(owner, kind, id, { teamId: iomTeam().teamId, level: 'edit' });
    expect(withinPolice.sharedOnlyWithinOwner).toBe(true);
    expect(withinPolice.entries).toMatchObject([{ team: { id: iomTeam().teamId, name: 'IOM team' }, organisation: { name: 'Demo County Police' }, level: 'edit', grantedBy: { name: 'Tom Wright' } }]);

    const withCouncil = await share(owner, kind, id, { organisationId: place.organisation('Demo District Council'), level: 'view' });
    expect(withCouncil.sharedOnlyWithinOwner).toBe(false);
    expect(withCouncil.entries[1]).toMatchObject({ team: null, organisation: { name: 'Demo District Council' }, level: 'view' });

    const council = await t.as(emails.council);
    const seen = await council.get(`/api/v1/${kind}/${id}/access`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().permissions).toEqual({ canEdit: false, canShare: false });

    const shared = await auditOf(t, id, 'record.shared');
    expect(shared.map((e) => e.details)).toEqual(expect.arrayContaining([
      { target: { organisation: { id: place.organisation('Demo District Council'), name: 'Demo District Council' } }, level: 'view', before: null },
      { target: { team: { id: iomTeam().teamId, name: 'IOM team' } }, level: 'edit', before: null },
    ]));
    expect(shared[0]!.entityType).toBe(kind.slice(0, -1));
    expect((await auditOf(t, id, 'record.access_viewed')).length).toBe(2);
  });

  it('sharing again changes the level; unsharing removes the entry; unsharing again is refused', async () => {
    const owner = await t.as(emails.lead);
    const id = await createRecord(owner, kind);
    await share(owner, kind, id, { teamId: councilTeam().teamId, level: 'view' });
    const raised = await share(owner, kind, id, { teamId: councilTeam().teamId, level: 'edit' });
    expect(raised.entries).toHaveLength(1);
    expect(raised.entries[0].level).toBe('edit');
    const upgrade = (await auditOf(t, id, 'record.shared'))[0]!;
    expect(upgrade.details).toMatchObject({ level: 'edit', before: 'view' });

    const council = await t.as(emails.council);
    expect((await council.post(`/api/v1/${kind}/${id}/access`, { organisationId: place.organisation('Demo Housing Association'), level: 'view' })).statusCode).toBe(200);

    const removed = await owner.delete(`/api/v1/${kind}/${id}/access`, { teamId: councilTeam().teamId });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().entries.map((e: { organisation: { name: string } }) => e.organisation.name)).toEqual(['Demo Housing Association']);
    expectError(await council.get(`/api/v1/${kind}/${id}/access`), 403, 'no_access');
    expect((await auditOf(t, id, 'record.unshared'))[0]!.details).toMatchObject({ target: { team: { id: councilTeam().teamId } }, before: 'edit' });

    const again = await owner.delete(`/api/v1/${kind}/${id}/access`, { teamId: councilTeam().teamId });
    expectError(again, 422, 'validation_failed');
    expect(again.json().error.details).toEqual([{ field: 'teamId', problem: 'is not on the access list' }]);
  });

  it('someone who can only view cannot share or unshare', async () => {
    const owner = await t.as(emails.police);
    const id = await createRecord(owner, kind);
    await share(owner, kind, id, { teamId: councilTeam().teamId, level: 'view' });
    const council = await t.as(emails.council);
    expectError(await council.post(`/api/v1/${kind}/${id}/access`, { organisationId: place.organisation('Demo Housing Association'), level: 'view' }), 403, 'forbidden');
    expectError(await council.delete(`/api/v1/${kind}/${id}/access`, { teamId: councilTeam().teamId }), 403, 'forbidden');
    expect((await owner.get(`/api/v1/${kind}/${id}/access`)).json().entries).toHaveLength(1);
  });
});

describe('who a record can be shared with', () => {
  it('never another partnership\'s team or organisation, nor an unknown one', async () => {
    const owner = await t.as(emails.police);
    const id = await createRecord(owner, 'profiles');
    const otherTeam = place.team('Neighbouring County Police/ASB team');
    const byTeam = await owner.post(`/api/v1/profiles/${id}/access`, { teamId: otherTeam.teamId, level: 'view' });
    expectError(byTeam, 422, 'validation_failed');
    expect(byTeam.json().error.details).toEqual([{ field: 'teamId', problem: 'is not a team of this partnership' }]);
    const byOrganisation = await owner.post(`/api/v1/profiles/${id}/access`, { organisationId: otherTeam.organisationId, level: 'view' });
    expect(byOrganisation.json().error.details).toEqual([{ field: 'organisationId', problem: 'is not an organisation of this partnership' }]);
    const unknown = await owner.post(`/api/v1/profiles/${id}/access`, { teamId: '01900000-0000-7000-8000-000000000000', level: 'view' });
    expect(unknown.json().error.details).toEqual(byTeam.json().error.details);
    expect((await owner.get(`/api/v1/profiles/${id}/access`)).json().entries).toEqual([]);
  });

  it('not the owning team, which always has edit', async () => {
    const owner = await t.as(emails.police);
    const id = await createRecord(owner, 'cases');
    const response = await owner.post(`/api/v1/cases/${id}/access`, { teamId: place.team('Demo County Police/ASB team').teamId, level: 'view' });
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details[0].field).toBe('teamId');
  });

  it('takes one target at a time', async () => {
    const owner = await t.as(emails.police);
    const id = await createRecord(owner, 'profiles');
    const both = await owner.post(`/api/v1/profiles/${id}/access`, { teamId: councilTeam().teamId, organisationId: councilTeam().organisationId, level: 'view' });
    expect(both.statusCode).toBe(422);
  });
});

describe('outsiders', () => {
  it('another organisation without access is told who owns the record, on every route', async () => {
    const owner = await t.as(emails.police);
    const housing = await t.as(emails.housing);
    for (const kind of kinds) {
      const id = await createRecord(owner, kind);
      const read = await housing.get(`/api/v1/${kind}/${id}/access`);
      expectError(read, 403, 'no_access');
      expect(read.json().error.owner).toEqual({
        team: { id: place.team('Demo County Police/ASB team').teamId, name: 'ASB team' },
        organisation: { id: place.organisation('Demo County Police'), name: 'Demo County Police' },
      });
      expectError(await housing.post(`/api/v1/${kind}/${id}/access`, { organisationId: place.organisation('Demo Housing Association'), level: 'edit' }), 403, 'no_access');
      expectError(await housing.delete(`/api/v1/${kind}/${id}/access`, { teamId: councilTeam().teamId }), 403, 'no_access');
      const refused = await auditOf(t, id, 'access.refused');
      expect(refused.length).toBe(3);
    }
  });

  it('the other partnership gets 404 on every route, as for an unknown id', async () => {
    const owner = await t.as(emails.police);
    const other = await t.as(emails.other);
    const otherTeam = place.team('Neighbouring County Police/ASB team');
    for (const kind of kinds) {
      const id = await createRecord(owner, kind);
      expectError(await other.get(`/api/v1/${kind}/${id}/access`), 404, 'not_found');
      expectError(await other.post(`/api/v1/${kind}/${id}/access`, { teamId: otherTeam.teamId, level: 'edit' }), 404, 'not_found');
      expectError(await other.delete(`/api/v1/${kind}/${id}/access`, { teamId: otherTeam.teamId }), 404, 'not_found');
      expectError(await other.post(`/api/v1/${kind}/${id}/access-requests`, { reason: 'Let me in' }), 404, 'not_found');
      expect((await owner.get(`/api/v1/${kind}/${id}/access`)).json().entries).toEqual([]);
    }
    expectError(await other.get('/api/v1/profiles/01900000-0000-7000-8000-000000000000/access'), 404, 'not_found');
  });

  it('a read-only user sees the list but cannot share', async () => {
    const { agent: readOnly } = await enrolledUser(t, emails.lead, { name: 'Rita Readonly', role: 'read_only', teamId: place.team('Demo County Police/ASB team').teamId });
    const id = await createRecord(await t.as(emails.police), 'profiles');
    const list = await readOnly.get(`/api/v1/profiles/${id}/access`);
    expect(list.statusCode).toBe(200);
    expect(list.json().permissions).toEqual({ canEdit: false, canShare: false });
    expectError(await readOnly.post(`/api/v1/profiles/${id}/access`, { teamId: councilTeam().teamId, level: 'view' }), 403, 'forbidden');
  });
});
