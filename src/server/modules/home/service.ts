import { homeCountCap, homePanelSize, type Home, type HomePanel } from '../../../shared/api/home.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { actorHas } from '../../platform/access/permissions.ts';
import type { Context } from '../../platform/context.ts';
import { remindersDueToday } from '../actions/service.ts';
import { findAssessments, neededByTeam } from '../assessments/lists.ts';
import { findCases } from '../cases/service.ts';
import { changedSinceLooked } from '../interests/service.ts';
import { findProfiles } from '../profiles/service.ts';
import { createAccessRequestService } from '../sharing/access-requests.ts';
import { findTasks } from '../tasks/service.ts';
import { overdueContactsOfTeam } from '../victim-care/service.ts';

const requests = createAccessRequestService();

/**
 * Each panel is read by its full list's own function with the count's cap as the limit, so a
 * panel can never show what its list would not, and counts as far as the cap without a query of
 * its own; the page shows the first few.
 */
function panelOf<T>(items: T[], more: boolean): HomePanel<T> {
  return { items: items.slice(0, homePanelSize), count: items.length, more };
}

const fromPage = <T>(page: { items: T[]; nextCursor: string | null }) => panelOf(page.items, page.nextCursor !== null);

type Named = { kind: RecordKind; id: string };

async function neededPanel(ctx: Context, limit: number) {
  const needed = await neededByTeam(ctx, limit);
  return panelOf(needed.items, needed.more);
}

/** Every record the page names, once each, for the audit trail. */
function recordsNamed(home: Home): Named[] {
  const named: Named[] = [
    ...home.cases.items.map((c) => ({ kind: 'case' as const, id: c.id })),
    ...home.people.items.map((p) => ({ kind: 'profile' as const, id: p.id })),
    ...[...home.myTasks.items, ...home.teamTasks.items, ...home.reminders.items].flatMap((i) => (i.record?.title ? [i.record] : [])),
    ...[...home.drafts.items, ...home.reviews.items].flatMap((a) => (a.subject.title ? [{ kind: a.subject.type, id: a.subject.id }] : [])),
    ...home.needed.items.map((n) => n.record),
    ...home.followed.items.map((f) => f.record),
    ...home.overdueContacts.items.map((o) => ({ kind: 'profile' as const, id: o.profile.id })),
    ...(home.accessRequests?.items ?? []).map((r) => r.record),
  ];
  const seen = new Map(named.map(({ kind, id }) => [`${kind}:${id}`, { kind, id }]));
  return [...seen.values()];
}

/** The practitioner's day on one page, read in one transaction and audited as one read. */
export async function getHome(ctx: Context): Promise<Home> {
  const limit = homeCountCap;
  const followed = await changedSinceLooked(ctx, limit);
  // The team's victims rather than the cases the person leads: a plan need not be tied to a case,
  // and whoever in the team picks up the phone first keeps the victim in touch.
  const overdueContacts = await overdueContactsOfTeam(ctx, ctx.actor.teamId, limit);
  const home: Home = {
    cases: fromPage(await findCases(ctx, { scope: 'mine', status: 'open', limit })),
    people: fromPage(await findProfiles(ctx, { scope: 'mine', limit })),
    myTasks: fromPage(await findTasks(ctx, { view: 'mine', state: 'todo', limit })),
    teamTasks: fromPage(await findTasks(ctx, { view: 'team', state: 'todo', limit })),
    reminders: fromPage(await remindersDueToday(ctx, limit)),
    drafts: fromPage(await findAssessments(ctx, { scope: 'team_drafts', limit })),
    reviews: fromPage(await findAssessments(ctx, { scope: 'reviews_due', limit })),
    needed: await neededPanel(ctx, limit),
    followed: panelOf(followed.items, followed.more),
    overdueContacts: panelOf(overdueContacts.items, overdueContacts.more),
    accessRequests: actorHas(ctx.actor, 'access_requests.decide')
      ? fromPage(await requests.list(ctx, { box: 'to-decide', status: 'pending', limit }))
      : null,
  };
  const counts = Object.fromEntries(Object.entries(home).map(([name, p]) => [name, p?.count ?? 0])) as Record<keyof Home, number>;
  ctx.audit({ action: 'home.viewed', details: { counts, records: recordsNamed(home) } });
  return home;
}
