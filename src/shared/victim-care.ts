/**
 * The vocabularies of victim care: contact plans and contacts with victims, the community trigger
 * and the ASB case review it opens. The same words in the database, the API and the screen.
 */

/** How a victim is contacted. A visit is always safe to record; the others as the plan says. */
export const contactChannels = ['phone', 'text', 'email', 'letter', 'visit'] as const;
export type ContactChannel = (typeof contactChannels)[number];
export const contactChannelLabels: Record<ContactChannel, string> = {
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
  letter: 'Letter',
  visit: 'Visit',
};

/** The report types victim care reads, by their stable keys in each partnership's list. */
export const victimUpdateReportType = 'victim-update';
export const asbComplaintReportType = 'asb-complaint';
export const hateIncidentReportType = 'hate-incident';

/**
 * Why a victim is flagged: `complaints`, enough ASB complaints about them in the period;
 * `location`, enough about one place they live; `hate`, any hate incident in the period.
 */
export const triggerBases = ['complaints', 'location', 'hate'] as const;
export type TriggerBasis = (typeof triggerBases)[number];
export const triggerBasisLabels: Record<TriggerBasis, string> = {
  complaints: 'ASB complaints',
  location: 'Complaints about one location',
  hate: 'A hate incident',
};

/**
 * The steps of an ASB case review (Anti-social Behaviour, Crime and Policing Act 2014 s104), in
 * order: the review's `stage` is the last step taken. After a threshold not met the applicant is
 * told (`outcome`); a review may be closed at any step (withdrawn) with a reason.
 */
export const caseReviewStages = ['application-received', 'threshold-decision', 'review-meeting', 'outcome', 'appeal', 'closed'] as const;
export type CaseReviewStage = (typeof caseReviewStages)[number];
export const caseReviewStageLabels: Record<CaseReviewStage, string> = {
  'application-received': 'Application received',
  'threshold-decision': 'Threshold decision',
  'review-meeting': 'Case review meeting',
  outcome: 'Outcome sent to the applicant',
  appeal: 'Appeal',
  closed: 'Closed',
};

/**
 * The clock of each step, in working days (Monday to Friday, not bank holidays) from the step
 * before it: the threshold decision 10 after the application, the meeting 15 after the threshold is
 * met, the outcome 5 after the meeting (or after a threshold not met), an appeal's answer 20 after
 * it arrives.
 */
export const caseReviewClocks = {
  'threshold-decision': 10,
  'review-meeting': 15,
  outcome: 5,
  appeal: 20,
} as const satisfies Partial<Record<CaseReviewStage, number>>;

/** What a partnership has until its system administrators change it. */
export const victimCareDefaults = {
  cadenceDays: { standard: 28, medium: 14, high: 7, notAssessed: 14 },
  overdueGraceDays: 2,
  communityTrigger: { complaints: 3, months: 6, locationComplaints: 5, anyHateIncident: true },
} as const;
