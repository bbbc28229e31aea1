import type { z } from 'zod';
import type { LawfulBasisEntry, LawfulBasisList, endLawfulBasisBody, lawfulBasisBody } from '../../../../shared/api/agreements.ts';
import { addMonths, type ConsentMethod } from '../../../../shared/data-protection.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { mayEverEdit } from '../../../platform/access/records.ts';
import { diff } from '../../../platform/audit/diff.ts';
import type { Context } from '../../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../../../platform/errors.ts';
import { londonToday } from '../../../platform/london.ts';
import { audienceOf, contributableRecord, findRecord, viewableRecord, type SharedRecord } from '../../sharing/record-access.ts';
import { liveAgreement } from '../agreements/service.ts';
import { settingsOf } from '../settings/service.ts';
import * as q from './queries.ts';

type Body = z.infer<typeof lawfulBasisBody>;

/** Someone of the basis's organisation who may add to the record: each agency answers for its own basis. */
const mayEnd = (actor: Actor, row: q.BasisRow) => row.endedAt === null && row.organisationId === actor.organisationId && mayEverEdit(actor);

function present(actor: Actor, listed: q.ListedBasis, today: string): LawfulBasisEntry {
  const b = listed.basis;
  return {
    id: b.id,
    profileId: b.profileId,
    organisation: { id: b.organisationId, name: listed.organisationName },
    basis: b.basis,
    specialCategoryCondition: b.specialCategoryCondition,
    agreement: b.agreementId ? { id: b.agreementId, name: listed.agreementTitle ?? '' } : null,
    consentGivenOn: b.consentGivenOn,
    consentMethod: b.consentMethod,
    reviewOn: b.reviewOn,
    reviewDue: b.endedAt === null && b.reviewOn < today,
    notes: b.notes,
    recordedBy: b.recordedBy ? { id: b.recordedBy, name: listed.recordedByName ?? '' } : null,
    recordedAt: b.recordedAt.toISOString(),
    endedAt: b.endedAt?.toISOString() ?? null,
    endedBy: b.endedBy ? { id: b.endedBy, name: listed.endedByName ?? '' } : null,
    endReason: b.endReason,
    canEnd: mayEnd(actor, b),
  };
}

/** The audit subject: the basis, owned (for its administrators' trail) by the team that holds the person. */
const subjectOf = (record: SharedRecord, id: string) => ({
  entityType: 'lawful_basis' as const,
  entityId: id,
  subjectOrganisationId: record.ownerOrganisationId,
  subjectTeamId: record.ownerTeamId,
});

async function presentOne(ctx: Context, profileId: string, id: string): Promise<LawfulBasisEntry> {
  const listed = (await q.listForProfile(ctx.tx, profileId)).find((l) => l.basis.id === id)!;
  return present(ctx.actor, listed, londonToday());
}

/** Every organisation's basis for holding the person's information, to anyone who may open the person. */
export async function listLawfulBases(ctx: Context, profileId: string): Promise<LawfulBasisList> {
  const record = await viewableRecord(ctx, 'profile', profileId);
  const today = londonToday();
  const all = (await q.listForProfile(ctx.tx, record.id)).map((l) => present(ctx.actor, l, today));
  ctx.audit({ action: 'lawful_bases.viewed', entityType: 'profile', entityId: record.id, subjectOrganisationId: record.ownerOrganisationId, subjectTeamId: record.ownerTeamId, details: { count: all.length } });
  return { current: all.filter((b) => !b.endedAt), past: all.filter((b) => b.endedAt), canRecord: mayEverEdit(ctx.actor) };
}

/**
 * The rules of a basis: consent (or Article 9 explicit consent) says when and how it was given,
 * and nothing else carries a consent; a review date set by hand lies ahead; an agreement named is
 * one of the partnership's that has not ended.
 */
async function problemsOf(ctx: Context, body: Body, today: string): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const consented = body.basis === 'consent' || body.specialCategoryCondition === 'explicit-consent';
  if (consented) {
    if (!body.consentGivenOn) problems.push({ field: 'consentGivenOn', problem: 'is needed for consent' });
    else if (body.consentGivenOn > today) problems.push({ field: 'consentGivenOn', problem: 'must not be in the future' });
    if (!body.consentMethod) problems.push({ field: 'consentMethod', problem: 'is needed for consent' });
  } else {
    if (body.consentGivenOn) problems.push({ field: 'consentGivenOn', problem: 'is only for consent' });
    if (body.consentMethod) problems.push({ field: 'consentMethod', problem: 'is only for consent' });
  }
  if (body.reviewOn && body.reviewOn <= today) problems.push({ field: 'reviewOn', problem: 'must be a date after today' });
  if (body.agreementId && !(await liveAgreement(ctx, body.agreementId))) problems.push({ field: 'agreementId', problem: 'is not a live sharing agreement of this partnership' });
  return problems;
}

const auditedFields = ['basis', 'specialCategoryCondition', 'agreementId', 'consentGivenOn', 'consentMethod', 'reviewOn'] as const;

