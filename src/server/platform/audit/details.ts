import type { z } from 'zod';
import type { AssessmentScope } from '../../../shared/api/assessments.ts';
import type { auditEventQuery } from '../../../shared/api/audit.ts';
import type { caseListQuery } from '../../../shared/api/cases.ts';
import type { Home } from '../../../shared/api/home.ts';
import type { ImportKind } from '../../../shared/api/imports.ts';
import type { SetupStep } from '../../../shared/api/setup.ts';
import type { matchQuery } from '../../../shared/api/profiles.ts';
import type { timelineQuery } from '../../../shared/api/reports.ts';
import type { assigneeInput, recordTaskListQuery, taskListQuery } from '../../../shared/api/tasks.ts';
import type { QuestionKind } from '../../../shared/forms/questions.ts';
import type { AttendanceStatus, ReferralCriterion, ReferralStatus } from '../../../shared/panels.ts';
import type { CaseReviewStage, ContactChannel, TriggerBasis } from '../../../shared/victim-care.ts';
import type { AppointmentStatus, MessageSender, PortalChannel, PortalEndReason } from '../../../shared/portal.ts';
import type { LawfulBasisEndReason } from '../../../shared/data-protection.ts';
import type { Exemption, SarItemDecision, SarItemKind } from '../../../shared/subject-access.ts';
import type { LawfulBasis, ReferralChannel, ReferralDecision, ReferralFormStatus, ReferralState, ReferralStatusFilter, ReferralStep } from '../../../shared/referrals.ts';
import type { AccessLevel, LocationKind, ProfileRole, RecordKind, RelationshipKind, RiskLevel } from '../../../shared/records.ts';
import type { ComplianceCheck, ExportFormat, InsightScope, SummarySection } from '../../../shared/insights.ts';
import type { EmergencyAccessStatus, EmergencyReviewOutcome } from '../../../shared/emergency-access.ts';
import type { Role } from '../../../shared/roles.ts';
import type { RetentionRecordKind, RetentionStart } from '../../../shared/retention.ts';
import type { ApplicationCheck, ApplicationKind, CardIssueReason, LookupMethod, RemovalReason } from '../../../shared/schemes.ts';
import type { TaskPriority, Visibility } from '../../../shared/work.ts';
import type { Need } from '../access/check.ts';
import type { Permission } from '../access/permissions.ts';
import type { ChainReport } from './verify.ts';

type Ref = { id: string; name: string };
type RecordRef = { kind: RecordKind; id: string };
/** Who a record is shared with, named as they were when it was shared. */
type ShareTarget = { team: Ref } | { organisation: Ref };
type AccessGrant = { target: ShareTarget; level: AccessLevel; before: AccessLevel | null };
/** The record an assessment or report is on. */
type OnRecord = { recordKind: RecordKind; recordId: string };
type ListScope = 'all' | 'mine' | 'shared';
type Seeded = { name: string; seed: 'demo' };
type HomePanelName = keyof Home;
/** A panel's work on one record (a referral, an agenda item): the record is the event's entity. */
type OnPanelRecord = { record: RecordRef; panelId: string };
type OnAgendaItem = OnPanelRecord & { meetingId: string; itemId: string };
type InsightView = 'overview' | 'compliance' | 'compliance_list' | 'hotspots';
type InsightFilters = Record<string, string | number | null>;
/** What a PDF summary held: its sections, the records it named, and how much of the timeline. */
type SummaryContents = { sections: SummarySection[]; records: RecordRef[]; reportIds: string[]; taskIds: string[]; assessmentId: string | null; timelineEntries: number };
type PanelFigures = { panelId: string; from: string | null; to: string | null; referrals: number };

/**
 * What each audit action keeps in its `details`: `never` for an action that keeps none, a union
 * where it is recorded in more than one way. Never secrets.
 */
