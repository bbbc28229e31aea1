import type { z } from 'zod';
import type { assignReferralBody, Referral, referralNote } from '../../../../shared/api/referrals.ts';
import { openReferralStates, referralStateLabels, type ReferralStep } from '../../../../shared/referrals.ts';
import type { Context } from '../../../platform/context.ts';
import { seal, type KeyRing } from '../../../platform/crypto/envelope.ts';
import { ConflictError, staleVersion, ValidationError } from '../../../platform/errors.ts';
import { notify } from '../../notifications/notify.ts';
import * as q from '../queries.ts';
import { announce, loadForDesk, referralSubject, takeStep } from '../referral.ts';
import { presentReferral } from './present.ts';

/** The referral's page after a change, read in the change's transaction (the change is audited, not a view). */
export async function reread(ctx: Context, keyRing: KeyRing, id: string): Promise<Referral> {
  return presentReferral(ctx, keyRing, await loadForDesk(ctx, keyRing, id));
}

/**
 * Gives the referral to a member of its team who works the desk (or to nobody). Someone taking a
 * new referral on starts its triage. The assignee hears of it unless they assigned themselves.
 */
export async function assignReferral(ctx: Context, keyRing: KeyRing, id: string, body: z.infer<typeof assignReferralBody>): Promise<Referral> {
  const { opened: referral } = await loadForDesk(ctx, keyRing, id);
  if (body.version !== referral.version) throw staleVersion(await reread(ctx, keyRing, id));
  if (!openReferralStates.includes(referral.status)) {
    ctx.refuse({ action: 'referral.assigned', ...referralSubject(referral), details: { reference: referral.reference, assignedToId: body.assignedToId, from: referral.status, to: referral.status } });
    throw new ConflictError(`This referral is ${referralStateLabels[referral.status].toLowerCase()}; reopen it before assigning it.`, 'referral_state');
  }
  const assignee = body.assignedToId && await q.deskMember(ctx.tx, referral.team.id, body.assignedToId);
  if (body.assignedToId && !assignee) {
    throw new ValidationError([{ field: 'assignedToId', problem: 'must be an active member of the team who works its desk' }]);
  }
  const from = referral.status;
  const started = assignee && from === 'new' ? await takeStep(ctx, referral, 'start-triage', { audit: false }) : null;
  const version = await q.assign(ctx.tx, referral.id, started?.version ?? referral.version, body.assignedToId);
  if (version === null) throw staleVersion(await reread(ctx, keyRing, id));
  ctx.audit({
    action: 'referral.assigned',
    ...referralSubject(referral),
    details: { reference: referral.reference, assignedToId: body.assignedToId, from, to: started?.status ?? from },
  });
  if (assignee) {
    await notify(ctx, [{
      userId: assignee.id,
      kind: 'referral_assigned',
      message: `Referral ${referral.reference} on the ${referral.team.name} triage desk was assigned to you.`,
      link: `/referrals/${referral.id}`,
      subjectId: referral.id,
    }]);
  }
  // Starting triage already told the desk.
  if (!started) announce(ctx, referral);
  return reread(ctx, keyRing, id);
}

/** A working note on the desk, sealed like the referral; any referral, open or finished with, may take one. */
export async function addNote(ctx: Context, keyRing: KeyRing, id: string, text: string): Promise<z.infer<typeof referralNote>> {
  const { opened: referral } = await loadForDesk(ctx, keyRing, id);
  const note = await q.insertNote(ctx.tx, { referralId: referral.id, authorId: ctx.actor.id, sealedText: seal(keyRing, text) });
  ctx.audit({ action: 'referral.noted', ...referralSubject(referral), details: { reference: referral.reference, noteId: note.id } });
  announce(ctx, referral);
  return { id: note.id, text, author: { id: ctx.actor.id, name: ctx.actor.name }, createdAt: note.createdAt.toISOString() };
}

/** The desk's own steps (start triage, withdraw, reopen), each with the reason it was taken for. */
export async function moveReferral(ctx: Context, keyRing: KeyRing, id: string, step: ReferralStep, body: { version?: number; reason?: string | null }): Promise<Referral> {
  const { opened: referral } = await loadForDesk(ctx, keyRing, id);
  await takeStep(ctx, referral, step, { reason: body.reason ?? null, version: body.version });
  return reread(ctx, keyRing, id);
}
