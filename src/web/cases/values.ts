import type { CaseRecord } from '../../shared/api/cases.ts';
import type { FieldErrors } from '../components/forms.ts';

/** A case's form: ids for the choices, text for the rest, dates as YYYY-MM-DD or blank. */
export interface CaseFormValues {
  caseTypeId: string | null;
  title: string;
  summary: string;
  leadOrganisationId: string | null;
  leadOfficerId: string | null;
  singlePointOfContactId: string | null;
  startDate: string;
  endDate: string;
}

export const emptyCase: CaseFormValues = {
  caseTypeId: null,
  title: '',
  summary: '',
  leadOrganisationId: null,
  leadOfficerId: null,
  singlePointOfContactId: null,
  startDate: '',
  endDate: '',
};

export function caseValues(c: CaseRecord): CaseFormValues {
  return {
    caseTypeId: c.caseType.id,
    title: c.title,
    summary: c.summary ?? '',
    leadOrganisationId: c.leadOrganisation?.id ?? null,
    leadOfficerId: c.leadOfficer?.id ?? null,
    singlePointOfContactId: c.singlePointOfContact?.id ?? null,
    startDate: c.startDate ?? '',
    endDate: c.endDate ?? '',
  };
}

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The form as the API takes it; the case type goes by id, which the API accepts as `caseType`. */
export function caseInput(v: CaseFormValues): Record<string, unknown> {
  return {
    caseType: v.caseTypeId ?? '',
    title: v.title,
    summary: blankToNull(v.summary),
    leadOrganisationId: v.leadOrganisationId,
    leadOfficerId: v.leadOfficerId,
    singlePointOfContactId: v.singlePointOfContactId,
    startDate: blankToNull(v.startDate),
    endDate: blankToNull(v.endDate),
  };
}

/** Checked before sending: an end before the start would only come back refused. */
export function dateErrors(v: CaseFormValues): FieldErrors {
  return v.startDate && v.endDate && v.endDate < v.startDate ? { endDate: 'End date must be on or after the start date' } : {};
}
