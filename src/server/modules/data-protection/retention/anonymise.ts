import type { z } from 'zod';
import type { Anonymised, AnonymisedCase, anonymiseBody } from '../../../../shared/api/retention.ts';
import { anonymisedName, removedText, type HoldRecordKind } from '../../../../shared/retention.ts';
import { canManageOrganisation } from '../../../platform/access/administration.ts';
import type { Context } from '../../../platform/context.ts';
import { openJson, sealJson, type KeyRing } from '../../../platform/crypto/envelope.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion } from '../../../platform/errors.ts';
import { forgetStoredFiles } from '../../../platform/files/stored.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import * as q from './queries.ts';

/** What erasing needs beyond the transaction: the file storage and the key ring of sealed text. */
export interface RetentionDeps {
  files: FileStorage;
  keyRing: KeyRing;
}

export const recordSubject = (kind: HoldRecordKind, facts: q.RecordFacts) => ({
  entityType: kind,
  entityId: facts.id,
  subjectOrganisationId: facts.ownerOrganisationId,
  subjectTeamId: facts.ownerTeamId,
});

/**
 * A profile or case of the actor's partnership, locked, that they may decide on: the owning
 * organisation's administrators and the partnership's system administrators (outside the
 * partnership it does not exist; a refusal is audited).
 */
