import type { Actor } from '../access/actor.ts';
import type { AuditChanges, Changes } from './changes.ts';
import type { AuditDetails } from './details.ts';

/**
 * Every kind of audit event, as a closed list: a new kind is a deliberate change here, and the
 * audit viewer can offer them as a filter. Names are `<what>.<what happened>`.
 */
export const auditActions = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.signed_out',
  'auth.authenticator_enrolled',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.invitation_accepted',
  'auth.password_changed',
  'access.refused',
  'partnership.created',
  'partnership.updated',
  'organisation.created',
  'organisation.updated',
  'team.created',
  'team.updated',
  'user.viewed',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.invitation_sent',
  'user.authenticator_reset',
  'api_token.created',
  'api_token.revoked',
  'audit.viewed',
  'audit.verified',
  'outbox.viewed',
  'lookup.created',
  'lookup.updated',
  'profile.created',
  'profile.viewed',
  'profile.updated',
  'profile.photo_changed',
  'profile.photo_viewed',
  'profile.relationship_added',
  'profile.relationship_removed',
  'profile.merged',
  'profile.history_viewed',
  'profiles.listed',
  'profiles.matched',
  'profiles.imported',
  'case.created',
  'case.viewed',
  'case.updated',
  'case.closed',
  'case.reopened',
  'case.archived',
  'case.profile_linked',
  'case.profile_unlinked',
  'case.location_linked',
  'case.location_unlinked',
  'case.intervention_added',
  'case.intervention_updated',
  'case.history_viewed',
  'cases.listed',
  'location.created',
  'location.viewed',
  'location.updated',
  'location.people_linked',
  'location.history_viewed',
  'locations.listed',
  'locations.matched',
  'record.shared',
  'record.unshared',
  'record.access_viewed',
  'access_request.created',
  'access_request.approved',
  'access_request.refused',
  'access_request.withdrawn',
  'search.performed',
  'report.created',
  'report.updated',
  'report.viewed',
  'timeline.viewed',
  'document.uploaded',
  'document.version_added',
  'document.updated',
  'document.downloaded',
  'document.viewed',
  'documents.listed',
  'template.created',
  'template.updated',
  'template.downloaded',
  'task.set',
  'task.viewed',
  'task.changed',
  'task.accepted',
  'task.declined',
  'task.progress_added',
  'task.completed',
  'task.reassigned',
  'task.cancelled',
  'task.watched',
  'task.unwatched',
  'tasks.listed',
  'action_plan.created',
  'action_plan.updated',
  'action.created',
  'action.updated',
  'action.done',
  'action.reminded',
  'action.viewed',
  'actions.listed',
  'interest.registered',
  'interest.dropped',
  'interests.listed',
  'notification_preferences.updated',
  'home.viewed',
  'supervision.viewed',
  'assessment.started',
  'assessment.updated',
  'assessment.completed',
  'assessment.viewed',
  'assessment.discarded',
  'assessment.adjusted',
  'assessment.adjustment_decided',
  'assessment.review_started',
  'assessment.information_requested',
  'assessment.compared',
  'assessments.listed',
  'assessment_statistics.viewed',
  'assessment_statistics.exported',
  'assessment_template.created',
  'assessment_template.updated',
  'assessment_template.copied',
  'assessment_question.submitted',
  'assessment_question.updated',
  'panel.created',
  'panel.updated',
  'panel_referral.created',
  'panel_referral.withdrawn',
  'panel_referral.viewed',
  'panel_referral.start_viewed',
  'panel_referrals.listed',
  'panel_statistics.viewed',
  'panel_statistics.exported',
  'meeting.created',
  'meeting.updated',
  'meeting.viewed',
  'meeting.closed',
  'meeting.attendance_recorded',
  'agenda.reordered',
  'agenda_item.added',
  'agenda_item.removed',
  'agenda_item.minuted',
  'agenda_item.versions_viewed',
  'agenda_research.saved',
  'agenda_action.agreed',
  'victim_care_settings.updated',
  'victim_care.viewed',
  'contact_plan.set',
  'contact_plan.viewed',
  'contact_plan.supervisors_alerted',
  'victim_contact.recorded',
  'victim_contacts.listed',
  'victim_contacts.exported',
  'overdue_contacts.listed',
  'community_trigger.raised',
  'community_trigger.cleared',
  'community_triggers.listed',
  'case_review.opened',
  'case_review.viewed',
  'case_review.moved',
  'referral_form.created',
  'referral_form.updated',
  'referral.received',
  'referral.discarded',
  'referrals.listed',
  'referral.viewed',
  'referral.matches_viewed',
  'referral.assigned',
  'referral.noted',
  'referral.moved',
  'referral.decided',
  'referral.information_answered',
  'referral.supervisors_alerted',
  'referral_statistics.viewed',
] as const;

export type AuditAction = (typeof auditActions)[number];

/**
 * The changes to a profile, case or location itself that its timeline shows, read back from the
 * audit trail (which holds each change's before and after). A partial index covers exactly these.
 */
export const recordChangeActions = [
  'profile.created', 'profile.updated', 'profile.photo_changed', 'profile.relationship_added', 'profile.relationship_removed', 'profile.merged',
  'case.created', 'case.updated', 'case.closed', 'case.reopened', 'case.archived', 'case.profile_linked', 'case.profile_unlinked',
  'case.location_linked', 'case.location_unlinked', 'case.intervention_added', 'case.intervention_updated',
  'location.created', 'location.updated',
  'record.shared', 'record.unshared',
] as const satisfies readonly AuditAction[];

export const auditEntityTypes = [
  'partnership', 'organisation', 'team', 'user', 'api_token', 'session', 'audit_event', 'outbound_message',
  'lookup', 'profile', 'case', 'location', 'access_request', 'stored_file',
  'report', 'document', 'document_template', 'task', 'action_plan', 'action',
  'assessment', 'assessment_template', 'assessment_question',
  'panel', 'meeting',
  'referral_form', 'referral',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

// Compile-time checks on the maps keyed by action: a misspelt action fails `OnlyActions`, and an
// action missing from the details fails `EveryAction`.
type OnlyActions<M extends Record<Exclude<keyof M, AuditAction>, never>> = M;
type EveryAction<M extends Record<AuditAction, unknown>> = M;
type Described = EveryAction<OnlyActions<AuditDetails>>;
type ChangedFields = OnlyActions<AuditChanges>;
type Changed<A extends AuditAction> = A extends keyof ChangedFields ? Changes<ChangedFields[A]> : never;

/** One audit event for the use case to record, its details and changes shaped by its action. */
type AuditEntryOf<A extends AuditAction> = {
  action: A;
  /** Who acted, when it is not the use case's actor: the person who has just signed in. */
  actor?: Actor;
  outcome?: 'success' | 'refused' | 'failed';
  entityType?: AuditEntityType;
  entityId?: string | null;
  /** The organisation and team that own the record, so their administrators see what was done to it. */
  subjectOrganisationId?: string | null;
  subjectTeamId?: string | null;
  reason?: string | null;
  /** For writes: the fields that changed, before and after. Never secrets. */
  changes?: Changed<A> | null;
  details?: Described[A] | null;
};

export type AuditEntry = { [A in AuditAction]: AuditEntryOf<A> }[AuditAction];

/** An entry recorded as refused, whatever becomes of its use case. */
export type AuditRefusal = { [A in AuditAction]: Omit<AuditEntryOf<A>, 'outcome'> }[AuditAction];
