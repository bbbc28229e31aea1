import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedAuditEvents } from '../../test/audit.ts';
import { createUserAs } from '../../test/fixtures.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';

/**
 * The audit viewer shows every administrator who did what to which record in their scope, but a
 * change's values (before and after, reason, details) only to a reader who could open that record
 * now. A police officer's edit to a council profile shared with them is the police admins' row to
 * see; once the share is gone, what the profile says is not theirs to read, there or here.
 */

let t: TestApp;

const emails = {
  admin: 'admin@concord.test',
  policeAdmin: 'police.admin@concord.test',
  policeLead: 'police.asb.lead@concord.test',
  police: 'police.asb@concord.test',
  council: 'council.asb@concord.test',
};

interface AuditEvent {
  id: string;
  action: string;
  actor: { kind: string; id: string | null; name: string | null };
  entityType: string | null;
  entityId: string | null;
  reason: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  details: Record<string, unknown> | null;
  valuesHidden: boolean;
}

/** What each reader is given: the events and the raw body text, to search for anything it should not hold. */
interface Seen { events: AuditEvent[]; body: string }

const teams: Record<string, { id: string; organisationId: string }> = {};
const readers: Record<string, Agent> = {};

// Values only the council's record holds; none may appear in a body for a reader who cannot open it.
const stamp = Date.now();
const secrets = {
  firstName: `Quillon${stamp}`,
  phone: '07700 900461',
  phoneEdited: '07700 900462',
  keyInformation: `Keyinfo-${stamp}: dog on the premises, do not visit alone`,
  keyInformationEdited: `Keyinfo-${stamp}-edited: carries a knife according to neighbours`,
  address: `${stamp} Larkspur Mews`,
  reasonCreated: `Reasoned-${stamp}: referred by the school`,
  reportText: `Reporttext-${stamp}: disclosed a history of abuse`,
  reportTextEdited: `Reporttext-${stamp}-edited: disclosed names of the people involved`,
  // The report's own values in the trail: when it happened.
  occurredAt: '2021-03-04T05:06:07.000Z',
  occurredAtEdited: '2021-03-04T08:09:10.000Z',
};
const everySecret = Object.values(secrets);

let profileId: string;
let teamReportId: string;
let sharedReportId: string;

async function enrolled(name: string, role: string, team: string): Promise<Agent> {
  const { email, password } = await createUserAs(t, emails.admin, { name, role, teamId: teams[team]!.id });
  const agent = makeAgent(t.app);
  expect((await agent.post('/api/v1/auth/sign-in', { email, password })).statusCode).toBe(200);
  const { secret } = (await agent.get('/api/v1/auth/enrolment')).json() as { secret: string };
  expect((await agent.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) })).statusCode).toBe(200);
  return agent;
}

