import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { meetings, organisations, panelCoordinators, panelOrganisations, panelReferrals, panels, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AssessmentSubjectKind } from '../../../shared/assessments.ts';
import { kinds } from '../../platform/access/kinds.ts';
import { panelVisibleTo } from '../../platform/access/panels.ts';
import { canView, grantsHolder } from '../../platform/access/records.ts';

const chair = alias(users, 'chair');
const chairTeam = alias(teams, 'chair_team');
const chairOrganisation = alias(organisations, 'chair_organisation');

const panelColumns = {
  panel: panels,
  chairName: chair.name,
  chairTeamId: chair.teamId,
  chairOrganisationId: chairOrganisation.id,
  chairOrganisationName: chairOrganisation.name,
  waiting: sql<number>`(select count(*)::int from panel_referrals r where r.panel_id = panels.id and r.status = 'waiting')`,
  nextMeetingId: sql<string | null>`(select m.id from meetings m where m.panel_id = panels.id and m.status = 'planned' and m.starts_at > now() order by m.starts_at, m.id limit 1)`,
  nextMeetingAt: sql<string | null>`(select to_char(m.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from meetings m
    where m.panel_id = panels.id and m.status = 'planned' and m.starts_at > now() order by m.starts_at, m.id limit 1)`,
};

function selectPanels(tx: Tx) {
  return tx.select(panelColumns)
    .from(panels)
    .leftJoin(chair, eq(chair.id, panels.chairUserId))
    .leftJoin(chairTeam, eq(chairTeam.id, chair.teamId))
    .leftJoin(chairOrganisation, eq(chairOrganisation.id, chairTeam.organisationId));
}

export type PanelRow = NonNullable<Awaited<ReturnType<typeof getPanel>>>;

export async function getPanel(tx: Tx, id: string) {
  const [row] = await selectPanels(tx).where(eq(panels.id, id));
  return row ?? null;
}

/** The panels the actor may see, by name. */
export async function listPanels(tx: Tx, actor: Actor, after: { name: string; id: string } | null, limit: number) {
  return selectPanels(tx)
    .where(and(
      panelVisibleTo(actor),
      after ? sql`(lower(${panels.name}), ${panels.id}) > (${after.name}, ${after.id}::uuid)` : undefined,
    ))
    .orderBy(sql`lower(${panels.name})`, asc(panels.id))
    .limit(limit + 1);
}

/** Each panel's member organisations and coordinators, by name. */
export async function panelPeople(tx: Tx, panelIds: string[]) {
  if (panelIds.length === 0) return { members: [], coordinators: [] };
  const members = await tx
    .select({ panelId: panelOrganisations.panelId, id: organisations.id, name: organisations.name })
    .from(panelOrganisations)
    .innerJoin(organisations, eq(organisations.id, panelOrganisations.organisationId))
    .where(inArray(panelOrganisations.panelId, panelIds))
    .orderBy(asc(organisations.name));
  const coordinators = await tx
    .select({ panelId: panelCoordinators.panelId, id: users.id, name: users.name, teamId: users.teamId })
    .from(panelCoordinators)
    .innerJoin(users, eq(users.id, panelCoordinators.userId))
    .where(inArray(panelCoordinators.panelId, panelIds))
    .orderBy(asc(users.name));
  return { members, coordinators };
}

export async function nameTaken(tx: Tx, partnershipId: string, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await tx.select({ id: panels.id }).from(panels)
    .where(and(eq(panels.partnershipId, partnershipId), sql`lower(${panels.name}) = lower(${name})`, exceptId ? ne(panels.id, exceptId) : undefined));
  return rows.length > 0;
}

export async function insertPanel(tx: Tx, values: typeof panels.$inferInsert): Promise<string> {
  const [row] = await tx.insert(panels).values(values).returning({ id: panels.id });
  return row!.id;
}

/** Applies a change only if the panel is still at the version the editor saw. */
export async function updatePanel(tx: Tx, id: string, version: number, patch: Partial<Pick<typeof panels.$inferInsert, 'kind' | 'name' | 'chairUserId'>>): Promise<boolean> {
  const rows = await tx.update(panels)
    .set({ ...patch, version: sql`${panels.version} + 1`, updatedAt: new Date() })
    .where(and(eq(panels.id, id), eq(panels.version, version)))
    .returning({ id: panels.id });
  return rows.length > 0;
}

export async function setMembers(tx: Tx, panelId: string, organisationIds: string[]): Promise<void> {
  await tx.delete(panelOrganisations).where(eq(panelOrganisations.panelId, panelId));
  if (organisationIds.length > 0) await tx.insert(panelOrganisations).values(organisationIds.map((organisationId) => ({ panelId, organisationId })));
}

export async function setCoordinators(tx: Tx, panelId: string, userIds: string[]): Promise<void> {
  await tx.delete(panelCoordinators).where(eq(panelCoordinators.panelId, panelId));
  if (userIds.length > 0) await tx.insert(panelCoordinators).values(userIds.map((userId) => ({ panelId, userId })));
}

/** Organisations of the partnership among the ids, with their kind; never another partnership's. */
export async function partnershipOrganisations(tx: Tx, partnershipId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.partnershipId, partnershipId), inArray(organisations.id, ids)));
}

