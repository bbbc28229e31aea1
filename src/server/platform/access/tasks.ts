import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from './actor.ts';

/**
 * The parties to a task: the person who set it and their team, the person, team or organisation
 * it is set for, and whoever took it on. The tasks module adds the people who can open its record
 * and a standalone task's watchers; the audit viewer shows a standalone task's values to its
 * parties alone. Written with the table's name, as both read it inside a subquery on `tasks`.
 */
export function isTaskParty(actor: Actor): SQL {
  return sql`(tasks.set_by = ${actor.id} or tasks.set_by_team_id = ${actor.teamId}
    or tasks.assigned_user_id = ${actor.id} or tasks.assigned_team_id = ${actor.teamId}
    or tasks.assigned_organisation_id = ${actor.organisationId} or tasks.accepted_by = ${actor.id})`;
}
