import type { CaseStatus } from '../records.ts';

/** A case's fields in the words on its forms, for the forms, the case's history and the audit trail. */
export const caseLabels = {
  reference: 'Reference',
  caseType: 'Case type',
  caseTypeId: 'Case type',
  title: 'Title',
  summary: 'Summary',
  status: 'Status',
  leadOrganisationId: 'Lead organisation',
  leadOfficerId: 'Lead officer',
  singlePointOfContactId: 'Single point of contact',
  startDate: 'Start date',
  endDate: 'End date',
  parentCaseId: 'Part of',
  outcome: 'Outcome',
  reason: 'Reason',
  closureReason: 'Reason for closing',
};

export const caseStatusLabels: Record<CaseStatus, string> = { open: 'Open', closed: 'Closed', archived: 'Archived' };

/** An intervention on a case (a warning letter, an ABC, a CPW), field by field. */
export const interventionLabels = {
  interventionType: 'Intervention',
  interventionTypeId: 'Intervention',
  status: 'Status',
  startDate: 'Start date',
  endDate: 'End date',
  outcome: 'Outcome',
  notes: 'Notes',
};
