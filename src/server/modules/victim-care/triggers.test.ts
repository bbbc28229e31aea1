import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityTrigger } from '../../../shared/api/victim-care.ts';
import { addDays, londonToday } from '../../platform/london.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails, loadStructure } from '../sharing/records.fixtures.ts';
import { sweepCommunityTriggers } from './sweeps.ts';
import { coordinator, daysAgoAt, noticesOf, sharedVictim, victimCareOf, writeReport, type Structure } from './victim-care.fixtures.ts';

let t: TestApp;
let structure: Structure;
let police: Agent;
let council: Agent;

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
  await coordinator(t);
});
afterAll(() => t.close());

const triggersOf = async (agent: Agent): Promise<CommunityTrigger[]> => {
  const response = await agent.get('/api/v1/community-triggers');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};

const complaint = (agent: Agent, profileId: string, days: number, hour = 12) => writeReport(agent, 'profiles', profileId, 'asb-complaint', daysAgoAt(days, hour));

describe('the community trigger', () => {
  it('counts a victim\'s ASB complaints across agencies, one incident once however many agencies report it, and flags them at the third', async () => {
    const victim = await sharedVictim(t, structure);
    await complaint(police, victim.id, 20, 10);
    // The same incident reported to the council that afternoon counts once.
    await complaint(council, victim.id, 20, 15);
    expect(await victimCareOf(police, victim.id)).toMatchObject({
      communityTrigger: { complaints: 1, organisations: 2, since: addDays(londonToday(), -20), threshold: 3, months: 6, flag: null },
      prompt: null,
    });

    // At the second complaint the officer is prompted to tell the victim about the case review.
    await complaint(police, victim.id, 10);
    expect(await victimCareOf(police, victim.id)).toMatchObject({ communityTrigger: { complaints: 2, flag: null }, prompt: 'tell-about-case-review' });
    expect(await noticesOf(t, emails.lead, 'community_trigger', victim.id)).toEqual([]);

    // The third incident raises the flag in the report's own transaction and tells the coordinator.
    const third = await complaint(council, victim.id, 5);
    const care = await victimCareOf(police, victim.id);
    expect(care).toMatchObject({ communityTrigger: { complaints: 3, organisations: 2, flag: { basis: 'complaints', caseReviewId: null } }, prompt: null });
    const notices = await noticesOf(t, emails.lead, 'community_trigger', victim.id);
    expect(notices).toEqual([{ message: expect.stringContaining('3 ASB complaints from 2 agencies'), link: `/profiles/${victim.id}` }]);
    expect(notices[0]!.message).not.toContain(victim.lastName);
    const [raised] = await storedAuditEvents(t, { entityId: victim.id, action: 'community_trigger.raised' });
    expect(raised?.details).toMatchObject({ basis: 'complaints', complaints: 3, organisations: 2, by: 'report', reportId: third.id });

    // Listed as the contract says, for those who may open the person only.
    expect((await triggersOf(council)).find((f) => f.profile.id === victim.id)).toMatchObject({
      id: care.communityTrigger.flag!.id, basis: 'complaints', reports: 3, organisations: 2, since: addDays(londonToday(), -20), caseReview: null,
      profile: { firstName: victim.firstName, owner: { team: { name: 'ASB team' } } },
    });
    expect((await triggersOf(await t.as(emails.housing))).map((f) => f.profile.id)).not.toContain(victim.id);
    expect(await triggersOf(await t.as(emails.other))).toEqual([]);

    // A fourth complaint keeps the one flag, its counts brought up to date, and tells nobody again.
    await complaint(police, victim.id, 2);
    expect((await triggersOf(police)).find((f) => f.profile.id === victim.id)).toMatchObject({ reports: 4 });
    expect(await noticesOf(t, emails.lead, 'community_trigger', victim.id)).toHaveLength(1);
  });

  it('leaves out complaints older than the period, and reports of other types', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    await complaint(police, victim.id, 250);
    await complaint(police, victim.id, 240);
    await writeReport(police, 'profiles', victim.id, 'visit', daysAgoAt(3));
    await complaint(police, victim.id, 1);
    expect((await victimCareOf(police, victim.id)).communityTrigger).toMatchObject({ complaints: 1, flag: null });
  });

  it('counts for victims only: on their profile, or as a victim in a case', async () => {
    const perpetrator = await createProfile(police, { roles: ['perpetrator'] });
    for (const days of [3, 2, 1]) await complaint(police, perpetrator.id, days);
    expect((await victimCareOf(police, perpetrator.id)).communityTrigger).toMatchObject({ complaints: 0, flag: null });
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Threats on the estate' })).json();
    expect((await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: perpetrator.id, role: 'victim' })).statusCode).toBe(201);
    await complaint(police, perpetrator.id, 4);
    expect((await victimCareOf(police, perpetrator.id)).communityTrigger).toMatchObject({ complaints: 4, flag: { basis: 'complaints' } });
  });

  it('is met at once by a hate incident, a local variant the partnership may turn off', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    await writeReport(police, 'profiles', victim.id, 'hate-incident', daysAgoAt(1));
    expect((await victimCareOf(police, victim.id)).communityTrigger).toMatchObject({ hateIncidents: 1, flag: { basis: 'hate' } });
    expect(await noticesOf(t, emails.lead, 'community_trigger', victim.id)).toEqual([{ message: expect.stringContaining('a hate incident'), link: `/profiles/${victim.id}` }]);
  });

  it('is met by enough complaints about one place the victim lives, whoever made them', async () => {
    const location = (await police.post('/api/v1/locations', { addressLine1: '4 Trigger Row', town: 'Demo Town', postcode: 'NG1 5AB', confirmNoDuplicate: true })).json();
    const victim = await createProfile(police, { roles: ['victim'], addresses: [{ addressLine1: '4 Trigger Row', postcode: 'NG1 5AB', locationId: location.id }] });
    for (const days of [30, 20, 10, 5]) await writeReport(police, 'locations', location.id, 'asb-complaint', daysAgoAt(days));
    expect((await victimCareOf(police, victim.id)).communityTrigger).toMatchObject({ locationComplaints: 4, complaints: 0, flag: null });
    await writeReport(police, 'locations', location.id, 'asb-complaint', daysAgoAt(1));
    expect((await victimCareOf(police, victim.id)).communityTrigger).toMatchObject({ locationComplaints: 5, flag: { basis: 'location' } });
  });

  it('is counted again each night for everyone: the flags reports did not raise are raised, those no longer met cleared', async () => {
    const admin = await t.as(emails.admin);
    const twice = await createProfile(police, { roles: ['victim'] });
    await complaint(police, twice.id, 3);
    await complaint(police, twice.id, 2);
    const alsoTwice = await createProfile(police, { roles: ['victim'] });
    await complaint(police, alsoTwice.id, 5);
    await complaint(police, alsoTwice.id, 4);
    const fading = await createProfile(police, { roles: ['victim'] });
    for (const days of [9, 8, 7]) await complaint(police, fading.id, days);
    expect((await victimCareOf(police, fading.id)).communityTrigger.flag).not.toBeNull();

    // The partnership lowers its threshold to two; its complaints about `fading` age out of the period.
    const settings = (await admin.get('/api/v1/victim-care/settings')).json();
    const lowered = await admin.request('PUT', '/api/v1/victim-care/settings', {
      version: settings.version, cadenceDays: settings.cadenceDays, overdueGraceDays: settings.overdueGraceDays,
      communityTrigger: { ...settings.communityTrigger, complaints: 2 },
    });
    expect(lowered.statusCode, lowered.body).toBe(200);
    await t.database.pool.query(
      `update reports set occurred_at = occurred_at - interval '1 year' where record_kind = 'profile' and record_id = $1`, [fading.id],
    );

    // One flag per transaction here: the sweep goes on until a batch is not full.
    expect(await sweepCommunityTriggers(t.app.platform.runner, 1)).toBeGreaterThanOrEqual(2);
    expect((await victimCareOf(police, twice.id)).communityTrigger).toMatchObject({ threshold: 2, flag: { basis: 'complaints' } });
    expect((await victimCareOf(police, alsoTwice.id)).communityTrigger.flag).not.toBeNull();
    expect(await noticesOf(t, emails.lead, 'community_trigger', twice.id)).toHaveLength(1);
    const [raised] = await storedAuditEvents(t, { entityId: twice.id, action: 'community_trigger.raised' });
    expect(raised?.details).toMatchObject({ by: 'sweep' });

    expect((await victimCareOf(police, fading.id)).communityTrigger.flag).toBeNull();
    const [cleared] = await storedAuditEvents(t, { entityId: fading.id, action: 'community_trigger.cleared' });
    expect(cleared?.details).toMatchObject({ why: 'no longer met' });

    // Run again, nothing changes and nobody is told twice.
    expect(await sweepCommunityTriggers(t.app.platform.runner)).toBe(0);
    expect(await noticesOf(t, emails.lead, 'community_trigger', twice.id)).toHaveLength(1);
  });
});
