import type { Agent, TestApp } from '../../test/harness.ts';
import { emails, enrolledUser, loadStructure } from '../sharing/records.fixtures.ts';

/** Test helpers for the task suites: tasks made through the API, as people make them. */

export const future = '2030-01-15';

/** A date some days before today, so a task due then is overdue whatever the time of day in London. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export async function setTask(agent: Agent, body: Record<string, unknown>) {
  const response = await agent.post('/api/v1/tasks', { title: 'Visit the tenant about the noise', dueOn: future, ...body });
  if (response.statusCode !== 201) throw new Error(`could not set a task: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; version: number; status: string };
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.database.pool.query<{ id: string }>('select id from users where email = $1', [email]);
  if (!rows[0]) throw new Error(`no user ${email}`);
  return rows[0].id;
}

/** The notifications a person holds about a task, read straight from the table. */
export async function noticesAbout(t: TestApp, email: string, taskId: string) {
  const { rows } = await t.database.pool.query<{ kind: string; message: string; link: string }>(
    'select kind, message, link from notifications where user_id = $1 and subject_id = $2 order by created_at, id',
    [await userId(t, email), taskId],
  );
  return rows;
}

/**
 * The agencies the task suites set work between: the police officer who sets it, the housing
 * tenancy team and the council's community safety team it is set for, each signed in once.
 */
export async function taskingCast(t: TestApp) {
  const structure = await loadStructure(t);
  return {
    structure,
    tenancy: structure.team('Demo Housing Association/Tenancy team'),
    communitySafety: structure.team('Demo District Council/Community Safety team'),
    police: await t.as(emails.police),
    housing: await t.as(emails.housing),
    council: await t.as(emails.council),
  };
}

/** A fire service practitioner: another organisation of the partnership, with no access to these records. */
export async function firePractitioner(t: TestApp, structure: Awaited<ReturnType<typeof loadStructure>>): Promise<Agent> {
  const fire = structure.team('Demo Fire and Rescue Service/Community Safety team');
  return (await enrolledUser(t, emails.admin, { name: 'Fay Fire', role: 'practitioner', teamId: fire.teamId })).agent;
}
