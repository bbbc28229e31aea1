import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './actor.ts';
import { canManageOrganisation } from './administration.ts';

/**
 * Subject access requests (D9). A request belongs to the organisation whose administrator started
 * it: its organisation admins and the partnership's system admins handle it (clock, extension,
 * download). Each organisation whose records it collected reviews its own items: that
 * organisation's admins, or a system admin on its behalf. People only, never an API token.
 */
export interface SarOwner {
  partnershipId: string;
  organisationId: string;
}

export function canHandleSar(actor: Actor, sar: SarOwner): boolean {
  return actor.kind === 'user' && actor.partnershipId === sar.partnershipId && canManageOrganisation(actor, sar.organisationId);
}

export function canReviewSarItems(actor: Actor, sar: SarOwner, organisationId: string): boolean {
  return actor.kind === 'user' && actor.partnershipId === sar.partnershipId && canManageOrganisation(actor, organisationId);
}

/** The same as `canHandleSar`, in SQL over the request's organisation column, for the audit trail's values. */
export function handlesSarSql(reader: Actor, organisationId: SQL | AnyPgColumn): SQL {
  if (reader.kind !== 'user') return sql`false`;
  if (reader.role === 'system_admin') return sql`true`;
  if (reader.role === 'organisation_admin') return sql`${organisationId} = ${reader.organisationId}`;
  return sql`false`;
}
