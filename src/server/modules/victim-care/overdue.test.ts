import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverdueContact } from '../../../shared/api/victim-care.ts';
import { addDays, londonToday } from '../../platform/london.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { userId } from '../tasks/tasks.fixtures.ts';
import { sweepOverdueContacts } from './sweeps.ts';
import { daysAgoAt, noticesOf, putPlan, recordContact, type Structure } from './victim-care.fixtures.ts';

let t: TestApp;
let structure: Structure;
let police: Agent;
let asbTeam: string;

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  police = await t.as(emails.police);
  asbTeam = structure.team('Demo County Police/ASB team').teamId;
});
afterAll(() => t.close());

/** A victim (the police's unless another agency's agent is given) whose last contact was `daysAgo` days ago on a weekly plan. */
async function weeklyVictim(daysAgo: number, body: Record<string, unknown> = {}, agent = police) {
  const victim = await createProfile(agent, { roles: ['victim'], warningMarkers: ['violence'], ...body });
  await putPlan(agent, victim.id, { frequencyDays: 7 });
  await recordContact(agent, victim.id, { channel: 'visit', reached: true, at: daysAgoAt(daysAgo) });
  return victim;
}

const overdueOf = async (agent: Agent, query = ''): Promise<OverdueContact[]> => {
  const response = await agent.get(`/api/v1/victim-contacts/overdue${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};

describe('overdue contacts', () => {
  it('are those due before today in London, listed soonest first with how late they are, only for people the caller may open', async () => {
    const late = await weeklyVictim(20);
    const justLate = await weeklyVictim(8);
    const onTime = await weeklyVictim(7);
    const items = await overdueOf(police, `?teamId=${asbTeam}`);
    const ids = items.map((i) => i.profile.id);
    expect(ids).toEqual(expect.arrayContaining([late.id, justLate.id]));
    expect(ids).not.toContain(onTime.id);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(justLate.id));
    expect(items.find((i) => i.profile.id === late.id)).toMatchObject({
      nextContactDue: addDays(londonToday(), -13), daysOverdue: 13, frequencyDays: 7, lastContactAt: daysAgoAt(20),
      profile: { firstName: late.firstName, owner: { team: { name: 'ASB team' } }, safety: { warningMarkers: [expect.objectContaining({ key: 'violence' })] } },
    });

    // The council sees only the one shared with it; housing none; the other partnership none.
    await share(police, 'profiles', late.id, { teamId: structure.team('Demo District Council/Community Safety team').teamId, level: 'view' });
    expect((await overdueOf(await t.as(emails.council))).map((i) => i.profile.id)).toEqual([late.id]);
    expect(await overdueOf(await t.as(emails.housing))).toEqual([]);
    expect(await overdueOf(await t.as(emails.other))).toEqual([]);
    expectError(await (await t.as(emails.other)).get(`/api/v1/victim-contacts/overdue?teamId=${asbTeam}`), 404, 'not_found');

    // The overdue flag shows on the person too, and the list's read is audited with whom it named.
    expect((await police.get(`/api/v1/profiles/${late.id}/victim-care`)).json()).toMatchObject({ overdue: true, daysOverdue: 13 });
    const [event] = await storedAuditEvents(t, { actorId: await userId(t, emails.police), action: 'overdue_contacts.listed', limit: 1 });
    expect(event?.details).toMatchObject({ teamId: asbTeam, records: expect.arrayContaining([{ kind: 'profile', id: late.id }]) });
  });

  it('page by due date', async () => {
    await weeklyVictim(30);
    await weeklyVictim(31);
    const first = (await police.get('/api/v1/victim-contacts/overdue?limit=1')).json();
    const second = (await police.get(`/api/v1/victim-contacts/overdue?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].nextContactDue >= first.items[0].nextContactDue).toBe(true);
    expect(second.items[0].profile.id).not.toBe(first.items[0].profile.id);
    expectError(await police.get('/api/v1/victim-contacts/overdue?cursor=bogus'), 422, 'validation_failed');
  });
});

