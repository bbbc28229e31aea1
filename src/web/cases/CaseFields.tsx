import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import type { Ref } from '../../shared/api/common.ts';
import { useOrganisations } from '../api/options.ts';
import { can, useMe } from '../app/session.ts';
import type { FieldErrors } from '../components/forms.ts';
import { lookupOptions, useLookups } from '../records/lookups.ts';
import { caseLabels } from './labels.ts';
import { OfficerSelect } from './OfficerSelect.tsx';
import type { CaseFormValues } from './values.ts';

interface Props {
  values: CaseFormValues;
  onChange: (values: CaseFormValues) => void;
  fieldErrors: FieldErrors;
  /** People and the organisation the case already names, so their names show. */
  known?: { people: (Ref | null)[]; organisation: Ref | null };
}

export function CaseFields({ values, onChange, fieldErrors, known = { people: [], organisation: null } }: Props) {
  const me = useMe();
  const set = <K extends keyof CaseFormValues>(field: K, value: CaseFormValues[K]) => onChange({ ...values, [field]: value });
  // Retired case types too, so a case of a type since retired still shows its name.
  const caseTypes = useLookups('case_type', { includeRetired: true });
  const organisations = useOrganisations();
  const organisationOptions = new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name]));
  if (known.organisation && !organisationOptions.has(known.organisation.id)) organisationOptions.set(known.organisation.id, known.organisation.name);

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={caseLabels.caseType}
          data={lookupOptions(caseTypes.data?.items ?? [], values.caseTypeId ? [values.caseTypeId] : [])}
          value={values.caseTypeId}
          onChange={(id) => set('caseTypeId', id)}
          error={fieldErrors.caseType ?? fieldErrors.caseTypeId}
          searchable
          allowDeselect={false}
          required
        />
        <TextInput
          label={caseLabels.title}
          description="A short name people will recognise, e.g. the address or the operation"
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={fieldErrors.title}
          autoComplete="off"
          required
        />
      </SimpleGrid>
      <Textarea
        label={caseLabels.summary}
        value={values.summary}
        onChange={(e) => set('summary', e.currentTarget.value)}
        error={fieldErrors.summary}
        autosize
        minRows={3}
        maxRows={10}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={caseLabels.leadOrganisationId}
          placeholder="None yet"
          data={[...organisationOptions].map(([id, name]) => ({ value: id, label: name }))}
          value={values.leadOrganisationId}
          onChange={(id) => set('leadOrganisationId', id)}
          error={fieldErrors.leadOrganisationId}
          searchable
          clearable
        />
        <OfficerSelect
          label={caseLabels.leadOfficerId}
          value={values.leadOfficerId}
          onChange={(id) => set('leadOfficerId', id)}
          known={known.people}
          error={fieldErrors.leadOfficerId}
        />
        <OfficerSelect
          label={caseLabels.singlePointOfContactId}
          value={values.singlePointOfContactId}
          onChange={(id) => set('singlePointOfContactId', id)}
          known={known.people}
          error={fieldErrors.singlePointOfContactId}
        />
      </SimpleGrid>
      {!can(me, 'users.view') && (
        <Text size="sm" c="dimmed">
          You can name yourself as lead officer or single point of contact; your team administrator can name someone else.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
        <TextInput
          label={caseLabels.startDate}
          description="When work on the case began"
          type="date"
          value={values.startDate}
          onChange={(e) => set('startDate', e.currentTarget.value)}
          error={fieldErrors.startDate}
        />
        <TextInput
          label={caseLabels.endDate}
          description="The end of the contract or plan, if any"
          type="date"
          value={values.endDate}
          onChange={(e) => set('endDate', e.currentTarget.value)}
          error={fieldErrors.endDate}
        />
      </SimpleGrid>
    </>
  );
}
