import type { z } from 'zod';
import { supervisionListSize, type Supervision, type supervisionQuery } from '../../../shared/api/supervision.ts';
import { canSuperviseTeam } from '../../platform/access/administration.ts';
import type { Context } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { findAssessments, teamReviewsOverdue } from '../assessments/lists.ts';
import { openCasesLedByTeam } from '../cases/service.ts';
import { overdueTasksOfTeam } from '../tasks/service.ts';
import { overdueContactsOfTeam } from '../victim-care/service.ts';
import * as q from './queries.ts';

const countBy = <T>(items: T[], officerOf: (item: T) => (string | null | undefined)[]) => {
  const counts = new Map<string, number>();
  for (const item of items) for (const id of new Set(officerOf(item))) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
};

/**
 * A team as its supervisor sees it, read in one transaction through each list's own function, so
 * it shows nothing those lists would not, and audited as one read naming every record shown.
 */
export async function getSupervision(ctx: Context, query: z.infer<typeof supervisionQuery>): Promise<Supervision> {
  const teamId = query.teamId ?? ctx.actor.teamId;
  const team = await q.teamInPartnership(ctx.tx, ctx.actor.partnershipId, teamId);
  if (!team) throw new NotFoundError('team');
  if (!canSuperviseTeam(ctx.actor, { id: team.id, organisationId: team.organisationId })) {
    ctx.refuse({ action: 'access.refused', entityType: 'team', entityId: team.id, subjectOrganisationId: team.organisationId, subjectTeamId: team.id, details: { why: 'not a supervisor of the team' } });
    throw new ForbiddenError('Only the team\'s supervisors and its organisation\'s administrators see its work.', 'no_access');
  }
  const limit = supervisionListSize;
  const cases = await openCasesLedByTeam(ctx, team.id, limit);
  const overdueTasks = await overdueTasksOfTeam(ctx, team.id, limit);
  const overdueReviews = await teamReviewsOverdue(ctx, team.id, limit);
  const approvals = await findAssessments(ctx, { scope: 'awaiting_approval', limit });
  const overdueContacts = await overdueContactsOfTeam(ctx, team.id, limit);
  const casesOf = countBy(cases.items, (c) => [c.leadOfficer?.id]);
  const tasksOf = countBy(overdueTasks.items, (t) => [t.assignee.kind === 'user' ? t.assignee.id : null, t.acceptedBy?.id]);
  const reviewsOf = countBy(overdueReviews.items, (a) => [a.assessor?.id]);
  const officers = (await q.officersOf(ctx.tx, team.id)).map((o) => ({
    ...o,
    openCases: casesOf.get(o.id) ?? 0,
    overdueTasks: tasksOf.get(o.id) ?? 0,
    overdueReviews: reviewsOf.get(o.id) ?? 0,
  }));
  const teams = ctx.actor.role === 'organisation_admin' ? await q.teamsOf(ctx.tx, { organisationId: ctx.actor.organisationId }) : await q.teamsOf(ctx.tx, { teamId: ctx.actor.teamId });
  const supervision: Supervision = {
    team: { id: team.id, name: team.name, organisation: { id: team.organisationId, name: team.organisationName } },
    teams,
    officers,
    cases,
    overdueTasks,
    overdueReviews,
    approvals: { items: approvals.items, more: approvals.nextCursor !== null },
    overdueContacts,
  };
  ctx.audit({
    action: 'supervision.viewed',
    entityType: 'team',
    entityId: team.id,
    subjectOrganisationId: team.organisationId,
    subjectTeamId: team.id,
    details: {
      counts: {
        cases: cases.items.length,
        overdueTasks: overdueTasks.items.length,
        overdueReviews: overdueReviews.items.length,
        approvals: approvals.items.length,
        overdueContacts: overdueContacts.items.length,
      },
      records: recordsNamed(supervision),
    },
  });
  return supervision;
}

type Named = { kind: 'profile' | 'case' | 'location'; id: string };

/** Every record the page names, once each, for the audit trail. */
function recordsNamed(s: Supervision): Named[] {
  const named: Named[] = [
    ...s.cases.items.map((c) => ({ kind: 'case' as const, id: c.id })),
    ...s.overdueTasks.items.flatMap((t) => (t.record?.title ? [{ kind: t.record.kind, id: t.record.id }] : [])),
    ...[...s.overdueReviews.items, ...s.approvals.items].flatMap((a) => (a.subject.title ? [{ kind: a.subject.type, id: a.subject.id }] : [])),
    ...s.overdueContacts.items.map((o) => ({ kind: 'profile' as const, id: o.profile.id })),
  ];
  return [...new Map(named.map((r) => [`${r.kind}:${r.id}`, r])).values()];
}
