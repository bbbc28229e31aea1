import type { AccessLevel } from '../../shared/records.ts';

export const levelLabels: Record<AccessLevel, string> = { view: 'Can view', edit: 'Can view and edit' };

export const levelOptions = (Object.keys(levelLabels) as AccessLevel[]).map((value) => ({ value, label: levelLabels[value] }));
