import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestEmailTo } from '../../test/fixtures.ts';
import { deliverNotificationEmails } from '../notifications/delivery.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, createRecord, emails, enrolledUser, expectError, loadStructure, share } from './records.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

async function ask(agent: Agent, path: string, reason = 'Working with this family on a tenancy'): Promise<string> {
  const response = await agent.post(`${path}/access-requests`, { reason });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

const idsIn = async (agent: Agent, query: string) => ((await agent.get(`/api/v1/access-requests?${query}`)).json().items as { id: string }[]).map((r) => r.id);

describe('asking for and granting access', () => {
  it('the owning team admin is emailed, approves, and the requester can open the profile', async () => {
    const person = await createProfile(await t.as(emails.police), { firstName: 'Orla', lastName: 'Quinlan' });
    const housing = await t.as(emails.housing);
    expectError(await housing.get(`/api/v1/profiles/${person.id}`), 403, 'no_access');

    const created = await housing.post(`/api/v1/profiles/${person.id}/access-requests`, { reason: 'Tenant reported for noise' });
    expect(created.statusCode).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({
      record: { kind: 'profile', id: person.id, title: 'Orla Quinlan' },
      owner: { team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' } },
      requester: { name: 'Marcus Bell' },
      requesterTeam: { name: 'Tenancy team' },
      reason: 'Tenant reported for noise',
      level: 'view',
      status: 'pending',
      decidedBy: null,
      permissions: { canDecide: false, canWithdraw: true },
    });

    await deliverNotificationEmails(t.app.platform);
    const email = await latestEmailTo(t, emails.lead);
    expect(email.subject).toBe('A request for access to a record your team holds');
    expect(email.body).toContain('Marcus Bell (Tenancy team) has asked for access');
    expect(email.body).toContain(`http://concord.test/access-requests/${request.id}`);
    expect(email.body).toContain(`a profile (reference ${person.id})`);
    expect(email.body).not.toMatch(/Orla|Quinlan/);
    expect(email.subject).not.toMatch(/Orla|Quinlan/);

    const lead = await t.as(emails.lead);
    expect(await idsIn(lead, 'box=to-decide&status=pending')).toContain(request.id);
    expect(await idsIn(housing, 'box=mine')).toContain(request.id);
    expect((await lead.get(`/api/v1/access-requests/${request.id}`)).json().permissions).toEqual({ canDecide: true, canWithdraw: false });

    const approved = await lead.post(`/api/v1/access-requests/${request.id}/approve`, { reason: 'Joint working agreed' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { name: 'Priya Shah' }, decisionReason: 'Joint working agreed', permissions: { canDecide: false, canWithdraw: false } });

    expect((await housing.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);
    const list = (await lead.get(`/api/v1/profiles/${person.id}/access`)).json();
    expect(list.entries).toMatchObject([{ team: { id: place.team('Demo Housing Association/Tenancy team').teamId }, level: 'view', grantedBy: { name: 'Priya Shah' } }]);

    await deliverNotificationEmails(t.app.platform);
    const told = await latestEmailTo(t, emails.housing);
    expect(told.subject).toBe('Your request for access was decided');
    expect(told.body).toContain('was approved by Priya Shah: your team can now open it');
    expect(told.body).toContain(`http://concord.test/access-requests/${request.id}`);
    expect(told.body).not.toMatch(/Orla|Quinlan/);

    expect((await auditOf(t, request.id)).map((e) => e.action)).toEqual(['access_request.approved', 'access_request.created']);
    expect((await auditOf(t, person.id, 'record.shared'))[0]!.details).toMatchObject({ target: { team: { name: 'Tenancy team' } }, level: 'view', before: null, accessRequestId: request.id });

    expectError(await lead.post(`/api/v1/access-requests/${request.id}/refuse`, {}), 409, 'already_decided');
  });

  it('a refusal leaves the record closed and tells the requester', async () => {
    const id = await createRecord(await t.as(emails.police), 'cases');
    const housing = await t.as(emails.housing);
    const request = await ask(housing, `/api/v1/cases/${id}`);
    const lead = await t.as(emails.lead);
    const refused = await lead.post(`/api/v1/access-requests/${request}/refuse`, { reason: 'Not needed for tenancy work' });
    expect(refused.statusCode).toBe(200);
    expect(refused.json().status).toBe('refused');
    expectError(await housing.get(`/api/v1/cases/${id}`), 403, 'no_access');
    expect((await lead.get(`/api/v1/cases/${id}/access`)).json().entries).toEqual([]);
    await deliverNotificationEmails(t.app.platform);
    expect((await latestEmailTo(t, emails.housing)).body).toContain('was refused by Priya Shah.');
    expect((await auditOf(t, request, 'access_request.refused'))[0]!.reason).toBe('Not needed for tenancy work');
    expectError(await lead.post(`/api/v1/access-requests/${request}/approve`, {}), 409, 'already_decided');
    expect(await idsIn(housing, 'box=mine&status=refused')).toContain(request);
    expect(await idsIn(housing, 'box=mine&status=pending')).not.toContain(request);
  });

  it('the organisation admin decides when the owning team has no team admin', async () => {
    const neighbourhood = place.team('Demo County Police/Neighbourhood policing');
    const { agent: pc } = await enrolledUser(t, emails.policeAdmin, { name: 'Nia Neighbourhood', role: 'practitioner', teamId: neighbourhood.teamId });
    const id = await createRecord(pc, 'locations');
    const request = await ask(await t.as(emails.council), `/api/v1/locations/${id}`);
    await deliverNotificationEmails(t.app.platform);
    expect((await latestEmailTo(t, emails.policeAdmin)).body).toContain(`/access-requests/${request}`);
    const lead = await t.as(emails.lead);
    expectError(await lead.post(`/api/v1/access-requests/${request}/approve`, {}), 403, 'forbidden');
    expect(await idsIn(lead, 'box=to-decide')).not.toContain(request);
    const approved = await (await t.as(emails.policeAdmin)).post(`/api/v1/access-requests/${request}/approve`, {});
    expect(approved.statusCode).toBe(200);
    expect((await (await t.as(emails.council)).get(`/api/v1/locations/${id}/access`)).statusCode).toBe(200);
  });
});

describe('what cannot be asked or decided', () => {
  it('one pending request per record and team; none for a record you can already open', async () => {
    const police = await t.as(emails.police);
    const id = await createRecord(police, 'profiles');
    const housing = await t.as(emails.housing);
    await ask(housing, `/api/v1/profiles/${id}`);
    expectError(await housing.post(`/api/v1/profiles/${id}/access-requests`, { reason: 'Again' }), 409, 'already_requested');
    const { agent: colleague } = await enrolledUser(t, emails.admin, { name: 'Hal Housing', role: 'practitioner', teamId: place.team('Demo Housing Association/Tenancy team').teamId });
    expectError(await colleague.post(`/api/v1/profiles/${id}/access-requests`, { reason: 'Me too' }), 409, 'already_requested');
    expectError(await police.post(`/api/v1/profiles/${id}/access-requests`, { reason: 'Mine' }), 409, 'already_have_access');
    await share(police, 'profiles', id, { organisationId: place.organisation('Demo District Council'), level: 'view' });
    expectError(await (await t.as(emails.council)).post(`/api/v1/profiles/${id}/access-requests`, { reason: 'Shared already' }), 409, 'already_have_access');
    expectError(await housing.post(`/api/v1/profiles/${id}/access-requests`, {}), 422, 'validation_failed');
  });

  it('a practitioner, even of the owning team, cannot decide', async () => {
    const id = await createRecord(await t.as(emails.lead), 'profiles');
    const request = await ask(await t.as(emails.housing), `/api/v1/profiles/${id}`);
    const police = await t.as(emails.police);
    expectError(await police.post(`/api/v1/access-requests/${request}/approve`, {}), 403, 'forbidden');
    expect(await idsIn(police, 'box=to-decide')).toEqual([]);
    expectError(await police.get(`/api/v1/access-requests/${request}`), 403, 'forbidden');
  });

  it('a team admin of another team cannot decide or read the request', async () => {
    const id = await createRecord(await t.as(emails.police), 'profiles');
    const request = await ask(await t.as(emails.housing), `/api/v1/profiles/${id}`);
    const { agent: councilLead } = await enrolledUser(t, emails.admin, { name: 'Cal Council', role: 'team_admin', teamId: place.team('Demo District Council/Community Safety team').teamId });
    expectError(await councilLead.post(`/api/v1/access-requests/${request}/approve`, {}), 403, 'forbidden');
    expectError(await councilLead.get(`/api/v1/access-requests/${request}`), 403, 'forbidden');
    expect(await idsIn(councilLead, 'box=to-decide')).not.toContain(request);
  });

  it('the requester withdraws; nobody else can, and a withdrawn request cannot be decided', async () => {
    const id = await createRecord(await t.as(emails.police), 'profiles');
    const housing = await t.as(emails.housing);
    const request = await ask(housing, `/api/v1/profiles/${id}`);
    const lead = await t.as(emails.lead);
    expectError(await lead.post(`/api/v1/access-requests/${request}/withdraw`), 403, 'forbidden');
    const withdrawn = await housing.post(`/api/v1/access-requests/${request}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expectError(await lead.post(`/api/v1/access-requests/${request}/approve`, {}), 409, 'already_decided');
    expectError(await housing.post(`/api/v1/access-requests/${request}/withdraw`), 409, 'already_decided');
    expect((await auditOf(t, request, 'access_request.withdrawn')).length).toBe(1);
    await ask(housing, `/api/v1/profiles/${id}`, 'Asking again after withdrawing');
  });

  it('the other partnership cannot see, decide or withdraw a request', async () => {
    const id = await createRecord(await t.as(emails.police), 'profiles');
    const request = await ask(await t.as(emails.housing), `/api/v1/profiles/${id}`);
    const other = await t.as(emails.other);
    expectError(await other.get(`/api/v1/access-requests/${request}`), 404, 'not_found');
    expectError(await other.post(`/api/v1/access-requests/${request}/withdraw`), 404, 'not_found');
    expect(await idsIn(other, 'box=mine')).toEqual([]);
    const { agent: otherAdmin } = await enrolledUser(t, emails.admin, { name: 'Ola Other', role: 'organisation_admin', teamId: place.team('Neighbouring County Police/ASB team').teamId });
    expectError(await otherAdmin.post(`/api/v1/access-requests/${request}/approve`, {}), 404, 'not_found');
    expect(await idsIn(otherAdmin, 'box=to-decide')).toEqual([]);
  });
});

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
function expectBadCursor(response: { statusCode: number; json(): unknown }) {
  expectError(response, 422, 'validation_failed');
  expect((response.json() as { error: { details: unknown } }).error.details).toEqual([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
}

describe('a forged or stale cursor', () => {
  it('is refused as not from the list, never reaching the database', async () => {
    const lead = await t.as(emails.lead);
    for (const box of ['mine', 'to-decide']) {
      for (const values of [['x'], ['x', 'y'], [42], ['3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5']]) {
        expectBadCursor(await lead.get(`/api/v1/access-requests?box=${box}&cursor=${cursorOf(values)}`));
      }
    }
    expect((await lead.get(`/api/v1/access-requests?box=to-decide&cursor=${cursorOf(['3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b'])}`)).statusCode).toBe(200);
  });
});
