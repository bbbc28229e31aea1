import type { z } from 'zod';
import type { createReferralBody, recordReferralQuery, Referral, ReferralStart, referralListQuery, withdrawReferralBody } from '../../../../shared/api/panels.ts';
import { canReferTo, canRunPanel } from '../../../platform/access/panels.ts';
import { effectiveLevel } from '../../../platform/access/records.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion } from '../../../platform/errors.ts';
import { notify } from '../../notifications/notify.ts';
import { grantForPanel } from '../../sharing/panel-grants.ts';
import { contributableRecord, findRecord, subjectOf, viewableRecord } from '../../sharing/record-access.ts';
import { audienceOfPanel, findPanel, panelSubject, requireSees, visiblePanel, type LoadedPanel } from '../panel.ts';
import * as panels from '../queries.ts';
import { presentReferral } from './present.ts';
import * as q from './queries.ts';
import { criteriaOf, panelGrantEnds } from './rules.ts';
import { gather } from './start.ts';

type Subject = { type: 'profile' | 'case'; id: string };

/** Refuses a member who may not bring a record to the panel: a read-only account, or someone not on it. */
function requireRefers(ctx: Context, panel: LoadedPanel): void {
  if (canReferTo(ctx.actor, panel)) return;
  ctx.refuse({ action: 'access.refused', ...panelSubject(panel), details: { why: 'may not refer to the panel' } });
  throw new ForbiddenError('Only the panel\'s member agencies can refer to it, from an account that may add to records.');
}

/** The panel and the record to refer: the referrer must sit on the panel and be able to add to the record. */
async function referable(ctx: Context, panelId: string, subject: Subject) {
  const panel = await visiblePanel(ctx, panelId);
  requireRefers(ctx, panel);
  const record = await contributableRecord(ctx, subject.type, subject.id);
  return { panel, record: { ...record, kind: subject.type } };
}

/** What Concord already holds about the record, for the referral form, so nothing is keyed twice. */
export async function referralStart(ctx: Context, panelId: string, query: z.infer<typeof recordReferralQuery>): Promise<ReferralStart> {
  const { panel, record } = await referable(ctx, panelId, { type: query.subjectType, id: query.subjectId });
  const { start } = await gather(ctx, panel.row.panel.id, record);
  ctx.audit({
    action: 'panel_referral.start_viewed',
    ...subjectOf(record),
    details: {
      record: { kind: record.kind, id: record.id },
      panelId,
      suggested: start.suggestedCriteria,
      repeat: start.repeat,
      assessmentIds: [start.dash?.id, start.riskMatrix?.id].filter((id) => id !== undefined),
      profileIds: [...start.people.map((p) => p.id), ...start.household.map((h) => h.id)],
    },
  });
  return start;
}

/**
 * Brings a record to a panel. Whether it is a repeat and whether children are in the household
 * are worked out now and kept. The panel's chair and coordinators are told (no names), and their
 * teams may open the record for the repeat window so the chair can research it, when the referrer
 * may edit it: sharing needs edit, so one who may only view it refers it without a grant and the
 * runners who cannot open it see a stub until the owning team shares it.
 */
export async function createReferral(ctx: Context, panelId: string, body: z.infer<typeof createReferralBody>): Promise<Referral> {
  const { panel, record } = await referable(ctx, panelId, body.subject);
  const { start, latestAssessmentId } = await gather(ctx, panel.row.panel.id, record);
  const criteria = criteriaOf(body.criteria, start.repeat);
  const id = await q.insertReferral(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    panelId,
    recordKind: record.kind,
    recordId: record.id,
    reason: body.reason,
    criteria,
    repeat: start.repeat,
    hasChildren: start.hasChildren,
    latestAssessmentId,
    referredBy: ctx.actor.id,
    referredByTeamId: ctx.actor.teamId,
    referredByOrganisationId: ctx.actor.organisationId,
  });
  ctx.audit({
    action: 'panel_referral.created',
    ...subjectOf(record),
    reason: body.reason,
    details: { record: { kind: record.kind, id: record.id }, panelId, referralId: id, criteria, repeat: start.repeat, hasChildren: start.hasChildren, latestAssessmentId },
  });
  if (effectiveLevel(ctx.actor, record.level) === 'edit') await grantForPanel(ctx, record, await panels.runnersTeams(ctx.tx, panelId), panelId, panelGrantEnds());
  await notify(ctx, [...new Set([panel.chairUserId, ...panel.coordinatorIds].filter((u) => u !== null))].map((userId) => ({
    userId,
    kind: 'panel_referral' as const,
    message: `A ${start.repeat ? 'repeat ' : ''}referral to ${panel.row.panel.name} is waiting for a meeting.`,
    link: `/panels/${panelId}`,
    record: { kind: record.kind, id: record.id },
    subjectId: id,
  })));
  ctx.emit({ type: 'panel.changed', audience: audienceOfPanel(panel), data: { panelId } });
  const row = (await q.getReferral(ctx.tx, id))!;
  return presentReferral(row, { title: record.title, open: true });
}

