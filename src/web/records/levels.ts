import type { AccessLevel, GrantSource } from '../../shared/records.ts';

export const levelLabels: Record<AccessLevel, string> = { view: 'Can view', edit: 'Can view and edit' };

export const levelOptions = (Object.keys(levelLabels) as AccessLevel[]).map((value) => ({ value, label: levelLabels[value] }));

/** How a grant came about, in the words of the sharing panel ("shared", "approved request" …). */
export const sourceLabels: Record<GrantSource, string> = {
  share: 'shared',
  case_type_default: "the case type's default sharing",
  access_request: 'an approved access request',
  panel: 'panel membership',
  emergency: 'emergency access',
};
