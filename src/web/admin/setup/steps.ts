import type { SetupStep } from '../../../shared/api/setup.ts';

/** A step's page: its name in the address is the step's, with a hyphen ("case-types"). */
export const stepPath = (partnershipId: string, step: SetupStep) => `/admin/setup/${partnershipId}/${step.replace('_', '-')}`;

export const stepOfPath = (segment: string | undefined): SetupStep | undefined =>
  (['organisations', 'teams', 'admins', 'lookups', 'case_types', 'agreement'] as const).find((s) => s.replace('_', '-') === segment);
