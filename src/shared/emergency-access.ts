/**
 * Breaking the glass: a member of staff who may not open a profile opens it for a short time by
 * giving a reason; the owning team's administrators are told at once and sign the access off.
 */
export const emergencyAccessMinutes = 60;

export const emergencyReviewOutcomes = ['justified', 'not_justified'] as const;
export type EmergencyReviewOutcome = (typeof emergencyReviewOutcomes)[number];
export const emergencyReviewOutcomeLabels: Record<EmergencyReviewOutcome, string> = {
  justified: 'Justified',
  not_justified: 'Not justified',
};

export const emergencyAccessStatuses = ['pending', 'reviewed', 'all'] as const;
export type EmergencyAccessStatus = (typeof emergencyAccessStatuses)[number];

/** How long "recently viewed by" looks back, and how many people it names. */
export const recentViewersDays = 30;
export const recentViewersShown = 5;
