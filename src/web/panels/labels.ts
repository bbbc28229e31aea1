import { panelKindLabels, panelKinds, referralCriterionLabels, type ReferralCriterion } from '../../shared/panels.ts';

/** Field names in the words on each form, for messages about them. */
export const panelLabels = {
  kind: 'Kind of panel',
  name: 'Name',
  memberOrganisationIds: 'Member organisations',
  chairUserId: 'Chair',
  coordinatorIds: 'Coordinators',
};

export const referralLabels = { panelId: 'Panel', subject: 'Person or case', reason: 'Reason for referral', criteria: 'Criteria' };

export const meetingLabels = { startsAt: 'Date and time', day: 'Date', time: 'Time', endsAt: 'Ends', place: 'Place', onlineLink: 'Online link' };

export const researchLabels = {
  known: 'What we know (facts)',
  opinion: 'Our opinion',
  withheld: 'What we withheld',
  withheldReason: 'Why it was withheld',
};

export const minutesLabels = { text: 'Minutes', risks: 'Risks identified' };

export const actionLabels = { title: 'Action', description: 'Details', assignee: 'Who does it', dueDate: 'Due by' };

export const attendanceLabels = { status: 'Attendance', attendees: 'Who attended', confidentialityAgreed: 'Confidentiality statement agreed' };

// The API's labels keep "hub" and "case conference" in lower case, as they sit inside sentences;
// a choice in a list starts with a capital.
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const kindOptions = panelKinds.map((k) => ({ value: k, label: capital(panelKindLabels[k]) }));
export const kindName = (label: string) => capital(label);

export const criterionWords = (criteria: readonly ReferralCriterion[]) => criteria.map((c) => referralCriterionLabels[c]).join('; ');
