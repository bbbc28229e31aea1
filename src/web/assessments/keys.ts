/** Query keys of the assessments area; live updates invalidate by these prefixes. */
export const assessmentKeys = {
  all: ['assessments'] as const,
  one: (id: string) => ['assessments', id] as const,
  record: (kind: 'profiles' | 'cases', id: string) => ['assessments', 'record', kind, id] as const,
  list: (scope: string) => ['assessments', 'list', scope] as const,
  comparison: (id: string) => ['assessments', id, 'comparison'] as const,
  riskLevels: (profileId: string) => ['profiles', profileId, 'risk-levels'] as const,
};

export const templateKeys = {
  all: ['assessment-templates'] as const,
  list: (includeRetired: boolean) => ['assessment-templates', 'list', includeRetired] as const,
  one: (idOrKey: string, version?: number) => ['assessment-templates', idOrKey, version ?? 'current'] as const,
  versions: (id: string) => ['assessment-templates', id, 'versions'] as const,
  statistics: (id: string, filters: Record<string, string | undefined>) => ['assessment-templates', id, 'statistics', filters] as const,
};

export const bankKeys = {
  all: ['question-bank'] as const,
  list: (filters: Record<string, string | undefined>) => ['question-bank', filters] as const,
};
