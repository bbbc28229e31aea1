import type { Lookup } from '../../../shared/api/records.ts';
import type { ComparedField } from '../../components/changes.ts';
import { fieldErrorsFromApi, type FieldErrors } from '../../components/forms.ts';
import { encodeShares, sharesOf } from './sharing.ts';

export const lookupLabels = {
  name: 'Name',
  key: 'Key',
  groupName: 'Group',
  code: 'Reference code',
  defaultSharing: 'Default sharing',
};

/** What the forms hold; the sharing is encoded (see encodeShares) so versions compare by value. */
export interface LookupValues {
  name: string;
  key: string;
  groupName: string;
  code: string;
  sharing: string;
}

export function lookupValues(value: Lookup): LookupValues {
  return {
    name: value.name,
    key: value.key,
    groupName: value.groupName ?? '',
    code: value.code ?? '',
    sharing: encodeShares(sharesOf(value)),
  };
}

export function comparedLookupFields(describeSharing: (encoded: string) => string): ComparedField<LookupValues>[] {
  return [
    { key: 'name', label: lookupLabels.name },
    { key: 'groupName', label: lookupLabels.groupName },
    { key: 'code', label: lookupLabels.code },
    { key: 'sharing', label: lookupLabels.defaultSharing, show: (v) => describeSharing(v) },
  ];
}

/** The server names a sharing problem by its line ("defaultSharing.2.teamId"); the form shows it at the field. */
export function lookupErrorsFromApi(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(fieldErrorsFromApi(error, lookupLabels))) {
    const key = field.startsWith('defaultSharing.') ? 'defaultSharing' : field;
    errors[key] ??= key === field ? message : `A team or organisation in the default sharing ${message.replace(/^This /, '')}`;
  }
  return errors;
}

/** Blank optional text is sent as null, so it clears the value. */
export function optional(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}
