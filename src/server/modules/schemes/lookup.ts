import type { z } from 'zod';
import type { LookupBody, LookupLogPage, LookupResult, lookupLogQuery } from '../../../shared/api/schemes.ts';
import { lookupRateLimit, normaliseCardNumber, printedCardNumber, type LookupMethod, type SchemeKey } from '../../../shared/schemes.ts';
import { isSchemeAdmin } from '../../platform/access/schemes.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, encodeCursor, isUuid } from '../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import * as q from './queries.ts';
import { loadScheme } from './register.ts';

/**
 * The emergency look-up: someone flagged for it (a control room, fire, ambulance liaison) finds a
 * cardholder by card number, or by name and date of birth, giving a reason, and sees only what
 * they need to help: first name, condition, how to communicate, medication, whom to call. Every
 * look-up, found or not, is kept for the scheme's administrators and audited with its reason and
 * what was typed (the event's values); the holder's keyworker is told, naming the responder's
 * organisation and never the holder.
 */
export async function lookUp(ctx: Context, key: SchemeKey, body: LookupBody): Promise<LookupOutcome> {
  const method: LookupMethod = body.cardNumber ? 'card_number' : 'name_and_date_of_birth';
  // A mistyped number is refused before anything is looked up or counted.
  const cardNumber = body.cardNumber ? normaliseCardNumber(body.cardNumber) : null;
  if (body.cardNumber && !cardNumber) throw new ValidationError([{ field: 'cardNumber', problem: 'is not a Keep Safe card number: check each character' }]);
  const scheme = await loadScheme(ctx, key);

  const windowStart = new Date(Date.now() - lookupRateLimit.windowMinutes * 60_000);
  if ((await q.lookupsSince(ctx.tx, ctx.actor.id, windowStart)) >= lookupRateLimit.max) {
    throw new RateLimitedError(lookupRateLimit.windowMinutes * 60, `You have made ${lookupRateLimit.max} look-ups in ${lookupRateLimit.windowMinutes} minutes. Wait a few minutes and try again.`);
  }

  const matches = cardNumber
    ? [await q.holderByCard(ctx.tx, scheme.id, cardNumber)].filter((m) => m !== null)
    : await q.holdersByName(ctx.tx, scheme.id, scheme.partnershipId, { firstName: body.firstName!, lastName: body.lastName!, dateOfBirth: body.dateOfBirth! });
  const found = matches.length === 1 ? matches[0]! : null;
  const typed = cardNumber ?? `${body.firstName} ${body.lastName}, born ${body.dateOfBirth}`;
  const lookup = await q.insertLookup(ctx.tx, {
    partnershipId: scheme.partnershipId,
    schemeId: scheme.id,
    cardholderId: found?.cardholderId ?? null,
    cardId: found?.cardId ?? null,
    userId: ctx.actor.id,
    teamId: ctx.actor.teamId,
    organisationId: ctx.actor.organisationId,
    method,
    reason: body.reason,
    found: found !== null,
  });
  // The subject is the scheme's team, so its administrators see every look-up on the audit trail.
  ctx.audit({
    action: 'scheme.looked_up',
    ...(found ? { entityType: 'cardholder', entityId: found.cardholderId } : { entityType: 'scheme', entityId: scheme.id }),
    subjectOrganisationId: scheme.organisationId,
    subjectTeamId: scheme.teamId,
    reason: body.reason,
    details: { lookupMethod: method, found: found !== null, ...(found?.cardId && { cardId: found.cardId }), typed },
  });
  if (matches.length > 1) return { kind: 'several' };
  if (!found || !found.cardNumber || !found.cardStatus || !found.cardExpiresOn) return { kind: 'none' };

  if (found.keyworkerId) {
    const organisation = await q.organisationName(ctx.tx, ctx.actor.organisationId);
    await notify(ctx, [{
      userId: found.keyworkerId,
      kind: 'scheme_lookup',
      message: `Someone at ${organisation} looked up a Keep Safe cardholder you support.`,
      link: `/schemes/${key}/cardholders/${found.cardholderId}`,
      subjectId: lookup.id,
    }]);
  }
  const answer: LookupResult = {
    firstName: found.firstName,
    condition: found.condition,
    communication: found.communication,
    carers: found.carers.map((c) => ({ name: c.name, relationship: c.relationship ?? null, phone: c.phone })),
    emergencyContacts: found.emergencyContacts.map((c) => ({ name: c.name, relationship: c.relationship ?? null, phone: c.phone })),
    lookupId: lookup.id,
    cardNumber: printedCardNumber(found.cardNumber),
    cardStatus: found.cardStatus,
    cardExpiresOn: found.cardExpiresOn,
    medicationNotes: found.medicationNotes,
    usesDisabilityContactLine: found.usesDisabilityContactLine,
  };
  return { kind: 'found', answer };
}

/**
 * What a look-up found. A look-up that finds nobody is still kept and audited, so its use case
 * returns rather than throws (which would undo both); the route answers with `answerOf`.
 */
export type LookupOutcome = { kind: 'found'; answer: LookupResult } | { kind: 'none' } | { kind: 'several' };

export function answerOf(outcome: LookupOutcome): LookupResult {
  if (outcome.kind === 'several') throw new ConflictError('More than one cardholder has that name and date of birth. Ask for the card number.', 'several_matches');
  if (outcome.kind === 'none') throw new NotFoundError('cardholder');
  return outcome.answer;
}

/** Every look-up of the scheme, newest first, for its administrators. */
export async function listLookups(ctx: Context, key: SchemeKey, query: z.infer<typeof lookupLogQuery>): Promise<LookupLogPage> {
  const scheme = await loadScheme(ctx, key);
  if (!isSchemeAdmin(ctx.actor, scheme)) throw new ForbiddenError('Only the scheme\'s administrators read its look-ups.', 'not_scheme_admin');
  const before = decodeCheckedCursor<[string]>(query.cursor, isUuid);
  const rows = await q.listLookups(ctx.tx, scheme.id, { cardholderId: query.cardholderId }, before?.[0] ?? null, query.limit + 1);
  const items = rows.slice(0, query.limit);
  ctx.audit({ action: 'scheme_lookups.listed', entityType: 'scheme', entityId: scheme.id, subjectOrganisationId: scheme.organisationId, subjectTeamId: scheme.teamId, details: { count: items.length } });
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.lookup.id,
      at: r.lookup.at.toISOString(),
      user: { id: r.lookup.userId, name: r.userName },
      team: { id: r.lookup.teamId, name: r.teamName },
      organisation: { id: r.lookup.organisationId, name: r.organisationName },
      method: r.lookup.method,
      reason: r.lookup.reason,
      found: r.lookup.found,
      cardholder: r.lookup.cardholderId && r.firstName ? { id: r.lookup.cardholderId, name: `${r.firstName} ${r.lastName}` } : null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.lookup.id]) : null,
  };
}
