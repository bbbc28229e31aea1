import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { emails, loadStructure } from '../sharing/records.fixtures.ts';
import { userId } from '../tasks/tasks.fixtures.ts';
import { sweepOverdueReferrals } from './desk/sweep.ts';
import { actorOf, askReferrer, keyIn, noticesAbout, step, storedReferral, uniqueReferral } from './referrals.fixtures.ts';

let t: TestApp;
let police: Agent;
let actor: Actor;

beforeAll(async () => {
  t = await startTestApp();
  police = await t.as(emails.police);
  actor = await actorOf(police);
});
afterAll(() => t.close());

const sweep = () => sweepOverdueReferrals(t.app.platform.runner);
/** Received on a Monday morning in November: its decision was due by 17:00 on the Wednesday. */
const lateBody = (extra: Record<string, unknown> = {}) => uniqueReferral({ receivedAt: '2026-11-02T09:00:00.000Z', ...extra });

describe('the overdue sweep', () => {
  it('tells the desk\'s supervisors once per due time, by reference, naming nobody', async () => {
    const body = lateBody();
    const { id, reference } = await keyIn(police, body);
    const onTime = await keyIn(police);
    await sweep();
    const leadId = await userId(t, emails.lead);
    const notices = await noticesAbout(t, id, 'referral_overdue');
    expect(notices).toEqual([{
      user_id: leadId,
      kind: 'referral_overdue',
      message: `A decision on referral ${reference} on the ASB team triage desk is overdue: it was due at 17:00 on 4 Nov 2026.`,
      link: `/referrals/${id}`,
    }]);
    for (const secret of [body.subject.firstName, body.subject.lastName, body.concern]) expect(notices[0]!.message).not.toContain(secret);
    expect(await noticesAbout(t, onTime.id, 'referral_overdue')).toEqual([]);
    const [alerted] = await storedAuditEvents(t, { entityId: id, action: 'referral.supervisors_alerted' });
    expect(alerted).toMatchObject({
      details: { by: 'overdue referral sweep', reference, decisionDueAt: '2026-11-04T17:00:00.000Z', supervisorIds: [leadId] },
    });
    expect((await storedReferral(t, id)).supervisors_alerted_at).not.toBeNull();

    await sweep();
    expect(await noticesAbout(t, id, 'referral_overdue')).toHaveLength(1);

    // Waiting for the referrer stops the clock: no alert. Their answer moves the due time on, a new one to hear of.
    await askReferrer(t, actor, id, 'Is the child at school?');
    expect((await storedReferral(t, id)).supervisors_alerted_at).not.toBeNull();
    const recorded = await police.post(`/api/v1/referrals/${id}/information`, { information: 'Yes, every day.' });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect((await storedReferral(t, id)).supervisors_alerted_at).toBeNull();
    await sweep();
    expect(await noticesAbout(t, id, 'referral_overdue')).toHaveLength(2);
  });

  it('leaves alone those waiting for the referrer and those finished with', async () => {
    const waiting = await keyIn(police, lateBody());
    await askReferrer(t, actor, waiting.id, 'Which door?');
    const declined = await keyIn(police, lateBody());
    await step(t, actor, declined.id, 'decline');
    await sweep();
    expect(await noticesAbout(t, waiting.id, 'referral_overdue')).toEqual([]);
    expect(await noticesAbout(t, declined.id, 'referral_overdue')).toEqual([]);
    expect((await storedReferral(t, waiting.id)).supervisors_alerted_at).toBeNull();
  });

  it('waits for a team with no supervisor to have one', async () => {
    const place = await loadStructure(t);
    const { id } = await keyIn(police, lateBody({ teamId: place.team('Demo District Council/Community Safety team').teamId }));
    await sweep();
    expect((await storedReferral(t, id)).supervisors_alerted_at).toBeNull();
    await t.database.pool.query('update users set is_supervisor = true where email = $1', [emails.council]);
    try {
      await sweep();
      expect((await noticesAbout(t, id, 'referral_overdue')).map((n) => n.user_id)).toEqual([await userId(t, emails.council)]);
    } finally {
      await t.database.pool.query('update users set is_supervisor = false where email = $1', [emails.council]);
    }
  });
});
