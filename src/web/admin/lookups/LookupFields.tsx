import { TextInput } from '@mantine/core';
import type { LookupList } from '../../../shared/records.ts';
import { can, useMe } from '../../app/session.ts';
import type { FieldErrors } from '../../components/forms.ts';
import { DefaultSharingField } from './DefaultSharingField.tsx';
import { lookupLabels, type LookupValues } from './fields.ts';
import { decodeShares, encodeShares } from './sharing.ts';

interface Props {
  list: LookupList;
  values: LookupValues;
  set: <K extends keyof LookupValues>(field: K, value: LookupValues[K]) => void;
  fieldErrors: FieldErrors;
  /** The key is chosen once, when the value is added: imports and other systems rely on it. */
  withKey: boolean;
}

export function LookupFields({ list, values, set, fieldErrors, withKey }: Props) {
  // Default sharing decides who sees every agency's new cases: kept, like the lists, by those the
  // server lets manage them.
  const maySetSharing = can(useMe(), 'lookups.manage');
  return (
    <>
      <TextInput
        label={lookupLabels.name}
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={fieldErrors.name}
        required
        data-autofocus
      />
      {withKey && (
        <TextInput
          label={lookupLabels.key}
          description="Used by imports and other systems; it never changes. Leave blank to make it from the name."
          value={values.key}
          onChange={(e) => set('key', e.currentTarget.value)}
          error={fieldErrors.key}
        />
      )}
      {list === 'ethnicity' && (
        <TextInput
          label={lookupLabels.groupName}
          description="The ONS group it belongs to, e.g. White"
          value={values.groupName}
          onChange={(e) => set('groupName', e.currentTarget.value)}
          error={fieldErrors.groupName}
        />
      )}
      {list === 'case_type' && (
        <>
          <TextInput
            label={lookupLabels.code}
            description="Starts the reference of each case of this type: ASB in ASB/2026/00042. Capital letters and digits, up to 8."
            value={values.code}
            onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
            error={fieldErrors.code}
            maxLength={8}
          />
          {maySetSharing && (
            <DefaultSharingField
              value={decodeShares(values.sharing)}
              onChange={(shares) => set('sharing', encodeShares(shares))}
              error={fieldErrors.defaultSharing}
            />
          )}
        </>
      )}
    </>
  );
}
