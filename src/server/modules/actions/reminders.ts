import type { Actor } from '../../platform/access/actor.ts';
import type { Runner } from '../../platform/context.ts';
import { notify } from '../notifications/notify.ts';
import * as q from './queries.ts';

const batch = 100;

const londonTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false });
const londonDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });

/**
 * What the reminder says, in the app and by email: only when it was for, never its title or the
 * record, since email must not carry personal details. The app shows the title when opened.
 */
export function reminderMessage(dueAt: Date, now: Date): string {
  const day = londonDay.format(dueAt);
  return `Reminder due: set for ${londonTime.format(dueAt)} ${day === londonDay.format(now) ? 'today' : `on ${day}`}`;
}

/**
 * Sends the reminders that have fallen due, once each, to the person who set them and those
 * they shared them with. Runs as the system; each reminder goes out on behalf of its setter,
 * whose partnership bounds who may receive it. Returns how many reminders went out.
 */
export async function sweepReminders(runner: Runner, now = new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const claimed = await runner.run({ actor: null, origin: { ip: null } }, async (ctx) => {
      const due = await q.claimDueActions(ctx.tx, now, batch);
      const recipients = await q.recipientsOf(ctx.tx, due.map((a) => a.id));
      for (const action of due) {
        const person = await q.personOf(ctx.tx, action.createdBy);
        if (!person) continue;
        const setter: Actor = { kind: 'user', readOnly: false, ...person };
        const userIds = [action.createdBy, ...recipients.filter((r) => r.actionId === action.id).map((r) => r.id)];
        const message = reminderMessage(action.dueAt, now);
        await notify({ ...ctx, actor: setter }, userIds.map((userId) => ({
          userId, kind: 'action_due' as const, message, link: `/actions/${action.id}`, subjectId: action.id,
        })));
        ctx.emit({ type: 'action.changed', audience: { userIds }, data: { id: action.id } });
        ctx.audit({
          action: 'action.reminded',
          actor: setter,
          entityType: 'action',
          entityId: action.id,
          subjectOrganisationId: action.createdByOrganisationId,
          subjectTeamId: action.createdByTeamId,
          details: { by: 'reminder sweep', recipientIds: userIds },
        });
      }
      return due.length;
    });
    sent += claimed;
    if (claimed < batch) return sent;
  }
}