export async function decidableRecord(ctx: Context, kind: HoldRecordKind, id: string): Promise<q.RecordFacts> {
  const facts = await q.lockRecord(ctx.tx, kind, id);
  if (!facts || facts.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError(kind);
  if (!canManageOrganisation(ctx.actor, facts.ownerOrganisationId)) {
    ctx.refuse({ action: 'access.refused', ...recordSubject(kind, facts), details: { why: 'not an administrator of the owning organisation' } });
    throw new ForbiddenError(`Only the administrators of ${facts.ownerOrganisationName} decide what happens to its records.`);
  }
  return facts;
}

const legalHold = () => new ConflictError('A legal hold stands on this record: it cannot be anonymised or deleted until the hold is lifted.', 'legal_hold');
const alreadyAnonymised = () => new ConflictError('This record has already been anonymised.', 'already_anonymised');

/** A referral's sealed submission with the person taken out: their details and the answers' words replaced, the referrer's kept. */
function withoutPerson(keyRing: KeyRing, sealed: string): string {
  const submission = openJson<Record<string, unknown>>(keyRing, sealed);
  const blank = (value: unknown): unknown => (typeof value === 'string' ? removedText : Array.isArray(value) ? value.map(blank) : value);
  const subject = Object.fromEntries(Object.entries((submission.subject ?? {}) as Record<string, unknown>).map(([k, v]) => [k, v === null ? null : blank(v)]));
  const answers = Object.fromEntries(Object.entries((submission.answers ?? {}) as Record<string, unknown>).map(([k, v]) => [k, blank(v)]));
  return sealJson(keyRing, {
    ...submission,
    subject: { ...subject, ...anonymisedName, dateOfBirth: null },
    answers,
    concern: submission.concern === null ? null : removedText,
  });
}

/**
 * Replaces what identifies the person and the free text on their record, forgets what was sent
 * to them, erases the audit values that held any of it, and deletes their files' bytes once the
 * transaction has committed. The caller audits what it did with the counts.
 */
export async function erasePerson(ctx: Context, deps: RetentionDeps, profileId: string, partnershipId: string): Promise<Record<string, number>> {
  // The person is owed their copy first: what the request collected is theirs until it is closed.
  if (await q.subjectAccessOpen(ctx.tx, profileId)) {
    throw new ConflictError('A subject access request about this person is still being answered: anonymise or delete them once it is closed.', 'subject_access_open');
  }
  const tokens = await q.identifyingTokens(ctx.tx, profileId);
  const files = await q.filesOf(ctx.tx, profileId);
  const counts = await q.anonymiseProfile(ctx.tx, profileId, {
    text: sealJson(deps.keyRing, removedText),
    subject: sealJson(deps.keyRing, { ...anonymisedName, dateOfBirth: null }),
    submission: (old) => withoutPerson(deps.keyRing, old),
  });
  // The photo's rows go with its bytes; documents' and attachments' rows stay, marked removed, so counts hold.
  await forgetStoredFiles(ctx.tx, files.filter((f) => f.photo).map((f) => f.id));
  Object.assign(counts, await q.forgetCorrespondence(ctx.tx, profileId, tokens));
  const erased = await q.eraseAuditValues(ctx.tx, profileId, partnershipId, tokens);
  counts.audit_values = erased.own;
  counts.audit_values_searches = erased.free;
  counts.files = files.length;
  afterCommitDelete(ctx, deps, files.map((f) => f.storageKey));
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

export function afterCommitDelete(ctx: Context, deps: RetentionDeps, keys: string[]) {
  if (keys.length === 0) return;
  ctx.afterCommit(async () => {
    await Promise.all(keys.map((key) => deps.files.delete(key)));
  });
}

/** Anonymises one person (D15): the caller has locked them and checked who may; returns when it was done. */
export async function anonymisePerson(ctx: Context, deps: RetentionDeps, facts: q.RecordFacts, reason: string, ruleId: string | null): Promise<Record<string, number>> {
  const counts = await erasePerson(ctx, deps, facts.id, facts.partnershipId);
  await q.closePendingReview(ctx.tx, 'profile', facts.id, 'anonymised', ctx.actor.id, reason);
  ctx.audit({ action: 'profile.anonymised', ...recordSubject('profile', facts), reason, details: { counts, ...(ruleId ? { ruleId } : {}) } });
  ctx.emit({ type: 'profile.changed', audience: { teamIds: [facts.ownerTeamId] }, data: { id: facts.id } });
  return counts;
}

/** `POST /profiles/:id/anonymise`: the contract's use case. */
export async function anonymiseProfile(ctx: Context, deps: RetentionDeps, id: string, body: z.infer<typeof anonymiseBody>): Promise<Anonymised> {
  const facts = await decidableRecord(ctx, 'profile', id);
  if (facts.mergedIntoId) throw new ConflictError('This profile was merged into another: anonymise that one.', 'merged');
  if (facts.anonymisedAt) throw alreadyAnonymised();
  if (await q.holdOn(ctx.tx, 'profile', id)) throw legalHold();
  if (facts.version !== body.version) throw staleVersion({ id, version: facts.version });
  await anonymisePerson(ctx, deps, facts, body.reason, null);
  const after = (await q.lockRecord(ctx.tx, 'profile', id))!;
  return { id, anonymisedAt: after.anonymisedAt!.toISOString() };
}

/**
 * Anonymises a closed case (D16): its title, summary and reports, and each of its people unless
 * they are on another open case or under a legal hold (of their own or of another case of theirs),
 * who are left as they were and listed with why.
 */
export async function anonymiseCaseRecord(ctx: Context, deps: RetentionDeps, facts: q.RecordFacts, reason: string, ruleId: string | null): Promise<AnonymisedCase> {
  if (facts.anonymisedAt) throw alreadyAnonymised();
  if (await q.holdOn(ctx.tx, 'case', facts.id)) throw legalHold();
  if (!facts.closedAt) throw new ConflictError('Close the case before anonymising it.', 'case_open');
  const people: AnonymisedCase['people'] = [];
  for (const person of await q.casePeople(ctx.tx, facts.id)) {
    const why = person.anonymisedAt ? 'already_anonymised' as const : person.held ? 'legal_hold' as const
      : person.onOtherOpenCase ? 'open_case' as const : person.subjectAccessOpen ? 'subject_access_open' as const : null;
    if (!why) {
      const personFacts = (await q.lockRecord(ctx.tx, 'profile', person.id))!;
      await anonymisePerson(ctx, deps, personFacts, reason, ruleId);
    }
    people.push({ id: person.id, anonymised: !why, why });
  }
  const counts = await q.anonymiseCase(ctx.tx, facts.id);
  counts.audit_values = await q.eraseCaseAuditValues(ctx.tx, facts.id);
  counts.people = people.filter((p) => p.anonymised).length;
  await q.closePendingReview(ctx.tx, 'case', facts.id, 'anonymised', ctx.actor.id, reason);
  const skipped = people.filter((p) => !p.anonymised && p.why !== 'already_anonymised').map((p) => p.id);
  ctx.audit({ action: 'case.anonymised', ...recordSubject('case', facts), reason, details: { counts, skipped, ...(ruleId ? { ruleId } : {}) } });
  ctx.emit({ type: 'case.changed', audience: { teamIds: [facts.ownerTeamId] }, data: { id: facts.id } });
  const after = (await q.lockRecord(ctx.tx, 'case', facts.id))!;
  return { id: facts.id, anonymisedAt: after.anonymisedAt!.toISOString(), people };
}

/** `POST /cases/:id/anonymise`. */
export async function anonymiseCase(ctx: Context, deps: RetentionDeps, id: string, body: z.infer<typeof anonymiseBody>): Promise<AnonymisedCase> {
  const facts = await decidableRecord(ctx, 'case', id);
  if (facts.anonymisedAt) throw alreadyAnonymised();
  if (facts.version !== body.version) throw staleVersion({ id, version: facts.version });
  return anonymiseCaseRecord(ctx, deps, facts, body.reason, null);
}
