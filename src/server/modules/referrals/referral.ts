import type { ReferralSubjectInput, ReferrerInput } from '../../../shared/api/referrals.ts';
import type { Answers, FormDefinition } from '../../../shared/forms/definition.ts';
import type { ProfileRole } from '../../../shared/records.ts';
import {
  openReferralStates, referralStateLabels, stepFrom, type ReferralChannel, type ReferralState, type ReferralStep,
} from '../../../shared/referrals.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { canWorkDesk, type DeskTeam } from '../../platform/access/referrals.ts';
import type { Context } from '../../platform/context.ts';
import { openJson, type KeyRing } from '../../platform/crypto/envelope.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/notify/types.ts';
import { decisionDueAt, extendByPause } from '../../platform/working-days.ts';
import * as q from './queries.ts';

/** What the referrals module needs from the platform: the key ring, the mailer, and where links lead. */
export interface ReferralDeps {
  keyRing: KeyRing;
  mailer: Mailer;
  publicUrl: () => string;
}

/** What `sealed_subject` holds: the person's name and date of birth, all the desk's list shows. */
export interface SealedSubject {
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
}

/** What `sealed_submission` holds: everything else the referrer said. */
export interface SealedSubmission {
  referrer: ReferrerInput;
  subject: ReferralSubjectInput;
  answers: Answers;
  concern: string | null;
}

/** A referral as the desk works it: its row, its team and form, and what the referrer said, unsealed. */
export interface OpenedReferral {
  id: string;
  partnershipId: string;
  reference: string;
  status: ReferralState;
  version: number;
  team: DeskTeam & { name: string };
  channel: ReferralChannel;
  receivedAt: Date;
  decisionDueAt: Date;
  pausedAt: Date | null;
  assignedToId: string | null;
  formId: string | null;
  formVersionId: string | null;
  form: { id: string; name: string; version: number; definition: FormDefinition; templateVersionId: string | null; subjectRole: ProfileRole | null } | null;
  referrer: ReferrerInput;
  subject: ReferralSubjectInput;
  answers: Answers;
  concern: string | null;
  consent: boolean;
}

/** Opened together with the row it came from, for the desk's page (names of the people on it, the outcome). */
export interface LoadedReferral {
  opened: OpenedReferral;
  row: q.ReferralRow;
}

function unseal(keyRing: KeyRing, row: q.ReferralRow): OpenedReferral {
  const r = row.referral;
  const submission = openJson<SealedSubmission>(keyRing, r.sealedSubmission);
  return {
    id: r.id,
    partnershipId: r.partnershipId,
    reference: r.reference,
    status: r.status,
    version: r.version,
    team: { id: r.teamId, name: row.teamName, organisationId: row.organisationId, partnershipId: r.partnershipId },
    channel: r.channel,
    receivedAt: r.receivedAt,
    decisionDueAt: r.decisionDueAt,
    pausedAt: r.pausedAt,
    assignedToId: r.assignedToId,
    formId: r.formId,
    formVersionId: r.formVersionId,
    form: row.form && row.formVersion
      ? { id: row.form.id, name: row.form.name, subjectRole: row.form.subjectRole, ...row.formVersion }
      : null,
    referrer: submission.referrer,
    subject: submission.subject,
    answers: submission.answers,
    concern: submission.concern,
    consent: r.consent,
  };
}

/** The audit subject of anything done to a referral: its team's administrators see it. */
export function referralSubject(referral: { id: string; team: Pick<DeskTeam, 'id' | 'organisationId'> }) {
  return { entityType: 'referral' as const, entityId: referral.id, subjectOrganisationId: referral.team.organisationId, subjectTeamId: referral.team.id };
}

/** The audit subject of a desk as a whole (its list, its figures). */
export const deskSubject = (team: DeskTeam) => ({ entityType: 'team' as const, entityId: team.id, subjectOrganisationId: team.organisationId, subjectTeamId: team.id });

/** Refuses (403 `forbidden`, recorded) anyone of the partnership who does not work the team's desk. */
export function requireDesk(ctx: Context, team: DeskTeam, subject: ReturnType<typeof deskSubject> | ReturnType<typeof referralSubject>): void {
  if (canWorkDesk(ctx.actor, team)) return;
  ctx.refuse({ action: 'access.refused', ...subject, details: { why: 'does not work the team\'s triage desk' } });
  throw new ForbiddenError('Only the team a referral was sent to, and its organisation\'s administrators, can work its desk.');
}

