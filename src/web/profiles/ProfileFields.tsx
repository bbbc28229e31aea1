import type { ReactNode } from 'react';
import { Checkbox, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Gender, RiskLevel } from '../../shared/records.ts';
import type { FieldErrors } from '../components/forms.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { lookupOptions, useLookups } from '../records/lookups.ts';
import { AddressFields } from './AddressFields.tsx';
import { AliasFields } from './AliasFields.tsx';
import { orderedRoles, type ProfileFormValues } from './form.ts';
import { genderOptions, profileLabels, riskOptions, roleOptions } from './labels.ts';

interface Props {
  values: ProfileFormValues;
  set: <K extends keyof ProfileFormValues>(field: K, value: ProfileFormValues[K]) => void;
  fieldErrors: FieldErrors;
  /** Shown straight after the name and date of birth: the likely matches on the create form. */
  afterIdentity?: ReactNode;
}

/** Every detail of a profile, for creating one and for editing it. */
export function ProfileFields({ values, set, fieldErrors, afterIdentity }: Props) {
  const ethnicities = useLookups('ethnicity', { includeRetired: true });
  const vulnerabilities = useLookups('vulnerability', { includeRetired: true });
  const markers = useLookups('warning_marker', { includeRetired: true });
  const loading = (q: { isPending: boolean }) => (q.isPending ? 'Loading…' : undefined);

  return (
    <Stack gap="lg">
      <Fieldset legend="Name and date of birth">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={profileLabels.firstName}
            value={values.firstName}
            onChange={(e) => set('firstName', e.currentTarget.value)}
            error={fieldErrors.firstName}
            autoComplete="off"
            required
          />
          <TextInput
            label={profileLabels.lastName}
            value={values.lastName}
            onChange={(e) => set('lastName', e.currentTarget.value)}
            error={fieldErrors.lastName}
            autoComplete="off"
            required
          />
          <DateInput legend={profileLabels.dateOfBirth ?? 'Date of birth'} value={values.dateOfBirth} onChange={(v) => set('dateOfBirth', v)} error={fieldErrors.dateOfBirth} />
          <NumberInput
            label={profileLabels.approximateAge}
            description={values.dateOfBirth ? 'Not needed: the date of birth is known' : 'If the date of birth is not known'}
            value={values.approximateAge}
            onChange={(v) => set('approximateAge', String(v))}
            error={fieldErrors.approximateAge}
            disabled={Boolean(values.dateOfBirth)}
            min={0}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
          />
        </SimpleGrid>
      </Fieldset>
      {afterIdentity}
      <Fieldset legend="About the person">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={profileLabels.gender}
              placeholder="Not recorded"
              data={genderOptions}
              value={values.gender}
              onChange={(v) => set('gender', v as Gender | null)}
              error={fieldErrors.gender}
              clearable
            />
            <Select
              label={profileLabels.ethnicity}
              placeholder={loading(ethnicities) ?? 'Not recorded'}
              data={lookupOptions(ethnicities.data?.items ?? [], values.ethnicity ? [values.ethnicity] : [])}
              value={values.ethnicity}
              onChange={(v) => set('ethnicity', v)}
              error={fieldErrors.ethnicity}
              searchable
              clearable
              nothingFoundMessage="No match"
            />
          </SimpleGrid>
          <Checkbox.Group
            label={profileLabels.roles}
            description="The parts this person plays; they can hold several."
            value={values.roles}
            onChange={(v) => set('roles', orderedRoles(v))}
            error={fieldErrors.roles}
          >
            <Group gap="lg" mt={6}>
              {roleOptions.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            label={profileLabels.reasonCreated}
            description="Why this person is on Concord: the incident, referral or case that brought them here."
            value={values.reasonCreated}
            onChange={(e) => set('reasonCreated', e.currentTarget.value)}
            error={fieldErrors.reasonCreated}
            autosize
            minRows={2}
            maxLength={2000}
            required
          />
        </Stack>
      </Fieldset>
      <Fieldset legend="Safety and risk">
        <Stack gap="md">
          <MultiSelect
            label={profileLabels.warningMarkers}
            description="For the safety of staff who meet this person; shown in red wherever the profile appears."
            placeholder={loading(markers)}
            data={lookupOptions(markers.data?.items ?? [], values.warningMarkers)}
            value={values.warningMarkers}
            onChange={(v) => set('warningMarkers', v)}
            error={fieldErrors.warningMarkers}
            searchable
            clearable
            nothingFoundMessage="No match"
          />
          <MultiSelect
            label={profileLabels.vulnerabilities}
            placeholder={loading(vulnerabilities)}
            data={lookupOptions(vulnerabilities.data?.items ?? [], values.vulnerabilities)}
            value={values.vulnerabilities}
            onChange={(v) => set('vulnerabilities', v)}
            error={fieldErrors.vulnerabilities}
            searchable
            clearable
            nothingFoundMessage="No match"
          />
          <Select
            label={profileLabels.riskLevel}
            placeholder="Not assessed"
            data={riskOptions}
            value={values.riskLevel}
            onChange={(v) => set('riskLevel', v as RiskLevel | null)}
            error={fieldErrors.riskLevel}
            clearable
            maw={320}
          />
          <Textarea
            label={profileLabels.keyInformation}
            description="Significant events everyone working with this person should know at a glance."
            value={values.keyInformation}
            onChange={(e) => set('keyInformation', e.currentTarget.value)}
            error={fieldErrors.keyInformation}
            autosize
            minRows={2}
            maxLength={2000}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend="Contact details and other names">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={profileLabels.phone} type="tel" value={values.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={fieldErrors.phone} autoComplete="off" />
            <TextInput label={profileLabels.email} type="email" value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={fieldErrors.email} autoComplete="off" />
          </SimpleGrid>
          <AliasFields aliases={values.aliases} onChange={(v) => set('aliases', v)} fieldErrors={fieldErrors} />
        </Stack>
      </Fieldset>
      <AddressFields addresses={values.addresses} onChange={(v) => set('addresses', v)} fieldErrors={fieldErrors} />
    </Stack>
  );
}
