import type { ContactChannel } from '../../../../shared/victim-care.ts';
import { victimCareDefaults } from '../../../../shared/victim-care.ts';
import { addDays } from '../../../platform/london.ts';
import { contactPlans, type victimContacts } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import { insertAll } from './insert.ts';
import type { CaseFile, Partners } from './model.ts';
import { authorOf, reportOn, type ReportRow, type Subjects } from './reports.ts';
import type { World } from './world.ts';

const safeTimes = ['Weekdays after 5pm', 'Mornings only', 'Not at weekends', 'Any time', null];
const notes = ['Talked through the latest incidents', 'Checked how they are coping', 'Gave an update on the case', 'No answer; tried again later', null];

export interface Cared {
  plans: number;
  /** Stored after the reports, since some point at the "Victim update" report that recorded them. */
  contacts: (typeof victimContacts.$inferInsert)[];
  reports: ReportRow[];
}

/**
 * A contact plan for each victim on an open case, tied to the first such case (as linking a
 * victim to a case gives one) at the cadence of their risk level, and the contacts since: most
 * kept up, some lapsed and now overdue. Some contacts were recorded by a "Victim update" report.
 */
export async function seedVictimCare(tx: Tx, world: World, files: CaseFile[], subjects: Subjects, partners: Partners): Promise<Cared> {
  const { random, clock } = world;
  const { cadenceDays, overdueGraceDays } = victimCareDefaults;
  const planRows: (typeof contactPlans.$inferInsert)[] = [];
  const contactRows: Cared['contacts'] = [];
  const reports: ReportRow[] = [];
  const planned = new Set<string>();
  for (const c of files.filter((f) => !f.closedAt)) {
    for (const { person } of c.people.filter((p) => p.role === 'victim' && !planned.has(p.person.id))) {
      planned.add(person.id);
      const subject = subjects.people.get(person.id)!;
      const frequencyDays = person.riskLevel ? cadenceDays[person.riskLevel] : cadenceDays.notAssessed;
      const safe = { safeToText: random.chance(0.5), safeToVoicemail: random.chance(0.3), safeToEmail: random.chance(0.2), safeToLetter: random.chance(0.4) };
      const channels: ContactChannel[] = ['phone', 'phone', 'visit', ...(safe.safeToText ? ['text' as const] : []), ...(safe.safeToEmail ? ['email' as const] : []), ...(safe.safeToLetter ? ['letter' as const] : [])];
      const setAt = new Date(c.openedAt.getTime() + 15 * 60_000);
      // Every fourth plan has lapsed: its contacts stop some weeks before today, so it is overdue now.
      const stopBy = planRows.length % 4 === 3 ? clock.daysAgo(frequencyDays + random.int(5, 40)) : clock.daysAgo(1);
      let lastContactAt: Date | null = null;
      for (let day = addDays(clock.dateOf(setAt), frequencyDays + random.int(-3, 1)); day <= stopBy; day = addDays(day, frequencyDays + random.int(-3, 2))) {
        const recorder = authorOf(world, partners, subject);
        if (random.chance(0.15)) {
          const channel = random.pick(channels);
          contactRows.push({
            partnershipId: world.partnershipId, profileId: person.id, at: clock.at(day, 9, random.int(0, 59)), channel, reached: false,
            voicemailLeft: channel === 'phone' && safe.safeToVoicemail, note: 'No answer', recordedBy: recorder.id, recordedByTeamId: recorder.teamId,
            recordedByOrganisationId: recorder.organisationId, createdAt: clock.at(day, 10),
          });
        }
        const at = clock.at(day, random.int(11, 17), random.int(0, 59));
        lastContactAt = at;
        if (random.chance(0.25) && !person.unexplained) {
          const report = reportOn(world, partners, subject, 'victim-update', at);
          reports.push(report);
          contactRows.push({
            partnershipId: world.partnershipId, profileId: person.id, at, channel: null, reached: true, reportId: report.id, recordedBy: report.authorId,
            recordedByTeamId: report.authorTeamId, recordedByOrganisationId: report.authorOrganisationId, createdAt: report.createdAt,
          });
        } else {
          contactRows.push({
            partnershipId: world.partnershipId, profileId: person.id, at, channel: random.pick(channels), reached: true, note: random.pick(notes),
            recordedBy: recorder.id, recordedByTeamId: recorder.teamId, recordedByOrganisationId: recorder.organisationId, createdAt: new Date(at.getTime() + 20 * 60_000),
          });
        }
      }
      const nextContactDue = addDays(clock.dateOf(lastContactAt ?? setAt), frequencyDays);
      const alertDay = addDays(nextContactDue, overdueGraceDays + 1);
      planRows.push({
        profileId: person.id, partnershipId: world.partnershipId, caseId: c.id, frequencyDays, preferredChannel: random.pick(channels), safeTimes: random.pick(safeTimes),
        ...safe, lastContactAt, nextContactDue,
        // Supervisors of a long-lapsed plan were told when it passed its grace, as the sweep would have done.
        supervisorsAlertedAt: alertDay < clock.today ? clock.at(alertDay, 7) : null,
        setBy: c.leadId, createdAt: setAt, updatedAt: lastContactAt ?? setAt,
      });
    }
  }
  await insertAll(tx, contactPlans, planRows);
  return { plans: planRows.length, contacts: contactRows, reports };
}