/** People of the partnership among the ids, with their team and organisation. */
export async function partnershipUsers(tx: Tx, partnershipId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: users.id, name: users.name, role: users.role, disabled: sql<boolean>`${users.disabledAt} is not null`,
      teamId: teams.id, teamName: teams.name, organisationId: organisations.id, organisationKind: organisations.kind,
    })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(organisations.partnershipId, partnershipId), inArray(users.id, ids)));
}

/** The teams of the people who run a panel (its chair and coordinators), by id and name. */
export async function runnersTeams(tx: Tx, panelId: string) {
  return tx
    .selectDistinct({ id: teams.id, name: teams.name })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(
      isNull(users.disabledAt),
      or(
        sql`${users.id} = (select chair_user_id from panels where id = ${panelId})`,
        sql`exists (select 1 from panel_coordinators pc where pc.panel_id = ${panelId} and pc.user_id = ${users.id})`,
      ),
    ));
}

const stillOpen = () => inArray(panelReferrals.status, ['waiting', 'listed']);

/**
 * The records referred to a panel and not yet heard or withdrawn whose referrer's team may edit
 * them: the referrals that gave the runners' teams access, as only a referrer who may edit (and
 * so share) the record gives it. A new runner's team is given the same.
 */
export async function grantedReferralRecords(tx: Tx, panelId: string) {
  const found: { kind: AssessmentSubjectKind; id: string }[] = [];
  for (const kind of ['profile', 'case'] as const) {
    const { table, accessList: list } = kinds[kind];
    const rows = await tx.selectDistinct({ id: panelReferrals.recordId })
      .from(panelReferrals)
      .innerJoin(table, eq(table.id, panelReferrals.recordId))
      .where(and(
        eq(panelReferrals.panelId, panelId),
        eq(panelReferrals.recordKind, kind),
        stillOpen(),
        or(
          eq(table.ownerTeamId, panelReferrals.referredByTeamId),
          sql`exists (select 1 from ${list.table} where ${list.recordId} = ${table.id} and ${list.level} = 'edit'
                and ${grantsHolder(list, panelReferrals.referredByTeamId, panelReferrals.referredByOrganisationId)})`,
        ),
      ));
    found.push(...rows.map((r) => ({ kind, id: r.id })));
  }
  return found;
}

/**
 * The records of the panel's open referrals, paired with each of these teams that would owe its
 * panel access to this panel alone: a team that runs another panel the record is also waiting for
 * is left out, as its access serves that panel too.
 */
export async function grantsOnlyThrough(tx: Tx, panelId: string, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return tx.selectDistinct({ kind: panelReferrals.recordKind, id: panelReferrals.recordId, teamId: teams.id, teamName: teams.name })
    .from(panelReferrals)
    .innerJoin(teams, inArray(teams.id, teamIds))
    .where(and(eq(panelReferrals.panelId, panelId), stillOpen(), sql`not exists (
      select 1 from panel_referrals elsewhere join panels other on other.id = elsewhere.panel_id
       where elsewhere.record_kind = ${panelReferrals.recordKind} and elsewhere.record_id = ${panelReferrals.recordId}
         and elsewhere.panel_id <> ${panelId} and elsewhere.status in ('waiting', 'listed')
         and exists (select 1 from users runner where runner.team_id = ${teams.id} and runner.disabled_at is null
               and (runner.id = other.chair_user_id
                    or exists (select 1 from panel_coordinators pc where pc.panel_id = other.id and pc.user_id = runner.id))))`));
}

/**
 * The panel's meetings: those still planned soonest first (`upcoming`), those closed latest first
 * (`past`), or all of them latest first.
 */
export async function listMeetings(tx: Tx, panelId: string, when: 'upcoming' | 'past' | 'all', after: { startsAt: string; id: string } | null, limit: number) {
  const descending = when !== 'upcoming';
  return tx
    .select({ meeting: meetings, items: sql<number>`(select count(*)::int from agenda_items a where a.meeting_id = meetings.id)` })
    .from(meetings)
    .where(and(
      eq(meetings.panelId, panelId),
      when === 'all' ? undefined : eq(meetings.status, when === 'upcoming' ? 'planned' : 'closed'),
      after
        ? descending
          ? sql`(${meetings.startsAt}, ${meetings.id}) < (${after.startsAt}::timestamptz, ${after.id}::uuid)`
          : sql`(${meetings.startsAt}, ${meetings.id}) > (${after.startsAt}::timestamptz, ${after.id}::uuid)`
        : undefined,
    ))
    .orderBy(descending ? sql`${meetings.startsAt} desc, ${meetings.id} desc` : sql`${meetings.startsAt}, ${meetings.id}`)
    .limit(limit + 1);
}


/**
 * The records among `refs`: each one's title, and whether the actor may open it (the same
 * `canView` as every list). The caller shows a title only where the reader may have it.
 */
export async function recordsSeen(tx: Tx, actor: Actor, refs: { kind: AssessmentSubjectKind; id: string }[]): Promise<Map<string, { title: string; open: boolean }>> {
  const seen = new Map<string, { title: string; open: boolean }>();
  for (const kind of ['profile', 'case'] as const) {
    const ids = [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
    if (ids.length === 0) continue;
    const { table, accessList, title } = kinds[kind];
    const rows = await tx.select({ id: table.id, title: sql<string>`${title}`, open: sql<boolean>`${canView(actor, table, accessList)}` })
      .from(table)
      .where(inArray(table.id, ids));
    for (const row of rows) seen.set(row.id as string, { title: row.title, open: row.open });
  }
  return seen;
}