/** A desk of the actor's partnership; outside it, or unknown, there is none. */
export async function deskOf(ctx: Context, teamId: string): Promise<q.TeamRow> {
  const team = await q.teamOf(ctx.tx, teamId);
  if (!team || team.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('team');
  return team;
}

/** Loads and unseals a referral without asking who wants it: for the referrer's link, which is its own proof. */
export async function loadReferral(ctx: Context<Actor | null>, keyRing: KeyRing, id: string): Promise<LoadedReferral | null> {
  const row = await q.getReferral(ctx.tx, id);
  return row && { opened: unseal(keyRing, row), row };
}

/** The desk's read of a referral with the row it came from; 404 outside the partnership, 403 off the desk. */
export async function loadForDesk(ctx: Context, keyRing: KeyRing, id: string): Promise<LoadedReferral> {
  const row = await q.getReferral(ctx.tx, id);
  if (!row || row.referral.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('referral');
  const team = { id: row.referral.teamId, organisationId: row.organisationId, partnershipId: row.referral.partnershipId };
  requireDesk(ctx, team, referralSubject({ id, team }));
  return { opened: unseal(keyRing, row), row };
}

/** Loads and unseals a referral for the desk: 404 outside the partnership (or unknown), 403 `forbidden` to anyone canWorkDesk refuses (refusal audited). */
export async function openForDesk(ctx: Context, keyRing: KeyRing, id: string): Promise<OpenedReferral> {
  return (await loadForDesk(ctx, keyRing, id)).opened;
}

/** Why a step may not be taken from a state, naming the state and what would let it. */
function refusal(state: ReferralState, step: ReferralStep): string {
  const now = `This referral is ${referralStateLabels[state].toLowerCase()}`;
  if (!openReferralStates.includes(state)) return `${now}; reopen it first.`;
  if (step === 'reopen') return `${now}; only a decided or withdrawn referral can be reopened.`;
  if (step === 'information-received') return `${now}; nobody has been asked for more information.`;
  if (step === 'start-triage' && state === 'waiting-for-information') return `${now}; record what the referrer said to carry on.`;
  return `${now} already.`;
}

/** A stale `version`: the reply carries where the referral stands now, to reload from. */
const staleReferral = (referral: OpenedReferral) => staleVersion({ id: referral.id, reference: referral.reference, status: referral.status, version: referral.version });

/**
 * The clock after a step: it stands still while the team waits for information, and any step
 * out of waiting moves the due time on by the pause (a new due time for supervisors to hear of).
 */
function clockAfter(referral: OpenedReferral, to: ReferralState, now: Date): Omit<q.Move, 'status'> {
  if (to === 'waiting-for-information') return { pausedAt: now };
  if (referral.status !== 'waiting-for-information' || !referral.pausedAt) return {};
  return { pausedAt: null, decisionDueAt: extendByPause(referral.decisionDueAt, referral.pausedAt, now), clearAlert: true };
}

/** Tells the desk's open screens that its list changed (ids only). */
export function announce(ctx: Context<Actor | null>, referral: { id: string; team: { id: string } }): void {
  ctx.emit({ type: 'referrals.changed', audience: { teamIds: [referral.team.id] }, data: { teamId: referral.team.id, referralId: referral.id } });
}

/**
 * Takes one step of the state machine: stepFrom or 409 `referral_state` (refusal audited as referral.moved, to: null);
 * `version` given and stale → 409 `conflict`; writes referral_events; bumps version; handles the clock
 * (request-information pauses, information-received resumes with extendByPause and clears supervisors_alerted_at);
 * emits referrals.changed. Audits `referral.moved` unless `audit: false` (a decision audits itself as referral.decided).
 */
export async function takeStep(
  ctx: Context<Actor | null>,
  referral: OpenedReferral,
  step: ReferralStep,
  opts: { reason?: string | null; version?: number; audit?: boolean },
): Promise<{ status: ReferralState; version: number }> {
  const from = referral.status;
  const reason = opts.reason ?? null;
  if (opts.version !== undefined && opts.version !== referral.version) throw staleReferral(referral);
  const to = stepFrom(from, step);
  if (!to) {
    ctx.refuse({ action: 'referral.moved', ...referralSubject(referral), reason, details: { reference: referral.reference, step, from, to: null } });
    throw new ConflictError(refusal(from, step), 'referral_state');
  }
  const now = new Date();
  // Reopened, it is a referral to decide again: a fresh clock from now, and supervisors to hear of it anew.
  const clock = step === 'reopen'
    ? { pausedAt: null, decisionDueAt: decisionDueAt(now, await q.decisionDaysOf(ctx.tx, referral.id)), clearAlert: true }
    : clockAfter(referral, to, now);
  const version = await q.moveReferral(ctx.tx, referral.id, referral.version, { status: to, ...clock });
  if (version === null) throw staleReferral(referral);
  await q.insertEvent(ctx.tx, { referralId: referral.id, at: now, step, fromStatus: from, toStatus: to, userId: ctx.actor?.kind === 'user' ? ctx.actor.id : null, reason });
  if (opts.audit !== false) {
    ctx.audit({ action: 'referral.moved', ...referralSubject(referral), reason, details: { reference: referral.reference, step, from, to } });
  }
  announce(ctx, referral);
  return { status: to, version };
}