describe('the supervisors of the team', () => {
  it('are told once the contact is overdue beyond the partnership\'s grace period, once per date due', async () => {
    const late = await weeklyVictim(12);
    const withinGrace = await weeklyVictim(8);
    await sweepOverdueContacts(t.app.platform.runner);
    const notices = await noticesOf(t, emails.lead, 'contact_overdue', late.id);
    expect(notices).toEqual([{ message: `A victim's contact is overdue: it was due ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${addDays(londonToday(), -5)}T00:00:00Z`))}.`, link: `/profiles/${late.id}` }]);
    expect(notices[0]!.message).not.toContain(late.lastName);
    expect(await noticesOf(t, emails.lead, 'contact_overdue', withinGrace.id)).toEqual([]);
    // The practitioner and the organisation admin of the team are not its supervisors.
    expect(await noticesOf(t, emails.police, 'contact_overdue', late.id)).toEqual([]);
    expect(await noticesOf(t, emails.policeAdmin, 'contact_overdue', late.id)).toEqual([]);

    await sweepOverdueContacts(t.app.platform.runner);
    expect(await noticesOf(t, emails.lead, 'contact_overdue', late.id)).toHaveLength(1);

    // An attempt does not move the date, so no new alert; a contact that does, and falls overdue again, is a new date.
    await recordContact(police, late.id, { channel: 'visit', reached: false });
    await sweepOverdueContacts(t.app.platform.runner);
    expect(await noticesOf(t, emails.lead, 'contact_overdue', late.id)).toHaveLength(1);
    await recordContact(police, late.id, { channel: 'visit', reached: true, at: daysAgoAt(10) });
    await sweepOverdueContacts(t.app.platform.runner);
    expect(await noticesOf(t, emails.lead, 'contact_overdue', late.id)).toHaveLength(2);

    const events = await storedAuditEvents(t, { entityId: late.id, action: 'contact_plan.supervisors_alerted' });
    expect(events[0]?.details).toMatchObject({ by: 'overdue contact sweep', dueOn: addDays(londonToday(), -3), supervisorIds: [await userId(t, emails.lead)] });
  });

  it('are told once the team has one, when it had none as the contact fell overdue', async () => {
    // The council's Community Safety team has no admin and no one flagged as a supervisor.
    const victim = await weeklyVictim(12, {}, await t.as(emails.council));
    await sweepOverdueContacts(t.app.platform.runner);
    const stamp = async () => (await t.database.pool.query<{ at: Date | null }>(
      'select supervisors_alerted_at as at from contact_plans where profile_id = $1', [victim.id])).rows[0]!.at;
    expect(await stamp()).toBeNull();
    expect(await storedAuditEvents(t, { entityId: victim.id, action: 'contact_plan.supervisors_alerted' })).toEqual([]);

    await t.database.pool.query('update users set is_supervisor = true where email = $1', [emails.council]);
    try {
      await sweepOverdueContacts(t.app.platform.runner);
      expect(await noticesOf(t, emails.council, 'contact_overdue', victim.id)).toHaveLength(1);
      expect(await stamp()).not.toBeNull();
      const [event] = await storedAuditEvents(t, { entityId: victim.id, action: 'contact_plan.supervisors_alerted' });
      expect(event?.details).toMatchObject({ supervisorIds: [await userId(t, emails.council)] });
    } finally {
      await t.database.pool.query('update users set is_supervisor = false where email = $1', [emails.council]);
    }
  });

  it('wait for the grace period the partnership sets', async () => {
    const admin = await t.as(emails.admin);
    const settings = (await admin.get('/api/v1/victim-care/settings')).json();
    const changed = await admin.request('PUT', '/api/v1/victim-care/settings', {
      version: settings.version, cadenceDays: settings.cadenceDays, overdueGraceDays: 0, communityTrigger: settings.communityTrigger,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const victim = await weeklyVictim(8);
    await sweepOverdueContacts(t.app.platform.runner);
    expect(await noticesOf(t, emails.lead, 'contact_overdue', victim.id)).toHaveLength(1);
  });
});
