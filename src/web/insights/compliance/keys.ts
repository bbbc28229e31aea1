import type { ComplianceCheck } from '../../../shared/insights.ts';

/**
 * Query keys of compliance monitoring. They start with "profiles": every check is about the
 * team's profiles, so a change to a person, their cases, sharing, assessments or victim care
 * (events that refresh "profiles") moves the figures too.
 */
export const complianceKeys = {
  all: ['profiles', 'compliance'] as const,
  summary: (teamId: string | null) => ['profiles', 'compliance', 'summary', teamId ?? 'own'] as const,
  list: (check: ComplianceCheck, teamId: string | null) => ['profiles', 'compliance', 'list', check, teamId ?? 'own'] as const,
};
