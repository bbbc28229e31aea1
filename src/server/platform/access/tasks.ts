import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from './actor.ts';
import { supervisesOwnTeam } from './administration.ts';

/**
 * Whether the task is set for a team the actor supervises (canSuperviseTeam) or for one of its
 * officers, or taken on by one: a supervisor follows their officers' work wherever it was set
 * from, and may hand it to another officer.
 */
export function supervisesAssignee(actor: Actor): SQL {
  if (actor.kind === 'user' && actor.role === 'organisation_admin') {
    return sql`(exists (select 1 from teams st where st.id = tasks.assigned_team_id and st.organisation_id = ${actor.organisationId})
      or exists (select 1 from users m join teams mt on mt.id = m.team_id
        where m.id in (tasks.assigned_user_id, tasks.accepted_by) and mt.organisation_id = ${actor.organisationId}))`;
  }
  if (!supervisesOwnTeam(actor)) return sql`false`;
  return sql`(tasks.assigned_team_id = ${actor.teamId}
    or exists (select 1 from users m where m.id in (tasks.assigned_user_id, tasks.accepted_by) and m.team_id = ${actor.teamId}))`;
}

/**
 * The parties to a task: the person who set it and their team, the person, team or organisation
 * it is set for, whoever took it on, and their supervisors. The tasks module adds the people who
 * can open its record and a standalone task's watchers; the audit viewer shows a standalone
 * task's values to its parties alone. Written with the table's name, as both read it inside a subquery on `tasks`.
 */
export function isTaskParty(actor: Actor): SQL {
  return sql`(tasks.set_by = ${actor.id} or tasks.set_by_team_id = ${actor.teamId}
    or tasks.assigned_user_id = ${actor.id} or tasks.assigned_team_id = ${actor.teamId}
    or tasks.assigned_organisation_id = ${actor.organisationId} or tasks.accepted_by = ${actor.id}
    or ${supervisesAssignee(actor)})`;
}
