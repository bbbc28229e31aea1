import type { caseLabels, interventionLabels } from '../../../shared/labels/cases.ts';
import type { locationLabels } from '../../../shared/labels/locations.ts';
import type { profileLabels } from '../../../shared/labels/profiles.ts';
import type { reportLabels } from '../../../shared/labels/reports.ts';
import type { taskLabels } from '../../../shared/labels/tasks.ts';

/** One field's value before a change and after it. */
export interface Change {
  before: unknown;
  after: unknown;
}

declare const fieldsOf: unique symbol;

/**
 * The fields a change touched, each with its before and after; a field it left alone is absent.
 * `fieldsOf` is never set: it carries the fields `diff` was asked to compare, so an action that
 * declares its fields refuses a diff over others (optional properties alone would not).
 */
export type Changes<F extends string = string> = { [K in F]?: Change } & { readonly [fieldsOf]?: F };

/**
 * A field of a record people work on, which its history and the audit trail show by the label in
 * `src/shared/labels`: a field audited without a label there does not compile.
 */
type Labelled<Labels, F extends keyof Labels & string> = F;

// The fields each record's writes audit, as their modules' `auditedFields` name them.
type PartnershipField = 'name';
type OrganisationField = 'name' | 'kind' | 'partnershipId';
type TeamField = 'name' | 'organisationId';
type UserField = 'name' | 'email' | 'role' | 'isSupervisor' | 'isCoordinator' | 'schemeLookUp' | 'teamId' | 'jobTitle' | 'phone';
type LookupField = 'list' | 'key' | 'name' | 'groupName' | 'code' | 'position' | 'active' | 'defaultSharing';
type ProfileField = Labelled<typeof profileLabels,
  | 'firstName' | 'lastName' | 'aliases' | 'dateOfBirth' | 'approximateAge' | 'gender' | 'ethnicity' | 'phone' | 'email' | 'roles'
  | 'vulnerabilities' | 'warningMarkers' | 'keyInformation' | 'reasonCreated' | 'riskLevel' | 'addresses'>;
type CaseField = Labelled<typeof caseLabels,
  | 'reference' | 'title' | 'summary' | 'caseTypeId' | 'status' | 'leadOrganisationId' | 'leadOfficerId' | 'singlePointOfContactId'
  | 'startDate' | 'endDate' | 'parentCaseId' | 'outcome' | 'closureReason'>;
type InterventionField = Labelled<typeof interventionLabels, 'interventionTypeId' | 'status' | 'startDate' | 'endDate' | 'outcome' | 'notes'>;
type LocationField = Labelled<typeof locationLabels, 'kind' | 'name' | 'addressLine1' | 'addressLine2' | 'town' | 'postcode' | 'latitude' | 'longitude' | 'uprn'>;
type ReportField = Labelled<typeof reportLabels, 'reportTypeId' | 'occurredAt' | 'visibility'>;
type TaskField = Labelled<typeof taskLabels, 'priority' | 'dueOn' | 'assignedUserId' | 'assignedTeamId' | 'assignedOrganisationId' | 'status' | 'actionPlanId'>;
type AssessmentTemplateField = 'name' | 'description' | 'status' | 'version';
type QuestionField = 'text' | 'guidance' | 'kind' | 'nature' | 'topics' | 'options' | 'scale' | 'status';
type PanelField = 'kind' | 'name' | 'chairUserId' | 'memberOrganisationIds' | 'coordinatorIds';
type MeetingField = 'startsAt' | 'endsAt' | 'place' | 'onlineLink';
type VictimCareSettingsField =
  | 'cadenceStandardDays' | 'cadenceMediumDays' | 'cadenceHighDays' | 'cadenceNotAssessedDays' | 'overdueGraceDays'
  | 'triggerComplaints' | 'triggerMonths' | 'triggerLocationComplaints' | 'triggerAnyHateIncident';