export interface AuditDetails {
  // `method: 'oidc'` for a sign-in through the organisation's provider; `mfa: 'provider'` when its second factor stood in for the code.
  'auth.signed_in': { stage: 'enrolment' | 'full'; method?: 'oidc'; mfa?: 'provider' };
  'auth.sign_in_failed': {
    email: string;
    why: 'throttled' | 'disabled' | 'unknown_account' | 'wrong_password' | 'wrong_code' | 'sso_required'
      | 'sso_unavailable' | 'sso_state' | 'sso_provider' | 'sso_not_linked' | 'sso_unverified';
    failures?: number;
    method?: 'oidc';
    /** The provider's own words, when it refused or answered wrongly. */
    problem?: string;
  };
  'auth.signed_out': never;
  'auth.authenticator_enrolled': never;
  'auth.password_reset_requested': { email: string; sent: boolean };
  'auth.password_reset': never;
  'auth.invitation_accepted': never;
  'auth.password_changed': never;
  'access.refused':
    // A record, document, task or assessment refused by the rules that guard it.
    | { why: string; need?: Need }
    // A route the actor's role lacks the permission for.
    | { method: string; route?: string; permission: Permission; why: string }
    // A use case that refused with an error without recording why.
    | { code: string; message: string };
  // The demo seed's rows; the service's own creates and updates carry changes instead.
  'partnership.created': Seeded;
  'partnership.updated': never;
  // How many rows of one kind the demo's data set made, on its partnership: one event per kind, not per row.
  'demo_data.seeded': { seed: 'demo'; kind: string; count: number };
  'organisation.created': Seeded;
  'organisation.updated': never;
  'team.created': Seeded;
  'team.updated': never;
  'user.viewed': never;
  // Made by the create-admin command and the demo seed.
  'user.created': { email: string; role: Role; seed?: 'demo' };
  'user.updated': never;
  'user.disabled': { sessionsEnded: number };
  'user.enabled': never;
  'user.invitation_sent': never;
  'user.authenticator_reset': { sessionsEnded: number };
  'api_token.created': { name: string; access: 'read' | 'write'; teamId: string };
  'api_token.revoked': never;
  // A webhook's settings: where it sends and what; its secret is never in the trail, only that it changed.
  'webhook.created': WebhookSettings;
  'webhook.updated': { before: Partial<WebhookSettings>; after: Partial<WebhookSettings>; secretChanged: boolean };
  // By an administrator, or by the deliverer after repeated failures (`why`), naming the event that used up its attempts.
  'webhook.disabled': { why: 'administrator' | 'repeated_failures'; eventId?: string };
  'webhook.enabled': never;
  'webhook.deleted': WebhookSettings;
  'organisation_sign_in.updated': { clientSecretChanged: boolean };
  'organisation_sign_in.tested': { ok: boolean; message: string };
  // A search by name keeps the words in its own `search.performed`, and here only the records it found.
  'audit.viewed': { filters: Omit<z.infer<typeof auditEventQuery>, 'cursor' | 'limit' | 'q'>; records?: RecordRef[] };
  'audit.verified': ChainReport;
  'outbox.viewed': { recipient: string | null; count: number };
  'lookup.created': never;
  'lookup.updated': never;
  // Refused: the person may already be on the record.
  'profile.created': { code: 'possible_duplicate'; shown: string[] };
  'profile.viewed': { redirectedFrom: string };
  // A risk level set by a completed assessment.
  'profile.updated': { assessmentId: string };
  'profile.photo_changed': never;
  'profile.photo_viewed': never;
  'profile.relationship_added': { relationshipId: string; kind: RelationshipKind; label: string; otherProfileId: string };
  'profile.relationship_removed': { relationshipId: string; kind: RelationshipKind; label: string; otherProfileId: string };
  'profile.merged': {
    survivorId: string;
    duplicateId: string;
    warningMarkerIds: string[];
    vulnerabilityIds: string[];
    moved: {
      caseLinks: { moved: number; alreadyLinked: number };
      addresses: { moved: number; alreadyHeld: number };
      relationships: { moved: number; dropped: number };
      warningMarkers: number;
      vulnerabilities: number;
      roles: ProfileRole[];
      aliases: { firstName: string; lastName: string }[];
      access: AccessGrant[];
    } & Record<'reports' | 'documents' | 'tasks' | 'actions' | 'assessments' | 'interests', number>;
  };
  // Its risk-level history, when it is not the audit history.
  'profile.history_viewed': { riskLevels: true };
  'profiles.listed': { count: number; scope: ListScope; role: ProfileRole | null; riskLevel: RiskLevel | null; q: string | null };
  'profiles.matched':
    | { query: z.infer<typeof matchQuery>; count: number; profileIds: string[] }
    | { import: 'dry_run'; rows: number; errors: number; profileIds: string[] };
  'profiles.imported':
    | { code: 'validation_failed'; rows: number; errors: number }
    | { rows: number; created: number; matched: number; profileIds: string[] };
  // Users, cases and locations from CSV: the dry run, the refused real run, the real run and what it made.
  // A step of the setup wizard: what it added (never the pasted text, which names people).
  'partnership_setup.step_done': { step: SetupStep } & Record<string, string | number>;
  'partnership_setup.viewed': { userIds: string[] };
  'records.imported':
    | { kind: ImportKind; dryRun: true; rows: number; errors: number }
    | { kind: ImportKind; code: 'validation_failed'; rows: number; errors: number }
    | { kind: ImportKind; dryRun: false; rows: number; created: number; ids: string[] };
  'case.created': never;
  'case.viewed': never;
  'case.updated': never;
  'case.closed': never;
  'case.reopened': never;
  'case.archived': never;
  'case.profile_linked': { profileId: string; role: ProfileRole };
  'case.profile_unlinked': { profileId: string; role: ProfileRole };
  'case.location_linked': { locationId: string };
  'case.location_unlinked': { locationId: string };
  'case.intervention_added': { interventionId: string };
  'case.intervention_updated': { interventionId: string };
  'case.history_viewed': never;
  'cases.listed': Pick<z.infer<typeof caseListQuery>, 'scope' | 'status' | 'profileId' | 'locationId' | 'q' | 'startedFrom' | 'startedTo' | 'endingBefore'> & {
    caseTypeId?: string; leadOfficerId?: string; count: number;
  };
  'location.created': never;
  // The people its page listed, locked stubs included.
  'location.viewed': { profileIds: string[] };
  'location.updated': never;
  // People whose addresses were linked to it: when their address was entered, or when the location's was.
  'location.people_linked': { profileIds: string[]; linkedBy: 'person_address' | 'location_address' };
  'location.history_viewed': never;
  'locations.listed': { scope: ListScope; kind: LocationKind | null; q: string | null; resultCount: number };
  'locations.matched': { addressLine1: string | null; postcode: string | null; resultCount: number };
  'record.shared':
    | AccessGrant
    | AccessGrant & { mergedFrom: string }
    | AccessGrant & { accessRequestId: string }
    // Given to the teams that run a panel, for a record referred to it, or renewed (before 'view') to a later end.
    | AccessGrant & { panelId: string; expiresAt: string }
    | { teamId: string | null; organisationId: string | null; level: AccessLevel; source: 'case type default sharing'; caseTypeId: string };
  'record.unshared':
    | { target: ShareTarget; level: null; before: AccessLevel }
    // Taken back from a team left with no one running the panel that gave it.
    | { target: ShareTarget; level: null; before: AccessLevel; panelId: string };
  'record.access_viewed': never;
  'access_request.created': { record: RecordRef };
  'access_request.approved': { record: RecordRef };
  'access_request.refused': { record: RecordRef };
  'access_request.withdrawn': { record: RecordRef };
  'search.performed': { query: string; kind: RecordKind | null; resultCount: number };
  'report.created': OnRecord;
  'report.updated': OnRecord & { version: number; bodyChanged: boolean };
  // A report read, or its earlier versions.
  'report.viewed': OnRecord & ({ readable: boolean } | { versions: true });
  'timeline.viewed': Pick<z.infer<typeof timelineQuery>, 'kinds' | 'reportTypeIds' | 'organisationId' | 'from' | 'to' | 'includeLinked'> & { count: number };
  'document.uploaded': { record: RecordRef; folder: string; visibility: Visibility; templateId: string | null };
  'document.version_added': { version: number; contentType: string; byteSize: number };
  // Changed by its author, or narrowed with the report it is attached to.
  'document.updated': { titleChanged: boolean; descriptionChanged: boolean } | { reportId: string };
  'document.downloaded': { version: number; disposition: 'inline' | 'attachment' };
  'document.viewed': { readable: boolean };
  'documents.listed': { folder?: string; count: number };
  'template.created': { folder: string; title: string; contentType: string; scanResult: 'clean' | 'not_scanned' };
  'template.updated': never;
  'template.downloaded': never;
  'task.set': {
    record: RecordRef | null;
    assignee: z.infer<typeof assigneeInput>;
    dueOn: string;
    priority: TaskPriority;
    actionPlanId: string | null;
    watcherIds: string[];
  };
  'task.viewed': never;
  'task.changed': { titleChanged: boolean; descriptionChanged: boolean };
  'task.accepted': never;
  'task.declined': never;
  'task.progress_added': never;
  'task.completed': never;
  'task.reassigned': { titleChanged: boolean; descriptionChanged: boolean };
  // Withdrawn because its reason went (a discarded assessment draft): who had set it.
  'task.cancelled': { setBy: string };
  'task.watched': never;
  'task.unwatched': never;
  'tasks.listed':
    | Pick<z.infer<typeof taskListQuery>, 'view' | 'state' | 'overdue'> & { count: number }
    | { record: RecordRef; state: z.infer<typeof recordTaskListQuery>['state']; count: number }
    | { record: RecordRef; actionPlans: number; count: number };
  'action_plan.created': { caseId: string; title: string };
  'action_plan.updated': never;
  'action.created': { dueAt: string; recipientIds: string[]; record: RecordRef | null };
  'action.updated': { titleChanged: boolean; notesChanged: boolean };
  // Done because what it asked for happened.
  'action.done': { fulfilled: true };
  'action.reminded': { by: 'reminder sweep'; recipientIds: string[] };
  'action.viewed': never;
  'actions.listed': { state: 'upcoming' | 'due' | 'done' | 'all'; count: number };
  'interest.registered': never;
  'interest.dropped': never;
  'interests.listed': { count: number; records: RecordRef[] };
  'notification_preferences.updated': never;
  // How many each panel counted, and every record the page named: what the person was shown.
  'home.viewed': { counts: Record<HomePanelName, number>; records: RecordRef[] };
  // The same for a team's supervisor: how many of each list, and every record named.
  'supervision.viewed': { counts: Record<'cases' | 'overdueTasks' | 'overdueReviews' | 'approvals' | 'overdueContacts', number>; records: RecordRef[] };
  // Answers are never kept, only which questions were answered: administrators read the trail.
  'assessment.started': OnRecord & { template: string; templateVersion: number; visibility: Visibility; answered: string[] };
  'assessment.updated': OnRecord & { answersChanged: string[] };
  'assessment.completed': OnRecord & {
    template: string;
    templateVersion: number;
    score: number | null;
    band: string | null;
    adjustedScore: number | null;
    reviewOn: string | null;
    flagged: string[];
    requirementsMet: number;
    answered: string[];
  };
  'assessment.viewed': OnRecord & { readable: boolean };
  'assessment.discarded': OnRecord & { cancelledTasks: string[] };
  'assessment.adjusted': OnRecord & { score: number | null; adjustedScore: number; status: 'approved' | 'pending' };
  'assessment.adjustment_decided': OnRecord & { decision: 'approved' | 'rejected'; score: number | null; adjustedScore: number | null };
  'assessment.review_started': OnRecord & { reviewOf: string; templateVersion: number; answered: string[] };
  'assessment.information_requested': OnRecord & { questionKey: string; taskId: string };
  'assessment.compared': OnRecord & { compared: string[] };
  'assessments.listed':
    | { count: number; readable: number }
    | { scope: AssessmentScope; count: number; assessmentIds: string[]; records: RecordRef[] };
  'assessment_statistics.viewed': { from: string | null; to: string | null; area: string | null; total: number };
  'assessment_statistics.exported': { from: string | null; to: string | null; area: string | null; total: number };
  'assessment_template.created': { key: string; name: string; version: number };
  'assessment_template.updated': never;
  'assessment_template.copied': { key: string; name: string; from: string; fromKey: string; fromVersion: number };
  'assessment_question.submitted': { key: string; kind: QuestionKind; status: 'approved' | 'submitted' };
  'assessment_question.updated': never;
  // The demo seed's panels; the service's own creates and updates carry changes instead.
  'panel.created': Seeded;
  'panel.updated': never;
  'panel_referral.created': OnPanelRecord & {
    referralId: string; criteria: ReferralCriterion[]; repeat: boolean; hasChildren: boolean; latestAssessmentId: string | null;
  };
  'panel_referral.withdrawn': OnPanelRecord & { referralId: string };
  'panel_referral.viewed': OnPanelRecord & { referralId: string; restricted: boolean };
  // What a referral would start from: the assessments and people it showed.
  'panel_referral.start_viewed': OnPanelRecord & { suggested: ReferralCriterion[]; repeat: boolean; assessmentIds: string[]; profileIds: string[] };
  // Every record the list named, stubs included.
  'panel_referrals.listed': { panelId: string | null; status: ReferralStatus | null; count: number; records: RecordRef[] };
  'panel_statistics.viewed': PanelFigures;
  'panel_statistics.exported': PanelFigures;
  'meeting.created': { panelId: string; startsAt: string };
  'meeting.updated': never;
  // The records whose details the page showed, and those it showed only as a stub.
  'meeting.viewed': { panelId: string; records: RecordRef[]; restricted: RecordRef[] };
  'meeting.closed': { panelId: string; heardReferralIds: string[] };
  'meeting.attendance_recorded': { organisationId: string; status: AttendanceStatus; confidentialityAgreed: boolean };
  'agenda.reordered': { itemIds: string[] };
  'agenda_item.added': OnAgendaItem & { referralId: string; position: number };
  // Taken off the agenda: the referral waits for another meeting.
  'agenda_item.removed': OnAgendaItem & { referralId: string };
  // The wording is the record's content, kept as the item's versions, not here.
  'agenda_item.minuted': OnAgendaItem & { version: number; afterClose: boolean; risksChanged: boolean };
  'agenda_item.versions_viewed': OnAgendaItem & { count: number };
  'agenda_research.saved': OnAgendaItem & { organisationId: string; version: number; withheld: boolean };
  'agenda_action.agreed': OnAgendaItem & { taskId: string };
  'victim_care_settings.updated': never;
  'victim_care.viewed': never;
  // Made for a victim linked to a case, or set by someone; a safe time may name people, so only whether it changed.
  'contact_plan.set': { created: boolean; safeTimesChanged: boolean; by?: 'victim linked to case'; caseId?: string };
  'contact_plan.viewed': never;
  'contact_plan.supervisors_alerted': { by: 'overdue contact sweep'; dueOn: string; supervisorIds: string[] };
  // Recorded, or refused because the plan does not mark the channel safe.
  'victim_contact.recorded':
    | { contactId: string; channel: ContactChannel | null; reached: boolean; reportId: string | null }
    | { code: 'unsafe_channel'; channel: ContactChannel; voicemailLeft: boolean };
  'victim_contacts.listed': { count: number };
  'victim_contacts.exported': { count: number };
  'overdue_contacts.listed': { teamId: string | null; count: number; records: RecordRef[] };
  'community_trigger.raised': {
    flagId: string; basis: TriggerBasis; complaints: number; organisations: number; by: 'report' | 'sweep'; reportId?: string; alerted: string[];
  };
  'community_trigger.cleared': { flagId: string; why: 'case review closed' | 'no longer met' };
  'community_triggers.listed': { count: number; records: RecordRef[] };
  'case_review.opened': { caseReviewId: string; flagId: string | null; applicationReceivedOn: string; thresholdDueOn: string };
  'case_review.viewed': { caseReviewId: string };
  // The words of an outcome may name people: only the step, its day and what falls due next.
  'case_review.moved': { caseReviewId: string; from: CaseReviewStage; to: CaseReviewStage; on: string; thresholdMet?: boolean; nextDueOn: string | null };
  // A form's set-up: its settings and whether its questions made a new version (never answers).
  'referral_form.created': { slug: string; teamId: string; status: ReferralFormStatus; formVersion: number; templateId: string | null };
  'referral_form.updated': { slug: string; status: ReferralFormStatus; formVersion: number; newVersion: boolean };
  // Never what the referral says: it is sealed, and the audit trail keeps values in clear.
  'referral.received': { reference: string; channel: ReferralChannel; formId: string | null; formVersion: number | null; decisionDueAt: string };
  // A public submission dropped without storing anything: the hidden field a person never fills was filled.
  'referral.discarded': { formId: string; why: 'honeypot' };
  'referrals.listed': { teamId: string; status: ReferralStatusFilter; count: number; referralIds: string[] };
  'referral.viewed': { reference: string };
  // The likely matches shown beside it: every profile named, stubs included.
  'referral.matches_viewed': { reference: string; profileIds: string[] };
  'referral.assigned': { reference: string; assignedToId: string | null; from: ReferralState; to: ReferralState };
  'referral.noted': { reference: string; noteId: string };
  // A step of the state machine other than a decision (start triage, information received, withdraw, reopen), or one refused.
  'referral.moved': { reference: string; step: ReferralStep; from: ReferralState; to: ReferralState | null };
  'referral.decided': {
    reference: string; decision: ReferralDecision; from: ReferralState; to: ReferralState;
    caseId: string | null; profileId: string | null; reportId: string | null; assessmentId: string | null; createdProfile: boolean; createdCase: boolean;
  };
  // The referrer answered through their link (the answer itself is sealed on the referral).
  'referral.information_answered': { reference: string; requestId: string };
  'referral.supervisors_alerted': { by: 'overdue referral sweep'; reference: string; decisionDueAt: string; supervisorIds: string[] };
  'referral_statistics.viewed': { teamId: string; from: string; to: string; received: number };
  // The client portal. Never a message's words, a code, or a client's address or number: the
  // event's entity and the profile say whose they were.
  'portal_settings.viewed': never;
  'portal_settings.updated': never;
  'portal_access.viewed': { profileId: string; accessId: string | null };
  'portal_access.invited':
    | { profileId: string; channels: PortalChannel[]; keyworkerId: string; teamId: string; endWithCaseId: string | null; code: PortalChannel | null }
    | { code: 'unsafe_channel'; channels: PortalChannel[] };
  'portal_access.ended': { profileId: string; endReason: PortalEndReason; sessionsEnded: number; caseId?: string };
  // Every request for a code, made after the reply, whether or not anyone has that address or number.
  'portal.code_requested': { channel: PortalChannel };
  'portal.code_sent': { purpose: 'invitation' | 'sign_in'; channel: PortalChannel };
  // Asked for by a channel the contact plan does not mark safe, or past the access's codes for the hour: nothing was sent.
  'portal.code_withheld': { channel: PortalChannel; why: 'unsafe_channel' | 'too_many_codes' };
  'portal.signed_in': { channel: PortalChannel };
  'portal.sign_in_failed': { why: 'no_code' | 'wrong_code' | 'too_many_tries' };
  'portal.signed_out': never;
  'portal.me_viewed': never;
  'messages.listed': { profileId: string; side: MessageSender; count: number; messageIds: string[] };
  'message.sent': { profileId: string; sender: MessageSender; attachmentIds: string[] };
  'messages.read': { profileId: string; side: MessageSender; upTo: string; count: number };
  'message.attachment_uploaded': { profileId: string; storedFileId: string; contentType: string; size: number };
  'message.attachment_downloaded': { profileId: string; messageId: string | null };
  // Told by email or text that a message had come, or not, because the plan marks neither safe.
  'message.client_told': { profileId: string; channel: PortalChannel | null; withheld: PortalChannel[] };
  'safety_plan.viewed': { side: MessageSender };
  'safety_plan.updated': { steps: number; safeContacts: number; emergencyContacts: number };
  'appointments.listed': { profileId: string; side: MessageSender; count: number };
  'appointment.created': { profileId: string; startsAt: string };
  'appointment.updated': { profileId: string; status: AppointmentStatus };
  'appointment.rearrange_requested': { profileId: string };
  'appointment.reminder_sent': { profileId: string; channel: PortalChannel | null; withheld: PortalChannel[] };
  'portal_items.listed': { profileId: string; side: MessageSender; documents: number; tasks: number };
  'portal_document.shared': { profileId: string; documentId: string };
  'portal_document.unshared': { profileId: string; documentId: string };
  'portal_document.downloaded': { profileId: string; documentId: string; version: number };
  'portal_task.marked': { profileId: string; taskId: string };
  'portal_task.unmarked': { profileId: string; taskId: string };
  'portal_task.done': { profileId: string; taskId: string };
  // Every dashboard read: which view, the filters as applied, and every record a list on it named.
  'insights.viewed': { view: InsightView; scope: InsightScope; filters: InsightFilters; check?: ComplianceCheck; records?: RecordRef[] };
  // What an export held: its tables and the records it named.
  'insights.exported': { view: InsightView; scope: InsightScope; format: ExportFormat; tables: string[]; filters: InsightFilters; records?: RecordRef[] };
  'insight_settings.updated': never;
  // The words searched for stay in this event's values, its actor's alone; the reports found are named by id.
  'reports.searched': { query: string; resultCount: number; reportIds: string[] };
  'case.summary_exported': SummaryContents;
  'profile.summary_exported': SummaryContents;
  // Who looked at a person: how many entries the reader was shown, and the filter they chose.
  'profile.viewers_viewed': { count: number; filter: string | null };
  'profile.recent_viewers_viewed': { count: number };
  // On the profile; the reason is the event's.
  'emergency_access.granted': { emergencyAccessId: string; expiresAt: string };
  'emergency_access.reviewed': { outcome: EmergencyReviewOutcome };
  'emergency_accesses.listed': { status: EmergencyAccessStatus; count: number };
  'sharing_agreement.created': { parties: string[] };
  'sharing_agreement.updated': { parties: string[] };
  'sharing_agreement.viewed': never;
  'sharing_agreements.listed': { count: number };
  'sharing_agreement.document_uploaded': { storedFileId: string };
  'sharing_agreement.document_downloaded': { storedFileId: string };
  // Told by the sweep that a review date is near: the agreement's or the lawful basis's.
  'review.reminded': { reviewOn: string; userIds: string[] };
  'lawful_basis.recorded': { record: RecordRef; basis: LawfulBasis; superseded: string | null };
  'lawful_basis.ended': { record: RecordRef; endReason: LawfulBasisEndReason };
  'lawful_bases.viewed': { count: number };
  'data_protection_settings.updated': never;
  // Subject access: ids, dates, codes and counts; what the items say stays in the export.
  'subject_access.started': { record: RecordRef; receivedOn: string; dueOn: string };
  'subject_access.viewed': never;
  'subject_access.listed': { count: number };
  'subject_access.items_viewed': { requestId: string; organisationId: string; count: number };
  'subject_access.collected': { counts: Partial<Record<SarItemKind, number>>; redactions: number };
  'subject_access.failed': { code: string };
  'subject_access.extended': { dueOn: string; personToldOn: string };
  'subject_access.paused': { pausedOn: string };
  'subject_access.resumed': { pausedDays: number; dueOn: string };
  'subject_access.cancelled': never;
  'subject_access.item_decided': { requestId: string; itemId: string; decision: SarItemDecision; exemption: Exemption | null };
  'subject_access.redaction_added': { requestId: string; itemId: string; exemption: Exemption; occurrences: number };
  'subject_access.redaction_removed': { requestId: string; itemId: string; automatic: boolean };
  'subject_access.replacement_uploaded': { requestId: string; itemId: string; storedFileId: string };
  'subject_access.review_completed': { requestId: string; organisationId: string; items: number; withheld: number; redactions: number };
  'subject_access.packaged': { files: number; bytes: number; downloadExpiresAt: string };
  'subject_access.downloaded': { downloads: number };
  'subject_access.expired': never;
  'subject_access.reminded': { dueOn: string; userIds: string[] };
  // The Keep Safe Card register: ids, codes and counts; what the scheme holds of the person is its values.
  'cardholder.registered': { record: RecordRef; cardId: string; fromApplication?: string };
  'cardholder.viewed': never;
  'cardholder.updated': never;
  'cardholders.listed': { count: number };
  'cardholder.card_issued': { cardId: string; issueReason: CardIssueReason };
  'cardholder.card_printed': { cardId: string };
  'cardholder.review_due': { reviewDueOn: string };
  'cardholder.review_confirmed': { reviewDueOn: string };
  'cardholder.removed': { removalReason: RemovalReason };
  'cardholder.withdrawn': { removalReason: RemovalReason };
  // What was typed (a card number, or a name and date of birth) is the event's values, not structural.
  'scheme.looked_up': { lookupMethod: LookupMethod; found: boolean; cardId?: string; typed: string };
  'scheme_lookups.listed': { count: number };
  'cardholder.card_expired': { cardId: string };
  'scheme.updated': never;
  // Applications for a card: what the applicant said is the application's, never in the details.
  'scheme_application.created': { record: RecordRef; kind: ApplicationKind; referralId: string | null };
  'scheme_application.viewed': never;
  'scheme_application.updated': never;
  'scheme_application.checked': { check: ApplicationCheck; done: boolean };
  'scheme_application.approved': never;
  'scheme_application.declined': never;
  'scheme_application.withdrawn': never;
  'scheme_application.issued': { cardholderId: string; cardId: string };
  'scheme_applications.listed': { count: number; status: string };
  // Retention: a rule's terms; the queue's reads; the sweep's new reviews per kind of record.
  'retention_rule.created': RetentionRuleTerms;
  'retention_rule.updated': RetentionRuleTerms;
  'retention_rules.listed': { count: number };
  'retention_reviews.listed': { status: string; count: number };
  'retention.swept': { counts: Record<string, number> };
  // On the review; the reason is the event's.
  // A cardholder's review names no record kind of its own: the review is the entity.
  'retention_review.kept': { record?: RecordRef; keepUntil: string };
  // No values but the reason: what was replaced is counted, never quoted. A case names the people it left as they were.
  'profile.anonymised': { counts: Record<string, number>; ruleId?: string };
  'case.anonymised': { counts: Record<string, number>; ruleId?: string; skipped: string[] };
  // The tombstone of a deleted record: its kind and id, the rule and how many rows went, nothing personal.
  'record.deleted': { recordKind: RecordKind; recordId: string; ruleId: string | null; counts: Record<string, number> };
  'legal_hold.placed': { record: RecordRef };
  'legal_hold.lifted': { record: RecordRef };
  'legal_holds.listed': { count: number };
  // DPA 2018 s62: whose log, which days, how many rows.
  'disclosure_log.viewed': { organisationId: string; from: string; to: string; rows: number };
  'disclosure_log.exported': { organisationId: string; from: string; to: string; rows: number; format: ExportFormat };
  'help_article.created': { slug: string };
  'help_article.updated': { slug: string; version: number };
  'suggestion.created': never;
  'suggestion.supported': never;
  'suggestion.support_withdrawn': never;
  'suggestion.answered': never;
  'suggestion.status_changed': never;
}

interface WebhookSettings { url: string; events: string[] }

interface RetentionRuleTerms { recordKind: RetentionRecordKind; caseTypeId: string | null; startsFrom: RetentionStart; keepMonths: number; active: boolean }
