import type { FastifyBaseLogger } from 'fastify';
import type { Platform } from '../../platform/http/types.ts';
import { tellClient } from '../portal/service.ts';
import * as q from './queries.ts';

const system = { actor: null, origin: { ip: null } };
const batch = 200;
const everyMs = 5 * 60_000;

type Deps = Pick<Platform, 'runner' | 'mailer' | 'publicUrl'>;

/**
 * Reminds each client with live access, once, of a booked appointment starting within the next
 * day, by the channel their contact plan marks safe. The reminder names neither the service nor
 * the place; one withheld because no channel is safe is still stamped and audited as such.
 * Returns how many appointments it claimed.
 */
export async function sweepAppointmentReminders(platform: Deps): Promise<number> {
  let claimedAll = 0;
  for (;;) {
    const claimed = await platform.runner.run(system, async (ctx) => {
      const rows = await q.claimDueReminders(ctx.tx, batch);
      for (const a of rows) {
        const told = await tellClient(ctx, platform, a.access_id, { kind: 'appointment_reminder', startsAt: a.starts_at });
        ctx.audit({
          action: 'appointment.reminder_sent',
          entityType: 'appointment',
          entityId: a.id,
          subjectOrganisationId: a.owner_organisation_id,
          subjectTeamId: a.owner_team_id,
          details: { profileId: a.profile_id, channel: told.channel, withheld: told.withheld },
        });
      }
      return rows.length;
    });
    claimedAll += claimed;
    if (claimed < batch) return claimedAll;
  }
}

/** Runs the reminders every five minutes: a day's notice needs no finer clock. Returns the stopper. */
export function startReminderSweep(platform: Deps, log: Pick<FastifyBaseLogger, 'error'>): () => void {
  const timer = setInterval(() => {
    sweepAppointmentReminders(platform).catch((error: unknown) => log.error({ err: error }, 'could not send appointment reminders'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