/** Everything a reader is given for a query, every page, with the bodies' text. */
async function read(agent: Agent, query = ''): Promise<Seen> {
  const events: AuditEvent[] = [];
  let body = '';
  let cursor: string | null = null;
  do {
    const response = await agent.get(`/api/v1/audit-events?limit=200${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    body += response.body;
    const page = response.json() as { items: AuditEvent[]; nextCursor: string | null };
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { events, body };
}

function expectNoSecrets(who: string, seen: Seen, secretsToCheck = everySecret) {
  for (const secret of secretsToCheck) expect(seen.body.includes(secret), `${who} was given "${secret}"`).toBe(false);
}

function expectHidden(who: string, event: AuditEvent | undefined) {
  expect(event, who).toBeDefined();
  expect(event!.valuesHidden, who).toBe(true);
  expect(event!.changes, who).toBeNull();
  expect(event!.reason, who).toBeNull();
}

async function share(agent: Agent, teamId: string, level: 'view' | 'edit') {
  const response = await agent.post(`/api/v1/profiles/${profileId}/access`, { teamId, level });
  expect(response.statusCode, response.body).toBe(200);
}

async function unshare(agent: Agent, teamId: string) {
  const response = await agent.delete(`/api/v1/profiles/${profileId}/access`, { teamId });
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.as(emails.admin);
  const list = (await admin.get('/api/v1/teams?limit=200')).json().items as { id: string; name: string; organisation: { id: string; name: string } }[];
  for (const team of list) teams[`${team.organisation.name}/${team.name}`] = { id: team.id, organisationId: team.organisation.id };

  readers['system admin'] = admin;
  readers['police organisation admin'] = await t.as(emails.policeAdmin);
  readers['police team admin'] = await t.as(emails.policeLead);
  // The demo has no council administrators: made here, in the team that owns the profile and in another.
  readers['council organisation admin'] = await enrolled('Cora Council', 'organisation_admin', 'Demo District Council/Community Safety team');
  readers['council team admin'] = await enrolled('Tess Teamlead', 'team_admin', 'Demo District Council/Community Safety team');
  readers['council organisation admin in another team'] = await enrolled('Eli Elsewhere', 'organisation_admin', 'Demo District Council/Environmental Health');
  readers['other partnership organisation admin'] = await enrolled('Nia Neighbour', 'organisation_admin', 'Neighbouring County Police/ASB team');

  const council = await t.as(emails.council);
  const police = await t.as(emails.police);
  const created = await council.post('/api/v1/profiles', {
    firstName: secrets.firstName,
    lastName: 'Testperson',
    reasonCreated: secrets.reasonCreated,
    phone: secrets.phone,
    keyInformation: secrets.keyInformation,
    addresses: [{ addressLine1: secrets.address }],
    confirmNoDuplicate: true,
  });
  expect(created.statusCode, created.body).toBe(201);
  profileId = created.json().id;

  await share(council, teams['Demo County Police/ASB team']!.id, 'edit');
  const edited = await police.patch(`/api/v1/profiles/${profileId}`, {
    version: created.json().version,
    phone: secrets.phoneEdited,
    keyInformation: secrets.keyInformationEdited,
  });
  expect(edited.statusCode, edited.body).toBe(200);

  // A police report only the police ASB team may read, and one the council shares with everyone who can open the profile.
  const teamReport = await police.post(`/api/v1/profiles/${profileId}/reports`, {
    reportType: 'visit', occurredAt: secrets.occurredAt, body: `<p>${secrets.reportText}</p>`, visibility: 'team',
  });
  expect(teamReport.statusCode, teamReport.body).toBe(201);
  teamReportId = teamReport.json().id;
  const reportEdit = await police.patch(`/api/v1/reports/${teamReportId}`, {
    version: teamReport.json().version, occurredAt: secrets.occurredAtEdited, body: `<p>${secrets.reportTextEdited}</p>`,
  });
  expect(reportEdit.statusCode, reportEdit.body).toBe(200);
  const sharedReport = await council.post(`/api/v1/profiles/${profileId}/reports`, {
    reportType: 'visit', occurredAt: '2022-01-02T03:04:05.000Z', body: `<p>${secrets.reportText} (shared)</p>`, visibility: 'shared',
  });
  expect(sharedReport.statusCode, sharedReport.body).toBe(201);
  sharedReportId = sharedReport.json().id;
});
afterAll(() => t.close());

const policeReaders = ['police organisation admin', 'police team admin'];
const councilReaders = ['council organisation admin', 'council team admin'];

describe('a change to a profile, read by every kind of administrator', () => {
  it('while the profile is shared with the police, the police admins read the report only their team may read, and the council admins do not', async () => {
    for (const who of policeReaders) {
      const seen = await read(readers[who]!, `entityId=${teamReportId}`);
      const updated = seen.events.find((e) => e.action === 'report.updated');
      expect(updated, who).toMatchObject({ valuesHidden: false, changes: { occurredAt: { before: secrets.occurredAt, after: secrets.occurredAtEdited } } });
    }
    for (const who of [...councilReaders, 'council organisation admin in another team', 'system admin']) {
      const seen = await read(readers[who]!, `entityId=${teamReportId}`);
      expect(seen.events.map((e) => e.action).sort(), who).toEqual(['report.created', 'report.updated']);
      for (const event of seen.events) expectHidden(who, event);
      // What the report holds, and when it happened, are not given; which record it is on is.
      expectNoSecrets(who, seen);
      expect(seen.events.find((e) => e.action === 'report.updated')!.details, who).toEqual({ recordKind: 'profile', recordId: profileId });
    }
  });

  it('once the share is removed, shows the police admins their officer\'s edit but none of its values', async () => {
    await unshare(await t.as(emails.council), teams['Demo County Police/ASB team']!.id);
    const police = await t.as(emails.police);
    expect((await police.get(`/api/v1/profiles/${profileId}`)).statusCode).toBe(403);
    // The trail holds the values: what follows is the viewer withholding them, not their absence.
    const [stored] = await storedAuditEvents(t, { entityId: profileId, action: 'profile.updated' });
    expect(stored!.changes).toMatchObject({ phone: { after: secrets.phoneEdited }, keyInformation: { after: secrets.keyInformationEdited } });

    for (const who of policeReaders) {
      const seen = await read(readers[who]!);
      // The row is theirs to see: their officer did it.
      const edit = seen.events.find((e) => e.action === 'profile.updated' && e.entityId === profileId);
      expect(edit, who).toMatchObject({ actor: { name: 'Tom Wright' }, entityType: 'profile', details: null });
      expectHidden(who, edit);
      // So are the officer's reports on it, without their values, and the record's own page is refused.
      expectHidden(who, seen.events.find((e) => e.action === 'report.updated' && e.entityId === teamReportId));
      expectNoSecrets(who, seen);
      expect((await readers[who]!.get(`/api/v1/profiles/${profileId}`)).statusCode, who).toBe(403);
    }
  });

  it('shows the values to the council admins who can open the profile, and not to one who cannot', async () => {
    for (const who of councilReaders) {
      const seen = await read(readers[who]!, `entityId=${profileId}`);
      const edit = seen.events.find((e) => e.action === 'profile.updated');
      expect(edit, who).toMatchObject({
        valuesHidden: false,
        actor: { name: 'Tom Wright' },
        changes: {
          phone: { before: secrets.phone, after: secrets.phoneEdited },
          keyInformation: { before: secrets.keyInformation, after: secrets.keyInformationEdited },
        },
      });
      const created = seen.events.find((e) => e.action === 'profile.created');
      expect(created, who).toMatchObject({ valuesHidden: false, reason: secrets.reasonCreated });
      expect(JSON.stringify(created!.changes), who).toContain(secrets.address);
      // The council's shared report is theirs to read; the police team's report still is not.
      const sharedReport = (await read(readers[who]!, `entityId=${sharedReportId}`)).events;
      expect(sharedReport.map((e) => e.valuesHidden), who).toEqual([false]);
      expect(sharedReport[0]!.changes, who).toMatchObject({ visibility: { before: null, after: 'shared' } });
      const teamReport = await read(readers[who]!, `entityId=${teamReportId}`);
      expect(teamReport.events.every((e) => e.valuesHidden), who).toBe(true);
      expectNoSecrets(who, teamReport);
    }

    // An organisation admin of the council sees the rows (the profile is the council's) but works in a team that cannot open it.
    const who = 'council organisation admin in another team';
    const seen = await read(readers[who]!);
    expect(seen.events.filter((e) => e.entityId === profileId).map((e) => e.action)).toEqual(expect.arrayContaining(['profile.updated', 'profile.created']));
    for (const event of seen.events.filter((e) => e.entityId === profileId)) expectHidden(who, event);
    expectNoSecrets(who, seen);
  });

  it('holds the system administrator to the same rule: the rows, no values, until they could open the profile', async () => {
    const admin = readers['system admin']!;
    const before = await read(admin);
    expect(before.events.some((e) => e.action === 'profile.updated' && e.entityId === profileId)).toBe(true);
    for (const event of before.events.filter((e) => e.entityId === profileId || e.entityId === teamReportId || e.entityId === sharedReportId)) {
      expectHidden('system admin', event);
    }
    expectNoSecrets('system admin', before);
    expect((await admin.get(`/api/v1/profiles/${profileId}`)).statusCode).toBe(403);

    // Shared with the service desk, the profile opens for them, and so do its values (the police team's report stays closed).
    await share(await t.as(emails.council), teams['Concord Service Desk/System administration']!.id, 'view');
    expect((await admin.get(`/api/v1/profiles/${profileId}`)).statusCode).toBe(200);
    const after = await read(admin, `entityId=${profileId}&action=profile.updated`);
    expect(after.events[0]).toMatchObject({ valuesHidden: false, changes: { phone: { before: secrets.phone, after: secrets.phoneEdited } } });
    const teamReport = await read(admin, `entityId=${teamReportId}`);
    expect(teamReport.events.every((e) => e.valuesHidden)).toBe(true);
    expectNoSecrets('system admin', teamReport);
    await unshare(await t.as(emails.council), teams['Concord Service Desk/System administration']!.id);
    expect((await read(admin, `entityId=${profileId}&action=profile.updated`)).events[0]!.valuesHidden).toBe(true);
  });

  it('gives the other partnership nothing: no row, no value', async () => {
    const who = 'other partnership organisation admin';
    const seen = await read(readers[who]!);
    expect(seen.events.length).toBeGreaterThan(0);
    const ours = [profileId, teamReportId, sharedReportId];
    expect(seen.events.filter((e) => ours.includes(e.entityId ?? '') || JSON.stringify(e.details ?? {}).includes(profileId))).toEqual([]);
    expectNoSecrets(who, seen);
    expect((await read(readers[who]!, `entityId=${profileId}`)).events).toEqual([]);
  });

  it('never hands any reader a value of a record they cannot open, across everything they may see', async () => {
    for (const who of [...policeReaders, 'system admin', 'council organisation admin in another team', 'other partnership organisation admin']) {
      expectNoSecrets(who, await read(readers[who]!));
    }
  });
});

describe('what else stays with whoever may open it', () => {
  it('keeps the terms of a search to the person who searched', async () => {
    const police = await t.as(emails.police);
    expect((await police.get(`/api/v1/search?q=${secrets.firstName}`)).statusCode).toBe(200);
    const seen = await read(readers['police organisation admin']!, 'action=search.performed');
    const search = seen.events.find((e) => e.actor.name === 'Tom Wright');
    expectHidden('police organisation admin', search);
    expect(search!.details).toBeNull();
    expectNoSecrets('police organisation admin', seen);

    const admin = readers['system admin']!;
    expect((await admin.get(`/api/v1/search?q=${secrets.firstName}`)).statusCode).toBe(200);
    const own = (await read(admin, 'action=search.performed')).events;
    expect(own.find((e) => e.actor.name === 'Sam Administrator')).toMatchObject({ valuesHidden: false, details: { query: secrets.firstName } });
    expectHidden('system admin', own.find((e) => e.actor.name === 'Tom Wright'));
  });

  it('keeps a task\'s and an access request\'s values with those who can open the profile, and a standalone task\'s with its parties', async () => {
    const council = await t.as(emails.council);
    const police = await t.as(emails.police);
    const policeTeam = teams['Demo County Police/ASB team']!.id;
    const declined = `Declinereason-${stamp}: the family moved in with her aunt`;
    const asked = `Askreason-${stamp}: he was arrested at the address last night`;
    const cancelled = `Cancelreason-${stamp}: the victim withdrew her statement`;

    // The police team could open the profile when the task was set for them; the council then took that back.
    const task = await council.post('/api/v1/tasks', { title: 'Check in', assignee: { teamId: policeTeam }, dueOn: '2031-05-06', record: { kind: 'profile', id: profileId }, shareWithAssignee: true });
    expect(task.statusCode, task.body).toBe(201);
    await unshare(council, policeTeam);
    const decline = await police.post(`/api/v1/tasks/${task.json().id}/decline`, { reason: declined });
    expect(decline.statusCode, decline.body).toBe(200);
    const request = await police.post(`/api/v1/profiles/${profileId}/access-requests`, { reason: asked });
    expect(request.statusCode, request.body).toBe(201);
    const standalone = await police.post('/api/v1/tasks', { title: 'Team briefing', assignee: { teamId: policeTeam }, dueOn: '2031-05-07' });
    expect(standalone.statusCode, standalone.body).toBe(201);
    const cancel = await police.post(`/api/v1/tasks/${standalone.json().id}/cancel`, { version: standalone.json().version, reason: cancelled });
    expect(cancel.statusCode, cancel.body).toBe(200);

    for (const who of policeReaders) {
      const seen = await read(readers[who]!);
      expectHidden(who, seen.events.find((e) => e.action === 'task.declined' && e.entityId === task.json().id));
      const requested = seen.events.find((e) => e.action === 'access_request.created' && e.entityId === request.json().id);
      expectHidden(who, requested);
      expect(requested!.details, who).toEqual({ record: { kind: 'profile', id: profileId } });
      expect(seen.body.includes(declined) || seen.body.includes(asked), who).toBe(false);
      // Their own team's standalone task is theirs: it names no one's record.
      expect(seen.events.find((e) => e.action === 'task.cancelled' && e.entityId === standalone.json().id), who)
        .toMatchObject({ valuesHidden: false, reason: cancelled, changes: { status: { after: 'cancelled' } } });
    }
    for (const who of councilReaders) {
      const seen = await read(readers[who]!);
      expect(seen.events.find((e) => e.action === 'task.declined' && e.entityId === task.json().id), who)
        .toMatchObject({ valuesHidden: false, reason: declined, changes: { status: { before: 'open', after: 'declined' } } });
      expect(seen.events.find((e) => e.action === 'access_request.created' && e.entityId === request.json().id), who)
        .toMatchObject({ valuesHidden: false, reason: asked });
      expect(seen.body.includes(cancelled), who).toBe(false);
    }
    // The system administrator sees every row, and is party to none of these.
    const seen = await read(readers['system admin']!);
    for (const id of [task.json().id, request.json().id, standalone.json().id]) {
      const events = seen.events.filter((e) => e.entityId === id);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expectHidden('system admin', event);
    }
    for (const secret of [declined, asked, cancelled]) expect(seen.body.includes(secret), secret).toBe(false);
  });

  it('shows a refusal why it happened, and a user\'s values only to those who manage the user', async () => {
    const lead = readers['police team admin']!;
    const councilUser = (await (await t.as(emails.council)).get('/api/v1/me')).json().id as string;
    expect((await lead.get(`/api/v1/users/${councilUser}`)).statusCode).toBe(403);
    const refused = (await read(lead, `entityId=${councilUser}&action=access.refused`)).events[0];
    expect(refused).toMatchObject({ valuesHidden: true, changes: null, details: { why: 'user outside your team or organisation' } });

    // The council team admin manages the council officer: the seeded account's values are theirs.
    const created = (await read(readers['council team admin']!, `entityId=${councilUser}&action=user.created`)).events[0];
    expect(created).toMatchObject({ valuesHidden: false, details: { email: emails.council } });
    // Structure carries no one's personal data: a team's values go to whoever sees its row.
    const team = (await read(readers['system admin']!, 'entityType=team&action=team.created')).events[0];
    expect(team).toMatchObject({ valuesHidden: false });
  });
});
