import type { z } from 'zod';
import type { AccessRequest, accessRequestListQuery, createAccessRequestBody, decideAccessRequestBody } from '../../../shared/api/records.ts';
import type { RecordKind } from '../../../shared/records.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { canManageTeam } from '../../platform/access/administration.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, isUuid, pageOf } from '../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import { audienceOf, describeRecord, findRecord, subjectOf } from './record-access.ts';
import * as q from './queries.ts';

/** The owning team's admins, its organisation's admins and the partnership's system admins decide. */
function mayDecide(actor: Actor, row: q.RequestRow): boolean {
  return row.request.partnershipId === actor.partnershipId
    && canManageTeam(actor, { id: row.request.ownerTeamId, organisationId: row.ownerOrganisationId });
}

const present = (actor: Actor) => (row: q.RequestRow): AccessRequest => {
  const r = row.request;
  const pending = r.status === 'pending';
  return {
    id: r.id,
    record: { kind: r.recordKind, id: r.recordId, title: row.title },
    owner: { team: { id: r.ownerTeamId, name: row.ownerTeamName }, organisation: { id: row.ownerOrganisationId, name: row.ownerOrganisationName } },
    requester: { id: r.requesterId, name: row.requesterName },
    requesterTeam: { id: r.requesterTeamId, name: row.requesterTeamName },
    reason: r.reason,
    level: r.level,
    status: r.status,
    decidedBy: r.decidedBy ? { id: r.decidedBy, name: row.deciderName ?? '' } : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionReason: r.decisionReason,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    permissions: { canDecide: pending && mayDecide(actor, row), canWithdraw: pending && r.requesterId === actor.id },
  };
};

const requestSubject = (row: q.RequestRow) => ({
  entityType: 'access_request' as const,
  entityId: row.request.id,
  subjectOrganisationId: row.ownerOrganisationId,
  subjectTeamId: row.request.ownerTeamId,
});

const describeRequested = (row: q.RequestRow) => describeRecord({ kind: row.request.recordKind, id: row.request.recordId, reference: row.reference });

/** Where a notice about a request leads: the request, whose page says what to do next. */
const requestNotice = (row: q.RequestRow) => ({
  link: `/access-requests/${row.request.id}`,
  record: { kind: row.request.recordKind, id: row.request.recordId },
  subjectId: row.request.id,
});