async function loadReferral(ctx: Context, id: string) {
  const row = await q.getReferral(ctx.tx, id);
  if (!row || row.referral.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('referral');
  const panel = await findPanel(ctx, row.referral.panelId);
  requireSees(ctx, panel);
  return { row, panel };
}

const recordOf = (row: q.ReferralRow) => ({ kind: row.referral.recordKind, id: row.referral.recordId });

export async function getReferral(ctx: Context, id: string): Promise<Referral> {
  const { row, panel } = await loadReferral(ctx, id);
  const seen = (await panels.recordsSeen(ctx.tx, ctx.actor, [recordOf(row)])).get(row.referral.recordId);
  const referral = presentReferral(row, seen);
  const record = await findRecord(ctx, row.referral.recordKind, row.referral.recordId);
  ctx.audit({ action: 'panel_referral.viewed', ...subjectOf(record), details: { record: recordOf(row), panelId: panel.row.panel.id, referralId: id, restricted: referral.restricted } });
  return referral;
}

/** A panel's referrals, oldest first; those whose record the reader may not open come as stubs. */
export async function listPanelReferrals(ctx: Context, panelId: string, query: z.infer<typeof referralListQuery>) {
  const panel = await visiblePanel(ctx, panelId);
  const [createdAt, after] = decodeCheckedCursor(query.cursor, isIsoTime, isUuid) ?? [];
  const rows = await q.panelReferralPage(ctx.tx, panelId, query.status, createdAt && after ? { createdAt, id: after } : null, query.limit);
  const seen = await panels.recordsSeen(ctx.tx, ctx.actor, rows.map(recordOf));
  const page = pageOf(rows, query.limit, (r) => presentReferral(r, seen.get(r.referral.recordId)), (r) => [r.referral.createdAt.toISOString(), r.referral.id]);
  ctx.audit({
    action: 'panel_referrals.listed',
    ...panelSubject(panel),
    details: { panelId, status: query.status ?? null, count: page.items.length, records: page.items.map((r) => ({ kind: r.subject.type, id: r.subject.id })) },
  });
  return page;
}

/** A record's referrals to the panels the reader sits on, for its page. */
export async function listRecordReferrals(ctx: Context, query: z.infer<typeof recordReferralQuery>) {
  const record = await viewableRecord(ctx, query.subjectType, query.subjectId);
  const rows = await q.recordReferrals(ctx.tx, ctx.actor, query.subjectType, record.id);
  const items = rows.map((r) => presentReferral(r, { title: record.title, open: true }));
  ctx.audit({ action: 'panel_referrals.listed', ...subjectOf(record), details: { panelId: null, status: null, count: items.length, records: [{ kind: record.kind, id: record.id }] } });
  return { items };
}

/** The referrer or the panel's runners take back a referral still waiting for a meeting. */
export async function withdrawReferral(ctx: Context, id: string, body: z.infer<typeof withdrawReferralBody>): Promise<Referral> {
  const { row, panel } = await loadReferral(ctx, id);
  const runs = canRunPanel(ctx.actor, panel);
  if (!runs && row.referral.referredBy !== ctx.actor.id) throw new ForbiddenError('Only whoever made the referral, or the panel\'s chair and coordinators, can withdraw it.');
  if (row.referral.status !== 'waiting') throw new ConflictError('Only a referral waiting for a meeting can be withdrawn: take it off the agenda first.', 'referral_not_waiting');
  const seen = (await panels.recordsSeen(ctx.tx, ctx.actor, [recordOf(row)])).get(row.referral.recordId);
  if (!(await q.withdraw(ctx.tx, id, body.version, body.reason))) throw staleVersion(presentReferral(row, seen));
  const record = await findRecord(ctx, row.referral.recordKind, row.referral.recordId);
  ctx.audit({ action: 'panel_referral.withdrawn', ...subjectOf(record), reason: body.reason, details: { record: recordOf(row), panelId: panel.row.panel.id, referralId: id } });
  ctx.emit({ type: 'panel.changed', audience: audienceOfPanel(panel), data: { panelId: panel.row.panel.id } });
  return presentReferral((await q.getReferral(ctx.tx, id))!, seen);
}
