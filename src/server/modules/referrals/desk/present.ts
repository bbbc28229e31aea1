import type { Referral, ReferralAddress, ReferralListItem } from '../../../../shared/api/referrals.ts';
import { decidedReferralStates, openReferralStates, type ReferralState } from '../../../../shared/referrals.ts';
import { canWorkDesk } from '../../../platform/access/referrals.ts';
import type { Context } from '../../../platform/context.ts';
import { open, openJson, type KeyRing } from '../../../platform/crypto/envelope.ts';
import * as q from '../queries.ts';
import type { LoadedReferral, SealedSubject } from '../referral.ts';
import type { DeskRow } from './queries.ts';

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** The clock as the desk shows it: stopped while waiting for the referrer, gone once finished with. */
function clock(status: ReferralState, dueAt: Date, pausedAt: Date | null, now: Date) {
  const paused = status === 'waiting-for-information' && pausedAt !== null;
  const running = openReferralStates.includes(status) && !paused;
  return { decisionDueAt: running ? dueAt.toISOString() : null, overdue: running && dueAt < now, paused };
}

export function presentItem(keyRing: KeyRing, row: DeskRow): ReferralListItem {
  const subject = openJson<SealedSubject>(keyRing, row.sealed_subject);
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: row.received_at.toISOString(),
    ...clock(row.status, row.decision_due_at, row.paused_at, new Date()),
    status: row.status,
    subject: { firstName: subject.firstName, lastName: subject.lastName, dateOfBirth: subject.dateOfBirth },
    channel: row.channel,
    form: ref(row.form_id, row.form_name),
    assignedTo: ref(row.assigned_to_id, row.assigned_to_name),
  };
}

/** An address as one line, however the referrer gave it. */
function addressLine(address: ReferralAddress | null | undefined): string | null {
  if (!address) return null;
  if (typeof address === 'string') return address;
  return [address.addressLine1, address.addressLine2, address.town, address.postcode].filter(Boolean).join(', ');
}

/** The referral's whole page: what the referrer said, the desk's notes and steps, and any outcome. */
export async function presentReferral(ctx: Context, keyRing: KeyRing, { opened: r, row }: LoadedReferral): Promise<Referral> {
  const notes = await q.notesOf(ctx.tx, r.id);
  const events = await q.eventsOf(ctx.tx, r.id);
  const requests = await q.informationRequestsOf(ctx.tx, r.id);
  const decision = row.referral;
  return {
    id: r.id,
    reference: r.reference,
    receivedAt: r.receivedAt.toISOString(),
    ...clock(r.status, r.decisionDueAt, r.pausedAt, new Date()),
    status: r.status,
    channel: r.channel,
    team: { id: r.team.id, name: r.team.name },
    form: r.form && { id: r.form.id, name: r.form.name, version: r.form.version },
    assignedTo: ref(r.assignedToId, row.assignedToName),
    referrer: {
      name: r.referrer.name,
      email: r.referrer.email ?? null,
      phone: r.referrer.phone ?? null,
      organisation: r.referrer.organisation ?? null,
      relationship: r.referrer.relationship ?? null,
    },
    subject: {
      firstName: r.subject.firstName,
      lastName: r.subject.lastName,
      dateOfBirth: r.subject.dateOfBirth ?? null,
      address: addressLine(r.subject.address),
      phone: r.subject.phone ?? null,
      email: r.subject.email ?? null,
    },
    definition: r.form?.definition ?? null,
    answers: r.answers,
    concern: r.concern,
    consent: r.consent,
    pausedAt: r.pausedAt?.toISOString() ?? null,
    notes: notes.map((n) => ({ id: n.note.id, text: open(keyRing, n.note.sealedText), author: { id: n.note.authorId, name: n.authorName }, createdAt: n.note.createdAt.toISOString() })),
    events: events.map((e) => ({
      at: e.event.at.toISOString(),
      step: e.event.step,
      from: e.event.fromStatus,
      to: e.event.toStatus,
      by: ref(e.event.userId, e.userName),
      reason: e.event.reason,
    })),
    informationRequests: requests.map((i) => ({
      id: i.request.id,
      question: open(keyRing, i.request.sealedQuestion),
      askedAt: i.request.askedAt.toISOString(),
      askedBy: { id: i.request.askedBy, name: i.askedByName },
      answeredAt: i.request.answeredAt?.toISOString() ?? null,
      answer: i.request.sealedAnswer ? open(keyRing, i.request.sealedAnswer) : null,
      answeredVia: i.request.answeredVia,
    })),
    // Shown only while it stands: a reopened referral keeps what it created, on its own pages.
    outcome: decidedReferralStates.includes(r.status) && decision.decision && decision.decidedAt && decision.decidedBy
      ? {
          decision: decision.decision,
          reason: decision.decisionReason ?? '',
          decidedAt: decision.decidedAt.toISOString(),
          decidedBy: { id: decision.decidedBy, name: row.decidedByName ?? '' },
          caseId: decision.caseId,
          profileId: decision.profileId,
          reportId: decision.reportId,
          assessmentId: decision.assessmentId,
          signpostedTo: decision.signpostedTo,
        }
      : null,
    createdBy: ref(decision.createdBy, row.createdByName),
    version: r.version,
    permissions: { canWork: canWorkDesk(ctx.actor, r.team) },
  };
}
