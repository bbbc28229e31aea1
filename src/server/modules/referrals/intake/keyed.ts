import type { z } from 'zod';
import type { createdReferral, CreateReferralBody } from '../../../../shared/api/referrals.ts';
import { canSendReferralTo } from '../../../platform/access/referrals.ts';
import type { Context } from '../../../platform/context.ts';
import { ForbiddenError, ValidationError } from '../../../platform/errors.ts';
import { formForKeying } from '../../referral-forms/service.ts';
import { deskOf, deskSubject, type ReferralDeps } from '../referral.ts';
import { receive } from './receive.ts';

/** A clock a little ahead of the server's is not a referral from the future. */
const futureLeewayMs = 5 * 60_000;

/**
 * A referral keyed in by staff (taken by phone, on paper, by email or in person) or sent by another
 * system with its organisation's token. It lands on `teamId`, else the form's team, else the
 * keyer's own; anyone writing in the partnership may send one to any team's desk. A system's
 * referral is always on the `api` channel and names no member of staff as its maker.
 */
export async function createReferral(ctx: Context, deps: ReferralDeps, body: CreateReferralBody): Promise<z.infer<typeof createdReferral>> {
  const now = new Date();
  const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + futureLeewayMs) throw new ValidationError([{ field: 'receivedAt', problem: 'must not be in the future' }]);
  const form = body.formId ? await formForKeying(ctx, body.formId) : null;
  const team = await deskOf(ctx, body.teamId ?? form?.teamId ?? ctx.actor.teamId);
  if (form && form.teamId !== team.id) throw new ValidationError([{ field: 'formId', problem: 'is a form of another team: key the referral onto that team\'s desk' }]);
  if (!canSendReferralTo(ctx.actor, team)) {
    ctx.refuse({ action: 'access.refused', ...deskSubject(team), details: { why: 'may not send a referral to the team\'s desk' } });
    throw new ForbiddenError('You cannot send a referral to that team.');
  }
  const system = ctx.actor.kind === 'api_token';
  const received = await receive(ctx, deps, {
    teamId: team.id,
    partnershipId: team.partnershipId,
    form,
    channel: system ? 'api' : body.channel ?? 'phone',
    receivedAt,
    referrer: body.referrer,
    subject: body.subject,
    answers: body.answers,
    concern: body.concern ?? null,
    consent: body.consent,
    createdBy: system ? null : ctx.actor.id,
    apiTokenId: system ? ctx.actor.id : null,
  });
  return { ...received, receivedAt: received.receivedAt.toISOString(), decisionDueAt: received.decisionDueAt.toISOString() };
}
