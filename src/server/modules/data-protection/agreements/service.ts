import type { z } from 'zod';
import type { Agreement, AgreementSummary, agreementBody, agreementListQuery, agreementPatch } from '../../../../shared/api/agreements.ts';
import type { Tx } from '../../../db/transaction.ts';
import { canManagePartnershipLists } from '../../../platform/access/administration.ts';
import { diff } from '../../../platform/audit/diff.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, isIsoDate, isUuid, pageOf } from '../../../platform/cursor.ts';
import { ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../../platform/errors.ts';
import { getStoredFile } from '../../../platform/files/stored.ts';
import { addDays, londonToday } from '../../../platform/london.ts';
import { settingsOf } from '../settings/service.ts';
import * as q from './queries.ts';

type Body = z.infer<typeof agreementBody>;
type Patch = z.infer<typeof agreementPatch>;

/** Whether a live agreement's review has come, or is within the partnership's reminder days. */
const reviewDue = (row: q.AgreementRow, reviewBy: string) => row.status !== 'ended' && row.reviewOn <= reviewBy;

async function reviewByOf(tx: Tx, partnershipId: string): Promise<string> {
  return addDays(londonToday(), (await settingsOf(tx, partnershipId)).reviewReminderDays);
}

function presentSummary(row: q.AgreementRow, parties: q.PartyRow[], reviewBy: string): AgreementSummary {
  return {
    id: row.id,
    title: row.title,
    lawfulBasis: row.lawfulBasis,
    specialCategoryCondition: row.specialCategoryCondition,
    status: row.status,
    startsOn: row.startsOn,
    reviewOn: row.reviewOn,
    endsOn: row.endsOn,
    parties: parties.filter((p) => p.agreementId === row.id).map((p) => ({ organisation: { id: p.organisationId, name: p.organisationName }, signedOn: p.signedOn, signatory: p.signatory })),
    reviewDue: reviewDue(row, reviewBy),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export async function present(ctx: Context, row: q.AgreementRow): Promise<Agreement> {
  const parties = await q.partiesOf(ctx.tx, [row.id]);
  const file = row.documentFileId ? await getStoredFile(ctx.tx, row.documentFileId) : null;
  return {
    ...presentSummary(row, parties, await reviewByOf(ctx.tx, row.partnershipId)),
    purpose: row.purpose,
    legislation: row.legislation,
    document: file ? { name: row.documentName ?? 'agreement.pdf', size: file.byteSize } : null,
    permissions: { canEdit: canManagePartnershipLists(ctx.actor, row.partnershipId) },
  };
}

export const subject = (row: q.AgreementRow) => ({ entityType: 'sharing_agreement' as const, entityId: row.id });

/** The partnership's agreements, read by all its staff, by review date. */
export async function listAgreements(ctx: Context, query: z.infer<typeof agreementListQuery>) {
  const { partnershipId } = ctx.actor;
  const reviewBy = await reviewByOf(ctx.tx, partnershipId);
  const after = decodeCheckedCursor<[string, string]>(query.cursor, isIsoDate, isUuid);
  const filter: q.AgreementFilter = { status: query.status, organisationId: query.organisationId, reviewBy: query.reviewDue ? reviewBy : undefined };
  const rows = await q.listAgreements(ctx.tx, partnershipId, filter, after, query.limit);
  const parties = await q.partiesOf(ctx.tx, rows.slice(0, query.limit).map((r) => r.id));
  const page = pageOf(rows, query.limit, (r) => presentSummary(r, parties, reviewBy), (r) => [r.reviewOn, r.id]);
  ctx.audit({ action: 'sharing_agreements.listed', details: { count: page.items.length } });
  return page;
}

export async function findAgreement(ctx: Context, id: string): Promise<q.AgreementRow> {
  const row = await q.getAgreement(ctx.tx, id);
  if (!row || row.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('agreement');
  return row;
}

export async function getAgreement(ctx: Context, id: string): Promise<Agreement> {
  const row = await findAgreement(ctx, id);
  ctx.audit({ action: 'sharing_agreement.viewed', ...subject(row) });
  return present(ctx, row);
}

export function requireKeeper(ctx: Context) {
  if (!canManagePartnershipLists(ctx.actor, ctx.actor.partnershipId)) {
    throw new ForbiddenError('Only the partnership\'s system administrators keep its sharing agreements.');
  }
}

/** Each party once, and each an organisation of the partnership. */
async function checkParties(ctx: Context, parties: Body['parties']): Promise<q.PartyValues[]> {
  const known = await q.organisationsIn(ctx.tx, ctx.actor.partnershipId, parties.map((p) => p.organisationId));
  const seen = new Set<string>();
  const problems = parties.flatMap((p, i) => {
    const problem = !known.has(p.organisationId) ? 'is not an organisation of this partnership' : seen.has(p.organisationId) ? 'is named twice' : null;
    seen.add(p.organisationId);
    return problem ? [{ field: `parties.${i}.organisationId`, problem }] : [];
  });
  if (problems.length > 0) throw new ValidationError(problems);
  return parties.map((p) => ({ organisationId: p.organisationId, signedOn: p.signedOn ?? null, signatory: p.signatory ?? null }));
}

const auditedFields = ['title', 'purpose', 'lawfulBasis', 'specialCategoryCondition', 'legislation', 'status', 'startsOn', 'reviewOn', 'endsOn', 'parties'] as const;

/** What the audit compares: the agreement's fields and the organisations party to it. */
const audited = (values: q.AgreementValues, parties: q.PartyValues[]) => ({ ...values, parties: parties.map((p) => p.organisationId).sort() });

function valuesOf(body: Omit<Body, 'parties'>): q.AgreementValues {
  return {
    title: body.title,
    purpose: body.purpose,
    lawfulBasis: body.lawfulBasis,
    specialCategoryCondition: body.specialCategoryCondition ?? null,
    legislation: body.legislation || null,
    status: body.status,
    startsOn: body.startsOn,
    reviewOn: body.reviewOn,
    endsOn: body.endsOn ?? null,
  };
}

export async function createAgreement(ctx: Context, body: Body): Promise<Agreement> {
  requireKeeper(ctx);
  const parties = await checkParties(ctx, body.parties);
  const values = valuesOf(body);
  const row = await q.insertAgreement(ctx.tx, { ...values, partnershipId: ctx.actor.partnershipId, createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null });
  await q.replaceParties(ctx.tx, row.id, parties);
  ctx.audit({ action: 'sharing_agreement.created', ...subject(row), changes: diff(null, audited(values, parties), auditedFields), details: { parties: parties.map((p) => p.organisationId) } });
  return present(ctx, row);
}

/** Changes what is sent, from the version read; `parties`, when sent, replaces the list. A new review date is reminded of again. */
export async function updateAgreement(ctx: Context, id: string, patch: Patch): Promise<Agreement> {
  requireKeeper(ctx);
  const row = await findAgreement(ctx, id);
  if (row.version !== patch.version) throw staleVersion(await present(ctx, row));
  const before = await q.partiesOf(ctx.tx, [row.id]);
  const parties = patch.parties ? await checkParties(ctx, patch.parties) : before.map((p) => ({ organisationId: p.organisationId, signedOn: p.signedOn, signatory: p.signatory }));
  const current = valuesOf(row);
  // A field sent as null is cleared; one not sent keeps its value.
  const { version: _version, parties: _parties, ...changed } = patch;
  const values = valuesOf({ ...current, ...Object.fromEntries(Object.entries(changed).filter(([, v]) => v !== undefined)) });
  if (values.endsOn && values.endsOn < values.startsOn) throw new ValidationError([{ field: 'endsOn', problem: 'must not be before the start date' }]);
  const saved = await q.updateAgreement(ctx.tx, row.id, row.version, values, values.reviewOn !== row.reviewOn);
  if (!saved) throw staleVersion(await present(ctx, (await q.getAgreement(ctx.tx, row.id))!));
  if (patch.parties) await q.replaceParties(ctx.tx, row.id, parties);
  ctx.audit({
    action: 'sharing_agreement.updated',
    ...subject(row),
    changes: diff(audited(current, before), audited(values, parties), auditedFields),
    details: { parties: parties.map((p) => p.organisationId) },
  });
  return present(ctx, saved);
}

/** An agreement of the actor's partnership a lawful basis may name (not ended); null for any other. */
export async function liveAgreement(ctx: Context, id: string): Promise<{ id: string; title: string } | null> {
  return q.liveAgreement(ctx.tx, ctx.actor.partnershipId, id);
}