export function createAccessRequestService() {
  /** Only the person who asked and those who decide may read a request; outside the partnership it does not exist. */
  async function load(ctx: Context, id: string): Promise<q.RequestRow> {
    const row = await q.getRequest(ctx.tx, id);
    if (!row || row.request.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('access request');
    if (row.request.requesterId !== ctx.actor.id && !mayDecide(ctx.actor, row)) {
      throw new ForbiddenError('Only the person who asked and the administrators of the team that holds the record can see this request.');
    }
    return row;
  }

  async function reload(ctx: Context, id: string) {
    return present(ctx.actor)((await q.getRequest(ctx.tx, id))!);
  }

  /** The messages never name the person: they say what kind of record it is and link to the request. */
  async function tellDeciders(ctx: Context, row: q.RequestRow) {
    const deciders = await q.decidersOf(ctx.tx, row.request.ownerTeamId, row.ownerOrganisationId);
    const message = `${row.requesterName} (${row.requesterTeamName}) has asked for access to ${describeRequested(row)} held by ${row.ownerTeamName}. Read their reason, then approve or refuse the request.`;
    await notify(ctx, deciders.map((decider) => ({ userId: decider.id, ...requestNotice(row), kind: 'access_requested' as const, message })));
  }

  async function tellRequester(ctx: Context, row: q.RequestRow, outcome: 'approved' | 'refused') {
    const message = `Your request for access to ${describeRequested(row)} held by ${row.ownerTeamName} was ${outcome} by ${ctx.actor.name}${outcome === 'approved' ? ': your team can now open it' : ''}.`;
    await notify(ctx, [{ userId: row.request.requesterId, ...requestNotice(row), kind: 'access_decided', message }]);
  }

  async function decide(ctx: Context, id: string, outcome: 'approved' | 'refused', body: z.infer<typeof decideAccessRequestBody>) {
    const row = await load(ctx, id);
    if (!mayDecide(ctx.actor, row)) throw new ForbiddenError('Only an administrator of the team that holds the record can decide this request.');
    const reason = body.reason || null;
    if (!(await q.closeRequest(ctx.tx, id, outcome, ctx.actor.id, reason))) throw new ConflictError('This request has already been decided or withdrawn.', 'already_decided');
    ctx.audit({ action: outcome === 'approved' ? 'access_request.approved' : 'access_request.refused', ...requestSubject(row), reason, details: { record: { kind: row.request.recordKind, id: row.request.recordId } } });
    if (outcome === 'approved') await grant(ctx, row);
    await tellRequester(ctx, row, outcome);
    ctx.emit({ type: 'access_request.decided', audience: { userIds: [row.request.requesterId], teamIds: [row.request.ownerTeamId] }, data: { id, status: outcome } });
    return reload(ctx, id);
  }

  /** The requester's team gets `view`; a team already on the list keeps what it has. */
  async function grant(ctx: Context, row: q.RequestRow) {
    const record = await findRecord(ctx, row.request.recordKind, row.request.recordId);
    const teamId = row.request.requesterTeamId;
    if (record.ownerTeamId === teamId || !(await q.grantTeamView(ctx.tx, record.kind, record.id, teamId, ctx.actor.id))) return;
    ctx.audit({
      action: 'record.shared',
      ...subjectOf(record),
      changes: { level: { before: null, after: 'view' } },
      details: { target: { team: { id: teamId, name: row.requesterTeamName } }, level: 'view', before: null, accessRequestId: row.request.id },
    });
    ctx.emit({ type: `${record.kind}.changed`, audience: await audienceOf(ctx, record), data: { id: record.id } });
    ctx.emit({ type: 'access.changed', audience: { teamIds: [teamId] }, data: { kind: record.kind, id: record.id, level: 'view' } });
  }

  return {
    /** A practitioner who found a record they cannot open asks its owning team. */
    async create(ctx: Context, kind: RecordKind, recordId: string, body: z.infer<typeof createAccessRequestBody>) {
      const record = await findRecord(ctx, kind, recordId);
      if (record.level) throw new ConflictError(`You can already open this ${kind}.`, 'already_have_access');
      const id = await q.insertRequest(ctx.tx, {
        partnershipId: record.partnershipId,
        recordKind: kind,
        recordId: record.id,
        ownerTeamId: record.ownerTeamId,
        requesterId: ctx.actor.id,
        requesterTeamId: ctx.actor.teamId,
        reason: body.reason,
      });
      if (!id) throw new ConflictError(`Your team has already asked for access to this ${kind}; the request is waiting for a decision.`, 'already_requested');
      const row = (await q.getRequest(ctx.tx, id))!;
      ctx.audit({ action: 'access_request.created', ...requestSubject(row), reason: body.reason, details: { record: { kind, id: record.id } } });
      await tellDeciders(ctx, row);
      ctx.emit({ type: 'access_request.created', audience: { teamIds: [record.ownerTeamId] }, data: { id } });
      return present(ctx.actor)(row);
    },

    async list(ctx: Context, query: z.infer<typeof accessRequestListQuery>) {
      const a = ctx.actor;
      const [before] = decodeCheckedCursor(query.cursor, isUuid) ?? [];
      const scope =
        query.box === 'mine' ? { requesterId: a.id }
        : a.role === 'system_admin' ? {}
        : a.role === 'organisation_admin' ? { ownerOrganisationId: a.organisationId }
        : a.role === 'team_admin' ? { ownerTeamId: a.teamId }
        : null;
      if (!scope) return { items: [], nextCursor: null };
      const rows = await q.listRequests(ctx.tx, { partnershipId: a.partnershipId, ...scope, status: query.status, before: before ?? null, limit: query.limit });
      return pageOf(rows, query.limit, present(a), (r) => [r.request.id]);
    },

    async get(ctx: Context, id: string) {
      return present(ctx.actor)(await load(ctx, id));
    },

    approve: (ctx: Context, id: string, body: z.infer<typeof decideAccessRequestBody>) => decide(ctx, id, 'approved', body),
    refuse: (ctx: Context, id: string, body: z.infer<typeof decideAccessRequestBody>) => decide(ctx, id, 'refused', body),

    async withdraw(ctx: Context, id: string) {
      const row = await load(ctx, id);
      if (row.request.requesterId !== ctx.actor.id) throw new ForbiddenError('Only the person who asked can withdraw a request.');
      if (!(await q.closeRequest(ctx.tx, id, 'withdrawn', ctx.actor.id, null))) throw new ConflictError('This request has already been decided or withdrawn.', 'already_decided');
      ctx.audit({ action: 'access_request.withdrawn', ...requestSubject(row), details: { record: { kind: row.request.recordKind, id: row.request.recordId } } });
      ctx.emit({ type: 'access_request.decided', audience: { userIds: [row.request.requesterId], teamIds: [row.request.ownerTeamId] }, data: { id, status: 'withdrawn' } });
      return reload(ctx, id);
    },
  };
}

export type AccessRequestService = ReturnType<typeof createAccessRequestService>;
