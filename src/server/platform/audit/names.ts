import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AuditNames, NamedKind } from '../../../shared/api/audit.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { actionPlans, cases, lookups, organisations, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../access/actor.ts';
import { kinds } from '../access/kinds.ts';
import { canView } from '../access/records.ts';

/**
 * Which kind of thing an id points at, by the field of a change or the detail that holds it.
 * Names are looked up when the entry is read, not kept in the trail: the trail keeps what was
 * done, and erasing an event's values (retention, anonymisation) must take no copy of a name
 * with it; a renamed case type reads as it is called now, and access is judged as it is now.
 */
const idFields: Readonly<Record<string, NamedKind>> = {
  caseTypeId: 'lookup',
  interventionTypeId: 'lookup',
  reportTypeId: 'lookup',
  leadOfficerId: 'user',
  singlePointOfContactId: 'user',
  assignedUserId: 'user',
  recipientIds: 'user',
  watcherIds: 'user',
  chairUserId: 'user',
  coordinatorIds: 'user',
  memberOrganisationIds: 'organisation',
  leadOrganisationId: 'organisation',
  assignedOrganisationId: 'organisation',
  organisationId: 'organisation',
  assignedTeamId: 'team',
  teamId: 'team',
  parentCaseId: 'case',
  profileId: 'profile',
  otherProfileId: 'profile',
  mergedIntoId: 'profile',
  survivorId: 'profile',
  duplicateId: 'profile',
  locationId: 'location',
  actionPlanId: 'action_plan',
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids an entry's changes and details point at, each with the kind its field says. */
export function idsIn(changes: unknown, details: unknown): Map<string, NamedKind> {
  const found = new Map<string, NamedKind>();
  const add = (field: string, value: unknown) => {
    const kind = idFields[field];
    if (!kind) return;
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string' && uuidPattern.test(v)) found.set(v, kind);
  };
  if (changes && typeof changes === 'object') {
    for (const [field, change] of Object.entries(changes as Record<string, { before?: unknown; after?: unknown }>)) {
      add(field, change?.before);
      add(field, change?.after);
    }
  }
  if (details && typeof details === 'object') for (const [field, value] of Object.entries(details)) add(field, value);
  return found;
}

type Named = { id: string; name: string | null };

async function partnershipNames(tx: Tx, reader: Actor, kind: Exclude<NamedKind, RecordKind | 'action_plan'>, ids: string[]): Promise<Named[]> {
  const partnership = reader.partnershipId;
  switch (kind) {
    case 'user':
      return tx.select({ id: users.id, name: users.name }).from(users)
        .innerJoin(teams, eq(teams.id, users.teamId)).innerJoin(organisations, eq(organisations.id, teams.organisationId))
        .where(and(inArray(users.id, ids), eq(organisations.partnershipId, partnership)));
    case 'team':
      return tx.select({ id: teams.id, name: teams.name }).from(teams)
        .innerJoin(organisations, eq(organisations.id, teams.organisationId))
        .where(and(inArray(teams.id, ids), eq(organisations.partnershipId, partnership)));
    case 'organisation':
      return tx.select({ id: organisations.id, name: organisations.name }).from(organisations)
        .where(and(inArray(organisations.id, ids), eq(organisations.partnershipId, partnership)));
    case 'lookup':
      return tx.select({ id: lookups.id, name: lookups.name }).from(lookups)
        .where(and(inArray(lookups.id, ids), eq(lookups.partnershipId, partnership)));
  }
}

/** A record's title, only where the reader may open it: the same `canView` as every list. */
async function recordNames(tx: Tx, reader: Actor, kind: RecordKind, ids: string[]): Promise<Named[]> {
  const { table, title, accessList } = kinds[kind];
  const { rows } = await tx.execute<Named>(sql`select ${table.id} as id, case when ${canView(reader, table, accessList)} then ${title} end as name
    from ${table} where ${inArray(table.id, ids)}`);
  return rows;
}

/** An action plan's title is its case's: named to those who may open the case. */
async function actionPlanNames(tx: Tx, reader: Actor, ids: string[]): Promise<Named[]> {
  return tx.select({ id: actionPlans.id, name: sql<string | null>`case when ${canView(reader, cases, kinds.case.accessList)} then ${actionPlans.title} end` })
    .from(actionPlans).innerJoin(cases, eq(cases.id, actionPlans.caseId))
    .where(inArray(actionPlans.id, ids));
}

/**
 * Names for the ids, one statement per kind present. Every id comes back, with a null name for
 * one the reader may not open or that is not in their partnership (or no longer exists).
 */
export async function namesOf(tx: Tx, reader: Actor, ids: Map<string, NamedKind>): Promise<AuditNames> {
  const byKind = new Map<NamedKind, string[]>();
  for (const [id, kind] of ids) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  const names: AuditNames = {};
  for (const [kind, wanted] of byKind) {
    for (const id of wanted) names[id] = { kind, name: null };
    const found = kind === 'action_plan' ? await actionPlanNames(tx, reader, wanted)
      : kind === 'profile' || kind === 'case' || kind === 'location' ? await recordNames(tx, reader, kind, wanted)
        : await partnershipNames(tx, reader, kind, wanted);
    for (const row of found) names[row.id] = { kind, name: row.name };
  }
  return names;
}

/** The names of one entry's ids, out of those looked up for its page. */
export const namesFor = (names: AuditNames, ids: Map<string, NamedKind>): AuditNames =>
  Object.fromEntries([...ids.keys()].map((id) => [id, names[id]!]));