/**
 * Records the basis on which the actor's organisation holds and shares the person's information.
 * Each organisation has one current basis per person: a new one supersedes (ends) the last.
 * Anyone who may add to the person's record may record their own organisation's.
 */
export async function recordLawfulBasis(ctx: Context, profileId: string, body: Body): Promise<LawfulBasisEntry> {
  const record = await contributableRecord(ctx, 'profile', profileId);
  const today = londonToday();
  const problems = await problemsOf(ctx, body, today);
  if (problems.length > 0) throw new ValidationError(problems);
  const { organisationId } = ctx.actor;
  const by = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const previous = await q.lockCurrent(ctx.tx, record.id, organisationId);
  if (previous) await q.endBasis(ctx.tx, previous.id, by, 'superseded');
  const consented = body.basis === 'consent' || body.specialCategoryCondition === 'explicit-consent';
  const values = {
    basis: body.basis,
    specialCategoryCondition: body.specialCategoryCondition ?? null,
    agreementId: body.agreementId ?? null,
    consentGivenOn: consented ? body.consentGivenOn ?? null : null,
    consentMethod: consented ? body.consentMethod ?? null : null,
    reviewOn: body.reviewOn ?? addMonths(today, (await settingsOf(ctx.tx, record.partnershipId)).lawfulBasisReviewMonths),
  };
  const row = await q.insertBasis(ctx.tx, { ...values, partnershipId: record.partnershipId, profileId: record.id, organisationId, notes: body.notes || null, recordedBy: by });
  ctx.audit({
    action: 'lawful_basis.recorded',
    ...subjectOf(record, row.id),
    changes: diff(null, values, auditedFields),
    details: { record: { kind: 'profile', id: record.id }, basis: row.basis, superseded: previous?.id ?? null },
  });
  ctx.emit({ type: 'lawful_bases.changed', audience: await audienceOf(ctx, record), data: { profileId: record.id } });
  return presentOne(ctx, record.id, row.id);
}

/**
 * The consent a person gave to join a scheme (a Keep Safe Card: Article 6 consent with Article 9
 * explicit consent, for their health), recorded as the scheme organisation's basis when it holds
 * them on no other: a force that already holds someone for a crime keeps the basis it has. Called
 * on issuing a card, whose consent the scheme's administrators checked, so no record access is
 * asked of the issuer. True when it recorded one.
 */
export async function recordSchemeConsent(ctx: Context, consent: { profileId: string; organisationId: string; givenOn: string; method: ConsentMethod }): Promise<boolean> {
  const record = await findRecord(ctx, 'profile', consent.profileId);
  if (await q.lockCurrent(ctx.tx, record.id, consent.organisationId)) return false;
  const values = {
    basis: 'consent' as const,
    specialCategoryCondition: 'explicit-consent' as const,
    agreementId: null,
    consentGivenOn: consent.givenOn,
    consentMethod: consent.method,
    reviewOn: addMonths(londonToday(), (await settingsOf(ctx.tx, record.partnershipId)).lawfulBasisReviewMonths),
  };
  const row = await q.insertBasis(ctx.tx, { ...values, partnershipId: record.partnershipId, profileId: record.id, organisationId: consent.organisationId, notes: 'Consent to join the Keep Safe Card scheme', recordedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null });
  ctx.audit({
    action: 'lawful_basis.recorded',
    ...subjectOf(record, row.id),
    changes: diff(null, values, auditedFields),
    details: { record: { kind: 'profile', id: record.id }, basis: row.basis, superseded: null },
  });
  ctx.emit({ type: 'lawful_bases.changed', audience: await audienceOf(ctx, record), data: { profileId: record.id } });
  return true;
}

/** Ends a current basis of the actor's own organisation: consent withdrawn, or no longer needed. The note goes to the audit trail. */
export async function endLawfulBasis(ctx: Context, id: string, body: z.infer<typeof endLawfulBasisBody>): Promise<LawfulBasisEntry> {
  const row = await q.getBasis(ctx.tx, id);
  if (!row || row.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('lawful basis');
  const record = await contributableRecord(ctx, 'profile', row.profileId);
  if (row.organisationId !== ctx.actor.organisationId) {
    ctx.refuse({ action: 'access.refused', ...subjectOf(record, row.id), details: { why: 'another organisation\'s lawful basis' } });
    throw new ForbiddenError('Only the organisation that recorded a lawful basis ends it.', 'not_your_organisation');
  }
  const ended = await q.endBasis(ctx.tx, row.id, ctx.actor.kind === 'user' ? ctx.actor.id : null, body.reason);
  if (!ended) throw new ConflictError('This lawful basis has already ended.', 'already_ended');
  ctx.audit({
    action: 'lawful_basis.ended',
    ...subjectOf(record, row.id),
    reason: body.note || null,
    changes: diff({ endReason: null }, { endReason: body.reason }, ['endReason']),
    details: { record: { kind: 'profile', id: record.id }, endReason: body.reason },
  });
  ctx.emit({ type: 'lawful_bases.changed', audience: await audienceOf(ctx, record), data: { profileId: record.id } });
  return presentOne(ctx, record.id, row.id);
}
