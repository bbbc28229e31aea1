import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './actor.ts';
import { canManageTeam, isSystemAdmin } from './administration.ts';

/** A scheme as its rules need it: the partnership it belongs to and the team that runs it. */
export interface SchemeTeam {
  partnershipId: string;
  teamId: string;
  organisationId: string;
}

/**
 * A scheme is run by one team. Its administrators are those who manage that team (its team
 * admins, its organisation's admins, the partnership's system admins): they approve cards and
 * read the look-ups. Its staff are the team's members; the scheme's details of a cardholder are
 * theirs, the holder's keyworker's and, through a look-up, a responder's, nobody else's.
 */
export function isSchemeAdmin(actor: Actor, scheme: SchemeTeam): boolean {
  return actor.kind === 'user' && actor.partnershipId === scheme.partnershipId
    && canManageTeam(actor, { id: scheme.teamId, organisationId: scheme.organisationId });
}

export function isSchemeStaff(actor: Actor, scheme: SchemeTeam): boolean {
  return actor.kind === 'user' && actor.partnershipId === scheme.partnershipId && actor.teamId === scheme.teamId;
}

/** Reads the register and a cardholder's scheme details. */
export const readsScheme = (actor: Actor, scheme: SchemeTeam) => isSchemeStaff(actor, scheme) || isSchemeAdmin(actor, scheme);

/** Changes a cardholder's details, confirms reviews, withdraws: staff who may write, and the admins. */
export const worksScheme = (actor: Actor, scheme: SchemeTeam) =>
  isSchemeAdmin(actor, scheme) || (isSchemeStaff(actor, scheme) && actor.role !== 'read_only');

/** The same as `readsScheme`, in SQL over the scheme's team column, for the audit trail's values. */
export function readsSchemeSql(reader: Actor, teamId: SQL | AnyPgColumn): SQL {
  if (reader.kind !== 'user') return sql`false`;
  if (isSystemAdmin(reader)) return sql`true`;
  const organisation = reader.role === 'organisation_admin'
    ? sql` or exists (select 1 from teams st where st.id = ${teamId} and st.organisation_id = ${reader.organisationId})`
    : sql``;
  return sql`(${teamId} = ${reader.teamId}${organisation})`;
}
