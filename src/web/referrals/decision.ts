import type { ReferralDecision } from '../../shared/referrals.ts';
import type { ProfileRole } from '../../shared/records.ts';
import type { Visibility } from '../../shared/work.ts';

/** "new" makes a person from the referral; otherwise the id of a likely match the reader may open. */
export type PersonChoice = 'new' | (string & {});

export interface DecisionValues {
  decision: ReferralDecision | null;
  reason: string;
  caseTypeId: string | null;
  caseId: string | null;
  person: PersonChoice;
  role: ProfileRole | null;
  reportVisibility: Visibility;
  signpostedTo: string;
  question: string;
}

export const noDecision: DecisionValues = {
  decision: null,
  reason: '',
  caseTypeId: null,
  caseId: null,
  person: 'new',
  role: null,
  reportVisibility: 'team',
  signpostedTo: '',
  question: '',
};

const accepting = (decision: ReferralDecision | null) => decision === 'new-case' || decision === 'existing-case';

/** The body of `POST /referrals/:id/decision`: only the fields the chosen decision uses. */
export function decisionBody(values: DecisionValues, version: number): Record<string, unknown> {
  const body: Record<string, unknown> = { decision: values.decision ?? undefined, reason: values.reason, version };
  if (values.decision === 'new-case' && values.caseTypeId) body.caseType = values.caseTypeId;
  if (values.decision === 'existing-case' && values.caseId) body.caseId = values.caseId;
  if (values.decision === 'scheme-application' && values.person !== 'new') body.profileId = values.person;
  if (accepting(values.decision)) {
    if (values.person !== 'new') body.profileId = values.person;
    if (values.role) body.role = values.role;
    body.reportVisibility = values.reportVisibility;
  }
  if (values.decision === 'signpost') body.signpostedTo = values.signpostedTo;
  if (values.decision === 'more-information') body.question = values.question;
  return body;
}

/**
 * What the chosen decision still needs, in words, for the fields the shared schema leaves
 * optional (each decision needs its own); null where nothing is missing.
 */
export function decisionProblems(values: DecisionValues): Record<string, string | null> {
  return {
    decision: values.decision ? null : 'Choose a decision',
    caseType: values.decision === 'new-case' && !values.caseTypeId ? 'Choose a case type' : null,
    caseId: values.decision === 'existing-case' && !values.caseId ? 'Find and choose the case' : null,
    signpostedTo: values.decision === 'signpost' && !values.signpostedTo.trim() ? 'Say where they were signposted to' : null,
    question: values.decision === 'more-information' && !values.question.trim() ? 'Write the question for the referrer' : null,
  };
}
