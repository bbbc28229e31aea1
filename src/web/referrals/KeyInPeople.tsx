import { Fieldset, Group, SimpleGrid, TextInput } from '@mantine/core';
import type { FieldErrors } from '../components/forms.ts';
import { DateInput } from '../forms/DateInput.tsx';
import type { KeyInValues } from './keyIn.ts';
import { keyInLabels } from './labels.ts';

interface Props<K extends 'referrer' | 'subject'> {
  values: KeyInValues[K];
  onChange: (values: KeyInValues[K]) => void;
  fieldErrors: FieldErrors;
}

export function ReferrerFields({ values, onChange, fieldErrors }: Props<'referrer'>) {
  const field = (name: keyof KeyInValues['referrer'], extra: { required?: boolean; type?: string; autoComplete?: string; description?: string } = {}) => (
    <TextInput
      label={keyInLabels[`referrer.${name}`]}
      value={values[name]}
      onChange={(e) => onChange({ ...values, [name]: e.currentTarget.value })}
      error={fieldErrors[`referrer.${name}`]}
      maxLength={name === 'phone' ? 30 : 200}
      {...extra}
    />
  );
  return (
    <Fieldset legend="Who is referring">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {field('name', { required: true })}
        {field('organisation', { description: 'If they referred as part of their work' })}
        {field('relationship', { description: 'For example, neighbour, teacher, their GP' })}
        {field('phone', { type: 'tel' })}
        {field('email', { type: 'email', description: 'Only if they want the reference and a link to add information' })}
      </SimpleGrid>
    </Fieldset>
  );
}

export function SubjectFields({ values, onChange, fieldErrors }: Props<'subject'>) {
  const set = (name: keyof KeyInValues['subject'], value: string) => onChange({ ...values, [name]: value });
  const field = (name: keyof KeyInValues['subject'], label: string, extra: { required?: boolean; type?: string; maxLength?: number } = {}) => (
    <TextInput label={label} value={values[name]} onChange={(e) => set(name, e.currentTarget.value)} error={fieldErrors[`subject.${name}`] ?? fieldErrors[`subject.address.${name}`] ?? (name === 'addressLine1' ? fieldErrors['subject.address'] : undefined)} maxLength={200} {...extra} />
  );
  return (
    <Fieldset legend="The person it is about">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {field('firstName', keyInLabels['subject.firstName']!, { required: true, maxLength: 100 })}
        {field('lastName', keyInLabels['subject.lastName']!, { required: true, maxLength: 100 })}
      </SimpleGrid>
      <Group mt="md">
        <DateInput legend="Date of birth" value={values.dateOfBirth} onChange={(v) => set('dateOfBirth', v)} error={fieldErrors['subject.dateOfBirth']} hint="If the referrer knows it. For example, 27 3 2007" />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
        {field('addressLine1', 'Address line 1')}
        {field('addressLine2', 'Address line 2')}
        {field('town', 'Town')}
        {field('postcode', 'Postcode', { maxLength: 10 })}
        {field('phone', 'Their phone number', { type: 'tel', maxLength: 30 })}
        {field('email', 'Their email address', { type: 'email' })}
      </SimpleGrid>
    </Fieldset>
  );
}
