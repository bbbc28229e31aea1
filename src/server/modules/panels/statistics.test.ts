import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { addToAgenda, createMeeting, createPanel, daysFromToday, fireOfficer, refer } from './panels.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

describe('a panel\'s statistics', () => {
  it('counts referrals, repeats and the repeat rate, criteria and actions done on time over a date range, and exports them', async () => {
    const lead = await t.as(emails.lead);
    const panel = await createPanel(lead, place);
    const people = await Promise.all([1, 2, 3].map(() => createProfile(lead)));
    const subject = (i: number) => ({ type: 'profile' as const, id: people[i]!.id });
    await refer(lead, panel.id, subject(0), { criteria: ['dash-14'] });
    await refer(lead, panel.id, subject(1), { criteria: ['ram-high', 'professional-judgement'] });
    const repeat = await refer(lead, panel.id, subject(0), { criteria: ['dash-14'] });
    expect(repeat.repeat).toBe(true);
    const old = await refer(lead, panel.id, subject(2), { criteria: ['escalation'] });
    await t.database.db.execute(sql`update panel_referrals set created_at = now() - interval '2 years' where id = ${old.id}`);
    const withdrawn = await refer(lead, panel.id, subject(2), { criteria: ['escalation'] });
    expect((await lead.post(`/api/v1/panel-referrals/${withdrawn.id}/withdraw`, { reason: 'Duplicate' })).statusCode).toBe(200);

    // Two actions: one done on time, one still open.
    const meeting = await createMeeting(lead, panel.id);
    const item = await addToAgenda(lead, meeting.id, repeat.id);
    const action = (title: string) => lead.post(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/actions`, { title, assignee: { userId: (panel.chair as { id: string }).id }, dueDate: daysFromToday(5) });
    const done = (await action('Speak to the school')).json().taskId;
    await action('Refer to the IDVA');
    expect((await lead.post(`/api/v1/tasks/${done}/accept`, {})).statusCode).toBe(200);
    expect((await lead.post(`/api/v1/tasks/${done}/complete`, { result: 'Spoken to the head teacher' })).statusCode).toBe(200);

    const from = daysFromToday(-30);
    const to = daysFromToday(1);
    const council = await t.as(emails.council);
    const stats = await council.get(`/api/v1/panels/${panel.id}/statistics?from=${from}&to=${to}`);
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json()).toMatchObject({
      panel: { id: panel.id, kind: 'MARAC' },
      from,
      to,
      referrals: 3,
      repeatReferrals: 1,
      repeatRate: 0.333,
      actions: 2,
      actionsCompleted: 1,
      actionsCompletedOnTime: 1,
    });
    expect(stats.json().byCriterion).toEqual([
      { criterion: 'dash-14', count: 2 },
      { criterion: 'ram-high', count: 1 },
      { criterion: 'professional-judgement', count: 1 },
      { criterion: 'escalation', count: 0 },
      { criterion: 'repeat', count: 1 },
    ]);
    // Without a range, every referral counts; withdrawn ones never do.
    expect((await council.get(`/api/v1/panels/${panel.id}/statistics`)).json()).toMatchObject({ referrals: 4, repeatReferrals: 1, repeatRate: 0.25 });
    expectError(await council.get(`/api/v1/panels/${panel.id}/statistics?from=${to}&to=${from}`), 422, 'validation_failed');
    expectError(await council.get(`/api/v1/panels/${panel.id}/statistics?from=yesterday`), 422, 'validation_failed');
    expect((await auditOf(t, panel.id, 'panel_statistics.viewed'))[0]?.details).toMatchObject({ referrals: 4 });

    const csv = await council.get(`/api/v1/panels/${panel.id}/statistics.csv?from=${from}&to=${to}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Panel,From,To,Referrals,Repeat referrals,Repeat rate,Actions agreed,Actions completed,Actions completed on time');
    expect(lines[1]).toBe(`${panel.name},${from},${to},3,1,0.333,2,1,1`);
    expect(lines).toContain('DASH score of 14 or more,2');
    expect((await auditOf(t, panel.id, 'panel_statistics.exported'))).toHaveLength(1);
  });

  it('is refused to another organisation of the partnership and unknown to the other partnership', async () => {
    const panel = await createPanel(await t.as(emails.lead), place);
    const fire = await fireOfficer(t, place);
    expectError(await fire.agent.get(`/api/v1/panels/${panel.id}/statistics`), 403, 'no_access');
    expectError(await fire.agent.get(`/api/v1/panels/${panel.id}/statistics.csv`), 403, 'no_access');
    expectError(await (await t.as(emails.other)).get(`/api/v1/panels/${panel.id}/statistics`), 404, 'not_found');
  });
});