type ContactPlanField = 'frequencyDays' | 'caseId' | 'preferredChannel' | 'safeToText' | 'safeToVoicemail' | 'safeToEmail' | 'safeToLetter' | 'nextContactDue';
type SharingAgreementField = 'title' | 'purpose' | 'lawfulBasis' | 'specialCategoryCondition' | 'legislation' | 'status' | 'startsOn' | 'reviewOn' | 'endsOn' | 'parties';
type LawfulBasisField = 'basis' | 'specialCategoryCondition' | 'agreementId' | 'consentGivenOn' | 'consentMethod' | 'reviewOn';
type CardholderField =
  | 'condition' | 'communication' | 'medicationNotes' | 'carers' | 'emergencyContacts' | 'usesDisabilityContactLine' | 'showConditionOnCard'
  | 'parentalConsentBy' | 'parentalConsentOn' | 'keyworkerId' | 'reviewDueOn';
type ReferralFormField =
  | 'name' | 'slug' | 'introduction' | 'privacyNotice' | 'lawfulBasis' | 'sensitive' | 'decisionDays' | 'subjectRole' | 'status' | 'purpose' | 'templateId'
  | 'formVersion';

/**
 * The actions that record a before and after, and over which fields. An action not named here
 * carries no changes. Titles, descriptions and notes that may name a client are absent on
 * purpose: their actions' details say only that they changed.
 */
export interface AuditChanges {
  'partnership.created': PartnershipField;
  'partnership.updated': PartnershipField;
  'organisation.created': OrganisationField;
  'organisation.updated': OrganisationField;
  // Never the client secret: its details say only whether it changed.
  'organisation_sign_in.updated': 'issuerUrl' | 'clientId' | 'enabled' | 'trustProviderMfa' | 'mfaAcrValues' | 'ssoOnly';
  'team.created': TeamField;
  'team.updated': TeamField;
  'user.created': UserField;
  'user.updated': UserField;
  'lookup.created': LookupField;
  'lookup.updated': LookupField;
  'profile.created': ProfileField;
  'profile.updated': ProfileField;
  'profile.photo_changed': Labelled<typeof profileLabels, 'photo'>;
  'profile.merged': Labelled<typeof profileLabels, 'roles' | 'mergedIntoId'>;
  'case.created': CaseField;
  'case.updated': CaseField;
  'case.closed': CaseField;
  'case.reopened': CaseField;
  'case.archived': CaseField;
  'case.intervention_added': InterventionField;
  'case.intervention_updated': InterventionField;
  'location.created': LocationField;
  'location.updated': LocationField;
  'record.shared': 'level';
  'record.unshared': 'level';
  'report.created': ReportField;
  'report.updated': ReportField;
  'document.updated': 'folder' | 'visibility';
  'template.updated': 'title' | 'folder' | 'description' | 'active' | 'file' | 'fileName';
  'task.changed': TaskField;
  'task.reassigned': TaskField;
  'task.accepted': 'status';
  'task.declined': 'status';
  'task.completed': 'status';
  'task.cancelled': 'status';
  'action_plan.updated': 'title';
  'action.updated': 'dueAt' | 'recipientIds';
  'notification_preferences.updated': 'email';
  'assessment.updated': 'visibility';
  'assessment_template.updated': AssessmentTemplateField;
  'assessment_question.updated': QuestionField;
  'panel.created': PanelField;
  'panel.updated': PanelField;
  'meeting.updated': MeetingField;
  'victim_care_settings.updated': VictimCareSettingsField;
  'contact_plan.set': ContactPlanField;
  'referral_form.updated': ReferralFormField;
  'portal_settings.updated': 'serviceName' | 'exitUrl';
  'insight_settings.updated': 'staleAfterDays' | 'repeatVictimIncidents';
  'sharing_agreement.created': SharingAgreementField;
  'sharing_agreement.updated': SharingAgreementField;
  'lawful_basis.recorded': LawfulBasisField;
  'lawful_basis.ended': 'endReason';
  'data_protection_settings.updated': 'reviewReminderDays' | 'lawfulBasisReviewMonths' | 'redactOtherAgencyStaff' | 'downloadDays';
  'cardholder.updated': CardholderField;
  'scheme.updated': 'name' | 'teamId' | 'reviewMonths' | 'removalMonths' | 'cardValidMonths' | 'applicationFormId';
  'scheme_application.updated': 'details' | 'keyworkerId';
  'help_article.created': 'title' | 'body' | 'screens';
  'help_article.updated': 'title' | 'body' | 'screens';
  'suggestion.created': 'title' | 'body';
  'suggestion.answered': 'answer';
  'suggestion.status_changed': 'status';
}
