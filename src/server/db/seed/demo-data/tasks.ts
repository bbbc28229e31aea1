import type { TaskPriority, TaskStatus, TaskUpdateKind } from '../../../../shared/work.ts';
import { addDays } from '../../../platform/london.ts';
import { tasks, taskUpdates } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import { insertAll } from './insert.ts';
import type { Partners } from './model.ts';
import { authorOf, sometimeIn, type Subject, type Subjects } from './reports.ts';
import type { World, Worker } from './world.ts';

const caseTitles = [
  'Deliver the warning letter', 'Arrange the ABC meeting with the young person and a parent', 'Check the CCTV at Station Parade', 'Update the victim on progress',
  'Refer both households to mediation', 'Ask housing for a tenancy check', 'Book an interpreter for the next visit', 'Chase the noise diary', 'Serve the Community Protection Warning',
  'Prepare the injunction evidence bundle', 'Arrange a joint visit with housing', 'Ask the licensing officer to review the premises',
];
const personTitles = ['Welfare check', 'Complete the VICTIM screening', 'Refer to Victim Support with consent', 'Safeguarding referral to adult social care', 'Check for new intelligence'];
const results = ['Done; see the latest report', 'Letter delivered by hand', 'Visit made; all well', 'Referral sent and acknowledged', 'Footage reviewed; nothing useful', 'Meeting held and agreed'];

type Outcome = 'on time' | 'late' | 'overdue' | 'cancelled' | 'declined' | 'open' | 'accepted' | 'early';

export interface Tasked {
  tasks: number;
  updates: number;
}

/**
 * Tasks on cases and people: set by someone who works the record for one of their team, the
 * team or the organisation; completed on time or late, cancelled, declined, still open or overdue.
 * Overdue ones were notified as the overdue sweep does, but for those due yesterday, which it tells of on start.
 */
export async function seedTasks(tx: Tx, world: World, subjects: Subjects, partners: Partners): Promise<Tasked> {
  const { random, clock } = world;
  const taskRows: (typeof tasks.$inferInsert)[] = [];
  const updateRows: (typeof taskUpdates.$inferInsert)[] = [];
  const caseSubjects = [...subjects.cases.values()];
  const personSubjects = [...subjects.people.values()];
  const step = (taskId: string, kind: TaskUpdateKind, by: Worker, at: Date, note: string | null = null) =>
    updateRows.push({ taskId, kind, note, authorId: by.id, authorTeamId: by.teamId, authorOrganisationId: by.organisationId, createdAt: at });
  const lastEvening = clock.at(clock.daysAgo(1), 19);
  const byYesterday = (at: Date) => (at.getTime() < lastEvening.getTime() ? at : lastEvening);

  for (let i = 0; i < 400; i++) {
    const subject: Subject = random.chance(0.7) ? random.pick(caseSubjects) : random.pick(personSubjects);
    const setter = authorOf(world, partners, subject);
    const setAt = sometimeIn(world, subject, [9, 16]);
    const dueOn = addDays(clock.dateOf(setAt), random.int(3, 28));
    const finished = subject.until < clock.daysAgo(1);
    const outcome: Outcome = finished ? random.weighted<Outcome>([['on time', 8], ['late', 2], ['cancelled', 1]])
      : dueOn < clock.today ? random.weighted<Outcome>([['on time', 60], ['late', 20], ['cancelled', 5], ['declined', 3], ['overdue', 12]])
        : random.weighted<Outcome>([['open', 45], ['accepted', 40], ['early', 15]]);
    const to = random.weighted<'user' | 'team' | 'organisation'>([['user', 70], ['team', 25], ['organisation', 5]]);
    const team = to === 'user' ? setter.team : random.chance(0.7) ? subject.team : setter.team;
    const doer = to === 'user' ? random.pick(world.workers[setter.team]) : random.pick(world.workers[team]);
    const id = random.id(setAt);
    const steps = updateRows.length;
    step(id, 'set', setter, setAt);
    const acceptedAt = new Date(setAt.getTime() + random.int(30, 180) * 60_000);
    const accepted = outcome !== 'open' && outcome !== 'declined' && outcome !== 'cancelled' && !(outcome === 'overdue' && random.chance(0.4));
    if (accepted) step(id, 'accepted', doer, acceptedAt);
    let status: TaskStatus = accepted ? 'accepted' : 'open';
    let completedAt: Date | null = null;
    let result: string | null = null;
    let declineReason: string | null = null;
    let last = accepted ? acceptedAt : setAt;
    if (outcome === 'on time' || outcome === 'early' || outcome === 'late') {
      const day = outcome === 'late'
        ? addDays(dueOn, random.int(1, 20))
        : addDays(clock.dateOf(acceptedAt), random.int(0, Math.max(0, Math.round((Date.parse(dueOn) - Date.parse(clock.dateOf(acceptedAt))) / 86_400_000))));
      const when = clock.at(day < clock.today ? day : clock.daysAgo(1), random.int(10, 17), random.int(0, 59));
      completedAt = when.getTime() > acceptedAt.getTime() ? when : new Date(acceptedAt.getTime() + 60 * 60_000);
      result = random.pick(results);
      status = 'completed';
      step(id, 'completed', doer, completedAt, result);
      last = completedAt;
    } else if (outcome === 'declined') {
      declineReason = 'Not for our team: please ask the housing association';
      status = 'declined';
      step(id, 'declined', doer, acceptedAt, declineReason);
      last = acceptedAt;
    } else if (outcome === 'cancelled') {
      status = 'cancelled';
      last = byYesterday(new Date(setAt.getTime() + random.int(1, 5) * 86_400_000));
      step(id, 'cancelled', setter, last, 'No longer needed');
    }
    const overdue = (status === 'open' || status === 'accepted') && dueOn < clock.today;
    taskRows.push({
      id,
      partnershipId: world.partnershipId,
      recordKind: subject.kind,
      recordId: subject.id,
      title: random.pick(subject.kind === 'case' ? caseTitles : personTitles),
      description: random.chance(0.3) ? 'See the latest report on the record for the background.' : null,
      priority: random.weighted<TaskPriority>([['normal', 60], ['high', 20], ['low', 10], ['urgent', 10]]),
      dueOn,
      assignedUserId: to === 'user' ? doer.id : null,
      assignedTeamId: to === 'team' ? world.teams[team].id : null,
      assignedOrganisationId: to === 'organisation' ? world.teams[team].organisationId : null,
      status,
      acceptedBy: accepted ? doer.id : null,
      declineReason,
      result,
      completedAt,
      setBy: setter.id,
      setByTeamId: setter.teamId,
      setByOrganisationId: setter.organisationId,
      overdueNotifiedAt: overdue && dueOn < clock.daysAgo(1) ? clock.at(addDays(dueOn, 1), 0, 5) : null,
      // Each step after setting it changed the task once.
      version: updateRows.length - steps,
      createdAt: setAt,
      updatedAt: last,
    });
  }
  await insertAll(tx, tasks, taskRows);
  await insertAll(tx, taskUpdates, updateRows);
  return { tasks: taskRows.length, updates: updateRows.length };
}
